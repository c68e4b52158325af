import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { chaseList, chaseReasons, type ChaseLead } from '../../core/figures/chaseList';
import type { Analysis } from '../../core/types';
import { count, plural } from '../headline';
import { CHASE_HEADING } from './JumpLinks';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  h2: { fontSize: tokens.fontSizeBase400, margin: `${tokens.spacingVerticalS} 0 0` },
  h3: { fontSize: tokens.fontSizeBase300, margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}`, overflowWrap: 'anywhere' },
  items: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: { justifyContent: 'flex-start', textAlign: 'start', height: 'auto', minWidth: 0, whiteSpace: 'normal', overflowWrap: 'anywhere' },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/** Leads shown before "Show all", and items per lead: a 3,000-row plan stays a page, not a scroll. */
const FIRST_LEADS = 8;
const FIRST_ITEMS = 10;
/** A chase list this short shows every lead open; a longer one starts closed, as one line, then as its leads' headings. */
const OPEN_UP_TO = 25;

/** "3 overdue, 1 slipped, 1 not rated": what a lead is chased on, in counts. */
function leadCounts(lead: ChaseLead): string {
  const parts: string[] = [];
  if (lead.overdue > 0) parts.push(`${count(lead.overdue)} overdue`);
  if (lead.slipped > 0) parts.push(`${count(lead.slipped)} slipped`);
  if (lead.unrated > 0) parts.push(`${count(lead.unrated)} not rated`);
  return parts.join(', ');
}

/** One lead's items, each a button selecting its row ("R3: Overdue 245 days; Slipped 2x (+240 days)"), under a heading that opens and closes them. */
function Lead(props: { lead: ChaseLead; index: number; column: string; open: boolean; onSelect: (cell: string) => void }) {
  const { lead, index, column, onSelect } = props;
  const styles = useStyles();
  const [open, setOpen] = useState(props.open);
  const [all, setAll] = useState(false);
  const shown = all ? lead.items : lead.items.slice(0, FIRST_ITEMS);
  const id = `chase-lead-${index}`;
  return (
    <div>
      <h3 className={styles.h3}>
        <Button
          id={id}
          appearance="subtle"
          size="small"
          className={styles.item}
          aria-expanded={open}
          aria-controls={`${id}-items`}
          onClick={() => setOpen(!open)}
        >
          {lead.lead}: {leadCounts(lead)}
        </Button>
      </h3>
      {open ? (
        <>
          <ul id={`${id}-items`} className={styles.items} aria-labelledby={id}>
            {shown.map((item) => (
              <li key={item.row}>
                <Button size="small" appearance="subtle" className={styles.item} onClick={() => onSelect(`${column}${item.row}`)}>
                  {item.reference}: {chaseReasons(item)}
                </Button>
              </li>
            ))}
          </ul>
          {lead.items.length > shown.length ? (
            <Button appearance="subtle" size="small" onClick={() => setAll(true)}>
              Show all {plural(lead.items.length, 'item')} for {lead.lead}
            </Button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

/**
 * The chase list (SPEC C1) in the pane: per lead officer, their overdue, slipped and unrated items, most overdue
 * first, each selecting its row; the same list the summary sheet writes, ready to send or to call an officer to
 * committee. Nothing is shown when nobody has anything to chase.
 */
export function ChaseSection({ analysis, onSelect }: { analysis: Analysis; onSelect: (cell: string) => void }) {
  const styles = useStyles();
  const leads = useMemo(() => chaseList(analysis), [analysis]);
  const [all, setAll] = useState(false);
  const [shownByUser, setShownByUser] = useState(false);
  if (leads.length === 0) return null;
  const column = analysis.table?.columns.id ?? analysis.table?.columns.recommendation ?? 'A';
  const items = leads.reduce((n, l) => n + l.items.length, 0);
  const open = items <= OPEN_UP_TO;
  const shown = all ? leads : leads.slice(0, FIRST_LEADS);
  return (
    <section aria-labelledby={CHASE_HEADING} className={styles.root}>
      <h2 id={CHASE_HEADING} tabIndex={-1} className={styles.h2}>
        Chase list
      </h2>
      <p className={styles.note}>By lead officer: overdue, slipped and unrated items, most overdue first.</p>
      {open || shownByUser ? (
        <>
          {shown.map((lead, i) => (
            <Lead key={lead.lead} lead={lead} index={i} column={column} open={open} onSelect={onSelect} />
          ))}
          {leads.length > shown.length ? (
            <Button appearance="subtle" size="small" onClick={() => setAll(true)}>
              Show all {count(leads.length)} lead officers
            </Button>
          ) : null}
        </>
      ) : (
        <Button appearance="subtle" size="small" className={styles.item} aria-expanded={false} onClick={() => setShownByUser(true)}>
          Show {plural(items, 'item')} for {plural(leads.length, 'lead officer')}
        </Button>
      )}
    </section>
  );
}
