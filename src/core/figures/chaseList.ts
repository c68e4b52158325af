import { normalise } from '../cells';
import { STATUS_WORDS } from '../plans/statusWords';
import type { Analysis, Recommendation } from '../types';

/** The heading of the items whose lead cell is empty. */
export const NO_LEAD = 'No lead officer named';

/** One recommendation a lead officer is to be chased on, with every reason (C1). */
export interface ChaseItem {
  /** The reference as written, or "row N" when the row has none. */
  readonly reference: string;
  /** The worksheet's 1-based row. */
  readonly row: number;
  readonly subject: string;
  /** The current due date, ISO, or null. */
  readonly due: string | null;
  /** Days past the due date at the as-at date; null when not overdue. */
  readonly daysOverdue: number | null;
  /** How the target moved, for an open item whose target moved; else null. */
  readonly slipped: { readonly revisions: number; readonly days: number; readonly originalDue: string | null } | null;
  /** The state is Not rated: no status, or one off the scale, in a table that records status. */
  readonly unrated: boolean;
}

/** One lead officer's items, most overdue first, with counts per reason (C1). */
export interface ChaseLead {
  /** The lead as first written in the table, or NO_LEAD. */
  readonly lead: string;
  readonly items: readonly ChaseItem[];
  readonly overdue: number;
  readonly slipped: number;
  readonly unrated: number;
  /** The most days any of the lead's items is overdue (0 when none is). */
  readonly mostDaysOverdue: number;
}

/** One item's entry, from its state (S1): Overdue and Not rated items, and open items whose target moved. */
function chaseItem(r: Recommendation): ChaseItem | null {
  const open = r.state !== 'Complete' && r.state !== 'Not counted';
  const moved = open && (r.revisions > 0 || r.slippedDays > 0);
  const unrated = r.state === 'Not rated';
  const overdue = r.state === 'Overdue';
  if (!overdue && !moved && !unrated) return null;
  return {
    reference: r.id ?? `row ${r.row}`,
    row: r.row,
    subject: r.subject,
    due: r.timescale.due,
    daysOverdue: overdue ? r.daysOverdue : null,
    slipped: moved ? { revisions: Math.max(1, r.revisions), days: r.slippedDays, originalDue: r.originalDue } : null,
    unrated,
  };
}

/** Items: most days overdue first, then the furthest slipped, then the rest, each in row order. */
function byUrgency(x: ChaseItem, y: ChaseItem): number {
  return (y.daysOverdue ?? -1) - (x.daysOverdue ?? -1) || (y.slipped?.days ?? -1) - (x.slipped?.days ?? -1) || x.row - y.row;
}

/**
 * The chase list (SPEC C1): per lead officer, their overdue, slipped and unrated items, leads with the
 * most overdue item first (then more overdue items, then first appearance), items most overdue first;
 * items with an empty lead cell come last, under "No lead officer named". Leads are grouped as the
 * statistics group them (ignoring case and punctuation). Leads with nothing to chase are left out.
 */
export function chaseList(analysis: Pick<Analysis, 'recommendations'>): ChaseLead[] {
  const groups = new Map<string, { lead: string; order: number; items: ChaseItem[] }>();
  for (const r of analysis.recommendations) {
    const item = chaseItem(r);
    if (!item) continue;
    const key = r.lead === '' ? '' : normalise(r.lead);
    const group = groups.get(key) ?? { lead: r.lead === '' ? NO_LEAD : r.lead, order: groups.size, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  const leads = [...groups.entries()].map(([key, g]) => {
    const items = [...g.items].sort(byUrgency);
    const overdue = items.filter((i) => i.daysOverdue !== null).length;
    return {
      named: key !== '',
      order: g.order,
      lead: {
        lead: g.lead,
        items,
        overdue,
        slipped: items.filter((i) => i.slipped !== null).length,
        unrated: items.filter((i) => i.unrated).length,
        mostDaysOverdue: items[0]?.daysOverdue ?? 0,
      },
    };
  });
  leads.sort(
    (x, y) =>
      Number(y.named) - Number(x.named) ||
      y.lead.mostDaysOverdue - x.lead.mostDaysOverdue ||
      y.lead.overdue - x.lead.overdue ||
      x.order - y.order,
  );
  return leads.map((l) => l.lead);
}

/** "Overdue 245 days; Slipped 2x (+240 days)" or "Not rated": one item's reasons, the state's word first. */
export function chaseReasons(item: ChaseItem): string {
  const parts: string[] = [];
  if (item.daysOverdue !== null) parts.push(`${STATUS_WORDS.overdue} ${item.daysOverdue} day${item.daysOverdue === 1 ? '' : 's'}`);
  if (item.slipped) parts.push(`Slipped ${item.slipped.revisions}x${item.slipped.days > 0 ? ` (+${item.slipped.days} days)` : ''}`);
  if (item.unrated) parts.push(STATUS_WORDS.unrated);
  return parts.join('; ');
}
