import { finding } from '../findings';
import { isLetterReference, parseReference, referenceFamilies, type ParsedReference, type ReferenceFamily } from '../interpret/references';
import type { Finding, Recommendation } from '../types';

export { leadingReference, normaliseReference, parseReference } from '../interpret/references';

type At = (row: number) => string;
type Parsed = {
  readonly r: Recommendation & { readonly id: string };
  readonly p: ParsedReference | null;
  readonly family: ReferenceFamily | null;
};

/** ID_DUPLICATE: a reference already used above, compared by `normaliseReference` within its family; one finding per later use. */
function duplicates(parsed: readonly Parsed[], at: At, noun: string): Finding[] {
  const out: Finding[] = [];
  const firstRow = new Map<string, number>();
  for (const { r, family } of parsed) {
    const k = family?.key ?? r.id.replace(/\s+/g, '').toUpperCase();
    const seen = firstRow.get(k);
    if (seen === undefined) {
      firstRow.set(k, r.row);
      continue;
    }
    out.push(
      finding(
        'ID_DUPLICATE',
        { cell: at(r.row), row: r.row, id: r.id },
        `${r.id} in ${at(r.row)} repeats the reference already used in row ${seen} (${at(seen)}). Renumber one of them so each ${noun} has its own reference.`,
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
 * The run of parent numbers that looks like a sequence: the prefix most references use, each number
 * present when it or a child of it is ("2(a)" makes 2 present), and numbers that fill at least half the
 * range from lowest to highest. Paragraph numbers (78, 163, 363) fill far less, so they are not a
 * sequence and are not checked for gaps or form; nor are numbers at a regular stride above one (12, 14,
 * 16, ...), which cite every other paragraph of a report.
 */
function findSequence(parsed: readonly Parsed[]): Sequence | null {
  const counts = new Map<string, Set<number>>();
  for (const { p } of parsed) if (p) counts.set(p.prefix, (counts.get(p.prefix) ?? new Set()).add(p.number));
  let prefix: string | null = null;
  let count = 0;
  for (const [k, numbers] of counts) if (numbers.size > count) [prefix, count] = [k, numbers.size];
  if (prefix === null || count < 2) return null;
  const byNumber = new Map<number, Recommendation>();
  let written = '';
  for (const { r, p } of parsed) {
    if (!p || p.prefix !== prefix || byNumber.has(p.number)) continue;
    if (byNumber.size === 0) written = p.written;
    byNumber.set(p.number, r);
  }
  const keys = [...byNumber.keys()];
  // Most tables number their items in order: sorting is needed only when they are not.
  const inOrder = keys.every((n, i) => i === 0 || (keys[i - 1] ?? n) < n);
  const numbers = inOrder ? keys : keys.sort((a, b) => a - b);
  const span = (numbers[numbers.length - 1] ?? 0) - (numbers[0] ?? 0) + 1;
  if (numbers.length < 2 || span - numbers.length > numbers.length) return null;
  // A regular stride (12, 14, 16 ... 30) is a list of report paragraphs, not a numbering with items missing.
  const steps = new Set(numbers.slice(1).map((n, i) => n - (numbers[i] ?? n)));
  if (numbers.length >= 3 && steps.size === 1 && !steps.has(1)) return null;
  return { prefix, written, count, byNumber: inOrder ? byNumber : new Map([...byNumber].sort((a, b) => a[0] - b[0])) };
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
function gaps(seq: Sequence, at: At, noun: string): Finding[] {
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
          `The references jump from ${name(prev)} to ${name(next)} (${at(after.row)}): ${missing}. Add the missing ${noun}, or note that it was withdrawn.`,
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
export function checkIds(recs: readonly Recommendation[], column: string | null, noun = 'recommendation'): Finding[] {
  if (column === null) return [];
  const at: At = (row) => `${column}${row}`;
  const withId = recs.filter((r): r is Parsed['r'] => r.id !== null);
  const families = referenceFamilies(withId.map((r) => r.id));
  const parsed: Parsed[] = withId.map((r, i) => ({ r, p: parseReference(r.id), family: families[i] ?? null }));
  const seq = findSequence(parsed);
  return [
    ...duplicates(parsed, at, noun),
    ...(seq ? [...oddForms(parsed, seq, at), ...gaps(seq, at, noun)] : []),
    ...childGaps(parsed, at),
  ];
}

const ROMAN: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10 };

/** A roman numeral's value ("IV" is 4), or null when it is not one. */
function romanValue(text: string): number | null {
  if (!/^[IVX]{1,5}$/.test(text)) return null;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const v = ROMAN[text.charAt(i)] ?? 0;
    const next = ROMAN[text.charAt(i + 1)] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/**
 * The position of each child in its family's own counting (1, 2, 3 / a, b, c / i, ii, iii), or null
 * when the children do not count one way. Roman when every child is a numeral and one is longer than a letter.
 */
function childPositions(children: readonly string[]): { values: number[]; name: (n: number) => string } | null {
  if (children.every((c) => /^\d+$/.test(c))) return { values: children.map(Number), name: String };
  const romans = children.map(romanValue);
  if (romans.every((v) => v !== null) && children.some((c) => c.length > 1)) {
    const numeral = (n: number) => ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'][n - 1] ?? String(n);
    return { values: romans as number[], name: numeral };
  }
  if (children.every((c) => /^[A-Z]$/.test(c))) {
    return { values: children.map((c) => c.charCodeAt(0) - 64), name: (n) => String.fromCharCode(96 + n) };
  }
  return null;
}

/** A missing child named the way its sibling is written: "2(a)" gives "2(b)", "3.1" gives "3.2", "ii)" gives "iii)". */
function siblingName(sibling: string, child: string, missing: string): string {
  const at = sibling.toUpperCase().lastIndexOf(child);
  if (at < 0) return missing;
  const written = sibling.slice(at, at + child.length);
  const cased = written === written.toUpperCase() && /[A-Z]/.test(written) ? missing.toUpperCase() : missing;
  return `${sibling.slice(0, at)}${cased}${sibling.slice(at + child.length)}`;
}

/**
 * ID_SEQUENCE_GAP within a family: children of one parent that start at the first (1, a, i) and skip one
 * ("2(a), 2(c)": 2(b) is missing). Families that do not start at the first, or count no single way, are not checked.
 */
function childGaps(parsed: readonly Parsed[], at: At): Finding[] {
  const families = new Map<string, Parsed[]>();
  for (const x of parsed) if (x.family?.child != null) families.set(x.family.parent, [...(families.get(x.family.parent) ?? []), x]);
  const out: Finding[] = [];
  for (const members of families.values()) {
    const positions = childPositions(members.map((m) => m.family?.child ?? ''));
    if (positions === null || members.length < 2 || Math.min(...positions.values) !== 1) continue;
    // Each child's first use in table order; a gap is between consecutive positions, reported on the later one.
    const first = new Map<number, Parsed>();
    members.forEach((m, i) => first.has(positions.values[i] ?? 0) || first.set(positions.values[i] ?? 0, m));
    const sorted = [...first.keys()].sort((x, y) => x - y);
    sorted.forEach((n, i) => {
      const prev = sorted[i - 1];
      const m = first.get(n);
      if (prev === undefined || n - prev < 2 || m === undefined) return;
      const child = m.family?.child ?? '';
      const missing = Array.from({ length: n - prev - 1 }, (_v, k) => siblingName(m.r.id, child, positions.name(prev + 1 + k)));
      const words =
        missing.length === 1 ? `${missing[0] ?? ''} is missing` : `${missing[0] ?? ''} to ${missing[missing.length - 1] ?? ''} are missing`;
      out.push(
        finding(
          'ID_SEQUENCE_GAP',
          { cell: at(m.r.row), row: m.r.row, id: m.r.id },
          `The references under ${m.family?.parent ?? ''} jump to ${m.r.id} (${at(m.r.row)}): ${words}. Add the missing item, or note that it was withdrawn.`,
        ),
      );
    });
  }
  return out;
}
