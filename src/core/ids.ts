import { finding } from './findings';
import type { Finding, Recommendation } from './types';

/** A reference read as prefix + number ("R12" -> R, 12; "1.2" -> "", 1.2 with a sub-number). */
interface ParsedId {
  readonly prefix: string;
  readonly number: number;
  /** True for plain whole numbers (no "1.2", no "3a"): only these take part in the sequence check. */
  readonly simple: boolean;
}

const ID_RE = /^([A-Za-z]{0,6})\s*[-.]?\s*(\d{1,6})((?:\.\d{1,4})*)([a-z])?$/i;

/** Reads a reference; null when it has no recognisable number. */
export function parseId(id: string): ParsedId | null {
  const m = ID_RE.exec(id.trim());
  if (!m) return null;
  return { prefix: (m[1] ?? '').toUpperCase(), number: Number(m[2]), simple: (m[3] ?? '') === '' && m[4] === undefined };
}

function key(id: string): string {
  return id.replace(/\s+/g, '').toUpperCase();
}

/**
 * Reference checks over the whole table, linear in rows: duplicates by map, the form most references
 * share, and gaps in the numbering of that form.
 */
export function checkIds(recs: readonly Recommendation[], column: string | null): Finding[] {
  if (column === null) return [];
  const out: Finding[] = [];
  const at = (row: number) => `${column}${row}`;

  const firstRow = new Map<string, number>();
  for (const r of recs) {
    if (r.id === null) continue;
    const k = key(r.id);
    const seen = firstRow.get(k);
    if (seen === undefined) {
      firstRow.set(k, r.row);
      continue;
    }
    out.push(
      finding(
        'ID_DUPLICATE',
        { cell: at(r.row), row: r.row, id: r.id },
        `${r.id} in ${at(r.row)} repeats the reference already used in row ${seen} (${at(seen)}). Renumber one of them so each recommendation has its own reference.`,
      ),
    );
  }

  const parsed = recs.map((r) => ({ r, p: r.id === null ? null : parseId(r.id) }));
  const prefixCounts = new Map<string, number>();
  for (const { p } of parsed) if (p) prefixCounts.set(p.prefix, (prefixCounts.get(p.prefix) ?? 0) + 1);
  let usual: string | null = null;
  let usualCount = 0;
  for (const [prefix, count] of prefixCounts) {
    if (count > usualCount) [usual, usualCount] = [prefix, count];
  }
  const example = usual === null ? 'R1, R2, R3' : `${usual}1, ${usual}2, ${usual}3`;
  for (const { r, p } of parsed) {
    if (r.id === null) continue;
    const unusual =
      p === null || (usual !== null && usualCount >= 2 && p.prefix !== usual && usualCount > (prefixCounts.get(p.prefix) ?? 0));
    if (!unusual) continue;
    out.push(
      finding(
        'ID_FORMAT',
        { cell: at(r.row), row: r.row, id: r.id },
        `${r.id}: the reference in ${at(r.row)} is not in the form the others use (${example}). Write it the same way so the numbering can be checked.`,
      ),
    );
  }

  if (usual !== null) {
    const numbered = parsed
      .filter((x): x is { r: Recommendation; p: ParsedId } => x.p !== null && x.p.prefix === usual && x.p.simple)
      .map((x) => ({ n: x.p.number, r: x.r }));
    const byNumber = new Map<number, Recommendation>();
    for (const x of numbered) if (!byNumber.has(x.n)) byNumber.set(x.n, x.r);
    const sorted = [...byNumber.keys()].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1] ?? 0;
      const next = sorted[i] ?? 0;
      if (next - prev <= 1) continue;
      const after = byNumber.get(next);
      if (!after) continue;
      const missing = next - prev === 2 ? `${usual}${prev + 1} is missing` : `${usual}${prev + 1} to ${usual}${next - 1} are missing`;
      out.push(
        finding(
          'ID_SEQUENCE_GAP',
          { cell: at(after.row), row: after.row, id: after.id },
          `The references jump from ${usual}${prev} to ${usual}${next} (${at(after.row)}): ${missing}. Add the missing recommendation, or note that it was withdrawn.`,
        ),
      );
    }
  }
  return out;
}
