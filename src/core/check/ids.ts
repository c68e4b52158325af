import { finding } from '../findings';
import { isLetterReference, normaliseReference, parseReference, type ParsedReference } from '../interpret/references';
import type { Finding, Recommendation } from '../types';

export { leadingReference, normaliseReference, parseReference } from '../interpret/references';

type At = (row: number) => string;
type Parsed = { readonly r: Recommendation & { readonly id: string }; readonly p: ParsedReference | null };

/** ID_DUPLICATE: a reference already used above, compared by `normaliseReference`; one finding per later use. */
function duplicates(recs: readonly Recommendation[], at: At): Finding[] {
  const out: Finding[] = [];
  const firstRow = new Map<string, number>();
  for (const r of recs) {
    if (r.id === null) continue;
    const k = normaliseReference(r.id);
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
  return out;
}

/** The numbered sequence most simple references share ("R1, R2, R4"), or null when they form none. */
interface Sequence {
  readonly prefix: string;
  /** The prefix as written in the first such reference ("R", "Rec "), for messages. */
  readonly written: string;
  readonly count: number;
  /** The first recommendation bearing each number, in number order. */
  readonly byNumber: ReadonlyMap<number, Recommendation>;
}

/**
 * The run of simple prefix+number references that looks like a sequence: the prefix most of them
 * use, and numbers that fill at least half the range from lowest to highest. Paragraph numbers
 * (78, 163, 363) fill far less, so they are not a sequence and are not checked for gaps or form; nor are
 * numbers at a regular stride above one (12, 14, 16, ...), which cite every other paragraph of a report.
 */
function findSequence(parsed: readonly Parsed[]): Sequence | null {
  const counts = new Map<string, number>();
  for (const { p } of parsed) if (p?.simple) counts.set(p.prefix, (counts.get(p.prefix) ?? 0) + 1);
  let prefix: string | null = null;
  let count = 0;
  for (const [k, n] of counts) if (n > count) [prefix, count] = [k, n];
  if (prefix === null || count < 2) return null;
  const byNumber = new Map<number, Recommendation>();
  let written = '';
  for (const { r, p } of parsed) {
    if (!p?.simple || p.prefix !== prefix || byNumber.has(p.number)) continue;
    if (byNumber.size === 0) written = p.written;
    byNumber.set(p.number, r);
  }
  const numbers = [...byNumber.keys()].sort((a, b) => a - b);
  const span = (numbers[numbers.length - 1] ?? 0) - (numbers[0] ?? 0) + 1;
  if (numbers.length < 2 || span - numbers.length > numbers.length) return null;
  // A regular stride (12, 14, 16 ... 30) is a list of report paragraphs, not a numbering with items missing.
  const steps = new Set(numbers.slice(1).map((n, i) => n - (numbers[i] ?? n)));
  if (numbers.length >= 3 && steps.size === 1 && !steps.has(1)) return null;
  return { prefix, written, count, byNumber: new Map([...byNumber].sort((a, b) => a[0] - b[0])) };
}

/** ID_FORMAT: within a sequence, a reference with no number, or with a prefix fewer references use. */
function oddForms(parsed: readonly Parsed[], seq: Sequence, at: At): Finding[] {
  const prefixCounts = new Map<string, number>();
  for (const { p } of parsed) if (p) prefixCounts.set(p.prefix, (prefixCounts.get(p.prefix) ?? 0) + 1);
  const example = [1, 2, 3].map((n) => `${seq.written}${n}`).join(', ');
  const out: Finding[] = [];
  for (const { r, p } of parsed) {
    const unusual = p === null ? !isLetterReference(r.id) : p.prefix !== seq.prefix && (prefixCounts.get(p.prefix) ?? 0) < seq.count;
    if (!unusual) continue;
    out.push(
      finding(
        'ID_FORMAT',
        { cell: at(r.row), row: r.row, id: r.id },
        `${r.id}: the reference in ${at(r.row)} is not in the form the others use (${example}). Write it the same way so the numbering can be checked.`,
      ),
    );
  }
  return out;
}

/** ID_SEQUENCE_GAP: numbers missing between references of the sequence; one finding per gap, on the reference after it. */
function gaps(seq: Sequence, at: At): Finding[] {
  const out: Finding[] = [];
  const name = (n: number) => `${seq.written}${n}`;
  let prev: number | null = null;
  for (const [next, after] of seq.byNumber) {
    if (prev !== null && next - prev > 1) {
      const missing = next - prev === 2 ? `${name(prev + 1)} is missing` : `${name(prev + 1)} to ${name(next - 1)} are missing`;
      out.push(
        finding(
          'ID_SEQUENCE_GAP',
          { cell: at(after.row), row: after.row, id: after.id },
          `The references jump from ${name(prev)} to ${name(next)} (${at(after.row)}): ${missing}. Add the missing recommendation, or note that it was withdrawn.`,
        ),
      );
    }
    prev = next;
  }
  return out;
}

/**
 * Reference checks over the whole table, linear in rows: duplicates (any form), and, only where the
 * simple references form a numbered sequence, references in another form and gaps in the numbering.
 * Hierarchical and paragraph references ("2(a)", "3.1.17", "1i)", "78", "163") are valid forms.
 */
export function checkIds(recs: readonly Recommendation[], column: string | null): Finding[] {
  if (column === null) return [];
  const at: At = (row) => `${column}${row}`;
  const parsed: Parsed[] = [];
  for (const r of recs) if (r.id !== null) parsed.push({ r: r as Parsed['r'], p: parseReference(r.id) });
  const seq = findSequence(parsed);
  return [...duplicates(recs, at), ...(seq ? [...oddForms(parsed, seq, at), ...gaps(seq, at)] : [])];
}
