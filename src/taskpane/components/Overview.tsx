import { makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import type { RunResult } from '../../core/host';

const useStyles = makeStyles({
  tiles: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(96px, 1fr))',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
  },
  tile: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  figure: { display: 'block', fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  label: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0, hyphens: 'manual' },
  bar: {
    display: 'flex',
    height: '12px',
    borderRadius: tokens.borderRadiusSmall,
    overflow: 'hidden',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  legend: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: '1fr auto',
    gap: `0 ${tokens.spacingHorizontalS}`,
  },
  swatch: {
    display: 'inline-block',
    width: '10px',
    height: '10px',
    marginRight: tokens.spacingHorizontalXS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  h2: { fontSize: tokens.fontSizeBase400, margin: `${tokens.spacingVerticalS} 0` },
});

const SEGMENT = ['#107C41', '#2F77B5', '#C19C00', '#CA5010', '#A4262C', '#8A8886'];
const pct = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x * 100)}%`);

/** Headline tiles and the rating distribution (labels and counts, never colour alone). */
export function Overview({ result }: { result: RunResult }) {
  const styles = useStyles();
  const { stats, table } = result.analysis;
  if (!table) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>
          No action-plan table on this sheet. The checker looks in the first 50 rows for a header row with columns such as No, Subject,
          Lead, Timescales, Recommendation and Progress. Open Settings below to choose the header row and columns.
        </MessageBarBody>
      </MessageBar>
    );
  }
  const tiles: [string, string][] = [
    // A soft hyphen lets the longest label break cleanly in a 350-pixel pane.
    ['Recom\u00admendations', String(stats.total)],
    ['Complete', `${stats.complete} of ${stats.total - stats.excluded}`],
    ['Completion', pct(stats.total - stats.excluded > 0 ? stats.completionRate : null)],
    ['Overdue', String(stats.overdue)],
    ['Unrated', String(stats.unrated)],
    ...(stats.weightedScore !== null ? ([['Weighted score', pct(stats.weightedScore)]] as [string, string][]) : []),
    ...(stats.recordsStatutory
      ? ([['Statutory complete', `${stats.statutory.complete} of ${stats.statutory.total}`]] as [string, string][])
      : []),
  ];
  const segments = [...stats.levels.map((l) => ({ label: l.label, count: l.count })), { label: 'Unrated', count: stats.unrated }];
  const summary = segments.map((s) => `${s.label} ${s.count}`).join(', ');
  return (
    <section aria-label="Results">
      <ul className={styles.tiles} aria-label="Headline figures">
        {tiles.map(([label, figure]) => (
          <li key={label} className={styles.tile} style={{ listStyle: 'none' }}>
            <span className={styles.figure}>{figure}</span>
            <span className={styles.label}>{label}</span>
          </li>
        ))}
      </ul>
      <h2 className={styles.h2}>{result.analysis.scaleLabel}</h2>
      <div className={styles.bar} role="img" aria-label={`Ratings: ${summary}`}>
        {segments.map((s, i) =>
          s.count > 0 ? (
            <span key={s.label} style={{ flexGrow: s.count, backgroundColor: SEGMENT[i % SEGMENT.length], forcedColorAdjust: 'none' }} />
          ) : null,
        )}
      </div>
      <ul className={styles.legend} aria-label="Rating counts">
        {segments.map((s, i) => (
          <li key={s.label} style={{ display: 'contents' }}>
            <span>
              <span
                className={styles.swatch}
                style={{ backgroundColor: SEGMENT[i % SEGMENT.length], forcedColorAdjust: 'none' }}
                aria-hidden="true"
              />
              {s.label}
            </span>
            <span>{s.count}</span>
          </li>
        ))}
      </ul>
      {result.applied.length > 0 ? (
        <MessageBar intent="success">
          <MessageBarBody>Done: {result.applied.join('; ')}.</MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
