import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import type { RunResult } from '../../core/host';
import { levelFillByKey, UNRATED_SWATCH } from '../../core/plans/palette';
import { count, headline, resultBar, severityCounts, weightedScoreNote } from '../headline';

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
  h3: { fontSize: tokens.fontSizeBase400, margin: `${tokens.spacingVerticalS} 0 0` },
  headline: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0, lineHeight: tokens.lineHeightBase400 },
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

const pct = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x * 100)}%`);

/** The headline figures as [label, figure] pairs, counts with thousands separators. */
function tileFigures(result: RunResult): [string, string][] {
  const { stats } = result.analysis;
  const counted = stats.total - stats.excluded;
  const errors = severityCounts([...result.analysis.findings, ...result.notes]).error;
  return [
    // A soft hyphen lets the longest label break cleanly in a 350-pixel pane.
    ['Recom\u00admendations', count(stats.total)],
    ['Complete', `${count(stats.complete)} of ${count(counted)}`],
    ['Completion', pct(counted > 0 ? stats.completionRate : null)],
    ['Overdue', count(stats.overdue)],
    ['Unrated', count(stats.unrated)],
    ['Errors to fix', count(errors)],
    ...(stats.weightedScore !== null ? ([['Weighted score', pct(stats.weightedScore)]] as [string, string][]) : []),
    ...(stats.recordsStatutory
      ? ([['Statutory complete', `${count(stats.statutory.complete)} of ${count(stats.statutory.total)}`]] as [string, string][])
      : []),
  ];
}

/** The rating bar and its legend in words (labels and counts, never colour alone). */
function Ratings({ result }: { result: RunResult }) {
  const styles = useStyles();
  const { stats } = result.analysis;
  // Each segment's colour by what its level means (plans/palette.ts), as the chart and the plan show it.
  const scale = result.analysis.scale;
  const segments = [
    ...stats.levels.map((l) => ({ label: l.label, count: l.count, colour: levelFillByKey(scale, l.key) })),
    { label: 'Unrated', count: stats.unrated, colour: UNRATED_SWATCH.fill },
  ];
  const summary = segments.map((s) => `${s.label} ${count(s.count)}`).join(', ');
  return (
    <>
      <h3 className={styles.h3}>{result.analysis.scaleLabel}</h3>
      <div className={styles.bar} role="img" aria-label={`Ratings: ${summary}`}>
        {segments.map((s) =>
          s.count > 0 ? <span key={s.label} style={{ flexGrow: s.count, backgroundColor: s.colour, forcedColorAdjust: 'none' }} /> : null,
        )}
      </div>
      <ul className={styles.legend} aria-label="Rating counts">
        {segments.map((s) => (
          <li key={s.label} style={{ display: 'contents' }}>
            <span>
              <span className={styles.swatch} style={{ backgroundColor: s.colour, forcedColorAdjust: 'none' }} aria-hidden="true" />
              {s.label}
            </span>
            <span>{count(s.count)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The headline sentence (the heading focus moves to after a run), tiles, ratings and what was written. */
export function Overview({
  result,
  headingRef,
  onOpenSettings,
}: {
  result: RunResult;
  headingRef?: React.Ref<HTMLHeadingElement>;
  onOpenSettings?: () => void;
}) {
  const styles = useStyles();
  const heading = (
    <h2 ref={headingRef} tabIndex={-1} className={styles.headline}>
      {headline(result.analysis)}
    </h2>
  );
  if (!result.analysis.table) {
    return (
      <section aria-label="Results" className={styles.root}>
        {heading}
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>No action-plan table on this sheet.</MessageBarTitle>
            The checker looks in the first 50 rows for a header row with columns such as No, Subject, Lead, Timescales, Recommendation and
            Progress. Choose the header row and columns in Settings.
          </MessageBarBody>
          {onOpenSettings ? (
            <MessageBarActions>
              <Button size="small" onClick={onOpenSettings}>
                Open Settings
              </Button>
            </MessageBarActions>
          ) : null}
        </MessageBar>
      </section>
    );
  }
  const bar = resultBar([...result.analysis.findings, ...result.notes]);
  return (
    <section aria-label="Results" className={styles.root}>
      {heading}
      {result.applied.length > 0 ? (
        <MessageBar intent={bar.intent}>
          <MessageBarBody>
            <MessageBarTitle>{bar.title}.</MessageBarTitle>
            {result.applied.join('; ')}.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <ul className={styles.tiles} aria-label="Headline figures">
        {tileFigures(result).map(([label, figure]) => (
          <li key={label} className={styles.tile} style={{ listStyle: 'none' }}>
            <span className={styles.figure}>{figure}</span>
            <span className={styles.label}>{label}</span>
          </li>
        ))}
      </ul>
      {weightedScoreNote(result.analysis) ? <p className={styles.note}>{weightedScoreNote(result.analysis)}</p> : null}
      <Ratings result={result} />
    </section>
  );
}
