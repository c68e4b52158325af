import { Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import type { Analysis } from '../../core/types';
import { formatLong, fromIso } from '../../core/dates';
import { count } from '../headline';
import { helpUrl } from '../help';
import type { Action } from '../paneState';
import { Notice } from './Notice';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  top: { display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  where: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  // High contrast: the system's link colour, not the theme's yellow (which is meant for a black page).
  help: { '@media (forced-colors: active)': { color: 'LinkText' } },
});

/** What Refresh will do, said beside it: it re-reads, and rewrites what the pane wrote. */
const REFRESH_WORDS: Readonly<Record<Action, string>> = {
  runAll: 'Refresh reads the sheet again and updates the formats, status column and summary sheet.',
  format: 'Refresh reads the sheet again and updates the formats and status column.',
  summary: 'Refresh reads the sheet again and updates the summary sheet.',
  check: 'Refresh reads the sheet again; it writes nothing.',
};

/** "Appendix 1, A5:F18, 13 recommendations, as at 31 March 2002": what the figures below are about. */
function where(analysis: Analysis | null): string {
  if (!analysis) return 'Open the sheet with your action plan, then check it.';
  const table = analysis.table;
  if (!table) return `${analysis.sheet}: no action-plan table found`;
  const day = fromIso(analysis.asAt);
  const n = analysis.stats.total;
  const range = `${table.firstColumn}${table.headerRow}:${table.lastColumn}${table.lastRow}`;
  return `${analysis.sheet}, ${range}, ${count(n)} recommendation${n === 1 ? '' : 's'}${day === null ? '' : `, as at ${formatLong(day)}`}`;
}

/** The pane's title and Help, what the results are about (sheet, table, count, date), and a stale warning with Refresh. */
export function PlanHeader(props: {
  analysis: Analysis | null;
  stale: boolean;
  busy: boolean;
  /** What Refresh does (refreshAction): a check, or the write done before. */
  refresh?: Action;
  onRefresh: () => void;
}) {
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <div className={styles.top}>
        <h1 className={styles.title}>Action plan check</h1>
        <Link className={styles.help} href={helpUrl()} target="_blank" rel="noopener">
          Help
        </Link>
      </div>
      <p className={styles.where}>{where(props.analysis)}</p>
      {props.stale ? (
        <Notice
          intent="warning"
          title="Out of date."
          actions={
            <Button size="small" onClick={props.onRefresh} disabled={props.busy}>
              Refresh
            </Button>
          }
        >
          The sheet has changed since these results. {REFRESH_WORDS[props.refresh ?? 'check']}
        </Notice>
      ) : null}
    </header>
  );
}
