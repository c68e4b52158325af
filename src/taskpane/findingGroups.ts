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
