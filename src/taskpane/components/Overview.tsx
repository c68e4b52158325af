import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { Ref } from 'react';
import type { RunResult } from '../../core/host';
import { levelFillByKey, UNRATED_SWATCH } from '../../core/plans/palette';
import type { Analysis } from '../../core/types';
import { count, headline, resultBar, severityCounts, weightedScoreNote } from '../headline';
import { Notice } from './Notice';
import { JumpLinks } from './JumpLinks';
import { Written } from './Written';

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

/**
 * The rating bar's segments in the scale's order, then "Not rated", each with the colour of what it means
 * (plans/palette.ts), as the chart, the key and the plan's rules show it.
 */
export function ratingSegments(analysis: Analysis): { label: string; count: number; colour: string }[] {
  const levels = analysis.stats.levels.map((l) => ({ label: l.label, count: l.count, colour: levelFillByKey(analysis.scale, l.key) }));
  return [...levels, { label: 'Not rated', count: analysis.stats.unrated, colour: UNRATED_SWATCH.fill }];
}

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
    ['Not rated', count(stats.unrated)],
    ['Errors to fix', count(errors)],
    ...(stats.weightedScore !== null ? ([['Weighted score', pct(stats.weightedScore)]] as [string, string][]) : []),
    ...(stats.recordsStatutory
      ? ([['Statutory complete', `${count(stats.statutory.complete)} of ${count(stats.statutory.total)}`]] as [string, string][])
      : []),
  ];
}

/** The rating bar and its legend in words (labels and counts, never colour alone). */
function Ratings({ analysis }: { analysis: Analysis }) {
  const styles = useStyles();
  const segments = ratingSegments(analysis);
  const summary = segments.map((s) => `${s.label} ${count(s.count)}`).join(', ');
  return (
    <>
      <h3 className={styles.h3}>{analysis.scaleLabel}</h3>
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

/** Where no table was found: what the checker looked for, or, on our own summary sheet, where to go instead. */
function NoTable(props: { analysis: Analysis; summarySheet: string | null; onOpenSettings?: () => void }) {
  if (props.summarySheet !== null && props.analysis.sheet === props.summarySheet) {
    return (
      <Notice intent="info" title="This is the summary sheet the checker wrote.">
        Go to the sheet with your action plan, then check it there.
      </Notice>
    );
  }
  return (
    <Notice
      intent="warning"
      title="No action-plan table on this sheet."
      actions={
        props.onOpenSettings ? (
          <Button size="small" onClick={props.onOpenSettings}>
            Open Settings
          </Button>
        ) : null
      }
    >
      The checker looks in the first 50 rows for a header row with columns such as No, Subject, Lead, Timescales, Recommendation and
      Progress. Choose the header row and columns in Settings.
    </Notice>
  );
}

/**
 * The answer first: the headline sentence (the heading focus moves to after a run), links to the chase list and
 * findings, the figures, what was written in one line (the detail behind "What changed"), then the ratings.
 */
export function Overview({
  result,
  headingRef,
  onOpenSettings,
  summarySheet = null,
  onGoToSummary,
}: {
  result: RunResult;
  headingRef?: Ref<HTMLHeadingElement>;
  onOpenSettings?: () => void;
  /** Our summary sheet, when the workbook has one: "Go to summary" activates it. */
  summarySheet?: string | null;
  onGoToSummary?: (sheet: string) => void;
}) {
  const styles = useStyles();
  const { analysis } = result;
  const heading = (
    <h2 ref={headingRef} tabIndex={-1} className={styles.headline}>
      {headline(analysis)}
    </h2>
  );
  if (!analysis.table) {
    return (
      <section aria-label="Results" className={styles.root}>
        {heading}
        <NoTable analysis={analysis} summarySheet={summarySheet} onOpenSettings={onOpenSettings} />
      </section>
    );
  }
  const note = weightedScoreNote(analysis);
  return (
    <section aria-label="Results" className={styles.root}>
      {heading}
      <JumpLinks analysis={analysis} notes={result.notes} />
      <ul className={styles.tiles} aria-label="Headline figures">
        {tileFigures(result).map(([label, figure]) => (
          <li key={label} className={styles.tile} style={{ listStyle: 'none' }}>
            <span className={styles.figure}>{figure}</span>
            <span className={styles.label}>{label}</span>
          </li>
        ))}
      </ul>
      {result.applied.length > 0 ? (
        <Written
          applied={result.applied}
          bar={resultBar([...analysis.findings, ...result.notes])}
          undo={result.undo ?? null}
          undoWords={result.undoWords}
          summarySheet={summarySheet}
          onGoToSummary={onGoToSummary}
        />
      ) : null}
      <Ratings analysis={analysis} />
      {note ? <p className={styles.note}>{note}</p> : null}
    </section>
  );
}
