import { RULE_TITLES, SEVERITY_ORDER } from '../core/findings';
import type { Finding } from '../core/types';

/** How the findings list is grouped: by rule (Excel's Error Checking model) or by recommendation. */
export type FindingsView = 'rule' | 'recommendation';

export interface FindingGroup {
  readonly key: string;
  readonly title: string;
  readonly items: readonly Finding[];
}

/** Row, then column number, of an A1 address, for walking findings in sheet order. */
export function cellOrder(cell: string): [number, number] {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(cell);
  if (!m) return [Number.MAX_SAFE_INTEGER, 0];
  const column = [...(m[1] ?? '').toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return [Number(m[2]), column];
}

/** The findings that point at a cell, in sheet order (row by row, left to right): the Previous/Next walk. */
export function walkOrder(findings: readonly Finding[]): Finding[] {
  return findings
    .filter((f) => f.cell !== null)
    .map((f) => ({ f, at: cellOrder(f.cell ?? '') }))
    .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1])
    .map(({ f }) => f);
}

/** A finding's words, the same on screen and for a screen reader: "Overdue, R5, cell D10". */
export function findingLabel(f: Finding): string {
  return [RULE_TITLES[f.rule], f.id, f.cell ? `cell ${f.cell}` : null].filter(Boolean).join(', ');
}

/** Groups by rule, worst severity first, then the most frequent; each group keeps the findings' order. */
export function groupByRule(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.rule);
    if (list) list.push(f);
    else groups.set(f.rule, [f]);
  }
  const rank = (g: Finding[]) => SEVERITY_ORDER.indexOf(g[0]?.severity ?? 'info');
  return [...groups.entries()]
    .sort(([, a], [, b]) => rank(a) - rank(b) || b.length - a.length)
    .map(([rule, items]) => ({ key: rule, title: RULE_TITLES[items[0]?.rule ?? 'CELL_ERROR'] ?? rule, items }));
}

/** Groups by recommendation (reference and row), in sheet order; findings about the whole sheet come first. */
export function groupByRecommendation(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, { row: number; title: string; items: Finding[] }>();
  for (const f of findings) {
    const key = f.row === null ? 'sheet' : `row-${f.row}`;
    const title = f.row === null ? 'Whole sheet' : `${f.id ?? 'No reference'}, row ${f.row}`;
    const group = groups.get(key) ?? { row: f.row ?? 0, title, items: [] };
    if (group.title.startsWith('No reference') && f.id) group.title = `${f.id}, row ${f.row ?? ''}`;
    group.items.push(f);
    groups.set(key, group);
  }
  return [...groups.entries()].sort(([, a], [, b]) => a.row - b.row).map(([key, g]) => ({ key, title: g.title, items: g.items }));
}

/** One row of the flattened, windowed findings list: a group's header, or one of its findings when it is open. */
export type FindingRow =
  | { readonly kind: 'group'; readonly group: FindingGroup; readonly expanded: boolean }
  | { readonly kind: 'finding'; readonly finding: Finding; readonly group: FindingGroup };

/** Headers of every group, each followed by its findings when it is open: what the windowed list draws. */
export function flattenGroups(groups: readonly FindingGroup[], expanded: ReadonlySet<string>): FindingRow[] {
  const rows: FindingRow[] = [];
  for (const group of groups) {
    const open = expanded.has(group.key);
    rows.push({ kind: 'group', group, expanded: open });
    if (open) for (const finding of group.items) rows.push({ kind: 'finding', finding, group });
  }
  return rows;
}

/** A group opens by itself only when it is among the first few and short: a big plan starts as an index of rules. */
export const OPEN_GROUPS = 3;
export const OPEN_GROUP_ITEMS = 25;

/** The groups shown open at first. */
export function initiallyExpanded(groups: readonly FindingGroup[]): Set<string> {
  return new Set(
    groups
      .slice(0, OPEN_GROUPS)
      .filter((g) => g.items.length <= OPEN_GROUP_ITEMS)
      .map((g) => g.key),
  );
}

const GB = new Intl.NumberFormat('en-GB');
const counted = (n: number, one: string) => `${GB.format(n)} ${n === 1 ? one : `${one}s`}`;

/**
 * A group's header: "Unrated: 1,200 recommendations" when each finding is about a different recommendation,
 * otherwise "... 3 findings", so identical findings are counted once instead of repeated as cards.
 */
export function groupCaption(group: FindingGroup, view: FindingsView): string {
  if (view === 'rule') {
    const rows = new Set(group.items.map((f) => f.row));
    const perRecommendation = !rows.has(null) && rows.size === group.items.length;
    return `${group.title}: ${counted(group.items.length, perRecommendation ? 'recommendation' : 'finding')}`;
  }
  return `${group.title}: ${counted(group.items.length, 'finding')}`;
}

/** A finding's label inside its group, without what the group's header already says. */
export function itemLabel(f: Finding, view: FindingsView): string {
  if (view === 'rule')
    return (
      [f.id ?? (f.row !== null ? `Row ${f.row}` : null), f.cell ? `cell ${f.cell}` : null].filter(Boolean).join(', ') || RULE_TITLES[f.rule]
    );
  return [RULE_TITLES[f.rule], f.cell ? `cell ${f.cell}` : null].filter(Boolean).join(', ');
}

/** The key of the group a finding falls in, in the given view (so Next can open the group it walks into). */
export function groupKeyOf(f: Finding, view: FindingsView): string {
  if (view === 'rule') return f.rule;
  return f.row === null ? 'sheet' : `row-${f.row}`;
}
