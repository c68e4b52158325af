import { cellText } from '../cells';
import type { CellValue } from '../types';

/**
 * Reading recommendation references: "R12", "Rec 4", "2(a)", "1.2", "3.1.17", "1i)", "78", "(a)".
 * Pure string functions; the checks over a table are in ids.ts (SPEC, ID rules).
 */

/** Words written before a reference's number that are a label, not part of it: "Rec 4" is reference 4. */
export const REFERENCE_LABELS: readonly string[] = [
  'recommendations',
  'recommendation',
  'rec',
  'recs',
  'paragraph',
  'para',
  'paras',
  'reference',
  'ref',
  'item',
  'number',
  'no',
  '#',
];

/** A reference read into its parts. */
export interface ParsedReference {
  /** What is written before the number ("R", "Rec ", ""), for messages. */
  readonly written: string;
  /** The prefix compared between references: upper case, a label word ("Rec", "Para") counts as none. */
  readonly prefix: string;
  readonly number: number;
  /** Sub-parts after the number, upper case: "2(a)" -> ["A"], "3.1.17" -> ["1", "17"], "1i)" -> ["I"]. */
  readonly subs: readonly string[];
  /** True for prefix + whole number only ("R12", "78"): only these can form a numbered sequence. */
  readonly simple: boolean;
}

const LABEL_SOURCE = REFERENCE_LABELS.map((w) => w.replace('#', '\\#')).join('|');
const REFERENCE_RE = new RegExp(
  `^\\(?((?:(?:${LABEL_SOURCE})\\.?\\s*|[a-z]{1,6}\\s*[-.]?\\s*)?)(\\d{1,6})((?:\\.\\d{1,4}|\\.?[a-z]{1,4}|\\([a-z0-9]{1,5}\\))*)\\)?[.:]?$`,
  'i',
);
/** A sub-reference on its own: "(a)", "ii)", "b.". */
const LETTER_ONLY_RE = /^\(?([a-z]|[ivx]{1,5})\)?\.?$/i;
const SUB_RE = /\d{1,4}|[a-z]{1,4}/gi;
const LABELS = new Set(REFERENCE_LABELS);

/** Reads a reference into prefix, number and sub-parts; null when it has no number ("Rec five", "(a)"). */
export function parseReference(ref: string): ParsedReference | null {
  // Each reference is read by its family, its key and its checks in turn: the last answer is reused.
  if (ref !== lastReference) {
    lastParsed = readReference(ref);
    lastReference = ref;
  }
  return lastParsed;
}

let lastReference: string | null = null;
let lastParsed: ParsedReference | null = null;

function readReference(ref: string): ParsedReference | null {
  const m = REFERENCE_RE.exec(ref.trim());
  if (!m) return null;
  const written = m[1] ?? '';
  const word = written.replace(/[\s.-]+$/g, '').toLowerCase();
  const subs = (m[3] ?? '').match(SUB_RE)?.map((s) => s.toUpperCase()) ?? [];
  return {
    written,
    prefix: LABELS.has(word) ? '' : word.toUpperCase(),
    number: Number(m[2]),
    subs,
    simple: subs.length === 0,
  };
}

/** True for a sub-reference written alone ("(a)", "ii)"): valid under a hierarchical reference, not a form error. */
export function isLetterReference(ref: string): boolean {
  return LETTER_ONLY_RE.test(ref.trim());
}

/**
 * The key two references are compared by (duplicates, matching between returns): upper case, no
 * spaces or brackets, label words dropped, parts joined by dots. "r 2" = "R2", "2(a)" = "2a" =
 * "2.A", "Rec 4" = "4", "1i)" = "1.I".
 */
export function normaliseReference(ref: string): string {
  const p = parseReference(ref);
  if (p) return [`${p.prefix}${p.number}`, ...p.subs].join('.');
  const letter = LETTER_ONLY_RE.exec(ref.trim());
  if (letter) return (letter[1] ?? '').toUpperCase();
  return ref.replace(/\s+/g, '').toUpperCase();
}

/** A reference placed in its family: its parent ("R2" for "R2(a)", and for an "(a)" written alone under it) and its first sub-part. */
export interface ReferenceFamily {
  /** The parent's key, prefix and number ("R2", "2"). */
  readonly parent: string;
  /** The first sub-part below the parent, upper case ("A", "1", "II"), or null for the parent itself. */
  readonly child: string | null;
  /** The comparison key with the parent included: "(a)" under 2 is "2.A", so "(a)" under 3 is not a duplicate of it. */
  readonly key: string;
}

/**
 * Places references in families, in table order: "2(a)", "3.1", "1i)" are children of 2, 3 and 1; a
 * letter written alone ("(b)", "ii)") is a child of the last parent above it. Null where a reference
 * has no number and no parent above it.
 */
export function referenceFamilies(refs: readonly (string | null)[]): (ReferenceFamily | null)[] {
  let parent: string | null = null;
  return refs.map((ref) => {
    if (ref === null) return null;
    const p = parseReference(ref);
    if (p) {
      parent = `${p.prefix}${p.number}`;
      return { parent, child: p.subs[0] ?? null, key: normaliseReference(ref) };
    }
    const letter = LETTER_ONLY_RE.exec(ref.trim())?.[1]?.toUpperCase();
    if (letter === undefined || parent === null) return null;
    return { parent, child: letter, key: `${parent}.${letter}` };
  });
}

/** A reference at the start of a text, before the words: "1i)", "3.2", "R4:", "Rec 4 -", "2(a)", "(a)", "78.". */
const LEADING_RE = new RegExp(
  `^\\s*(\\(?(?:(?:${LABEL_SOURCE})\\.?\\s*|[a-z]{1,3})?\\d{1,4}(?:\\.\\d{1,3})*(?:[a-z]{1,3}(?![a-z])|\\([a-z0-9]{1,4}\\))*\\)?|\\(?(?:[a-z]|[ivx]{2,5})\\))`,
  'i',
);
/** What may follow a reference: a colon, a closing bracket, a full stop and a space, or a spaced dash. */
const STRONG_AFTER_RE = /^(?:\s*[:)]|\.(?:\s|$)|\s*[-\u2013\u2014]\s)/;
/** A space then a capital, enough after a reference that is clearly not a quantity ("3.2 Ensure", "R4 Ensure"). */
const WEAK_AFTER_RE = /^\s+[A-Z("\u201c']/;
const ORDINAL_SUFFIX_RE = /^\d+(?:st|nd|rd|th)$/i;

/**
 * The reference written at the start of a recommendation text ("1i) The review ..." -> "1i)",
 * "3.2 Ensure ..." -> "3.2", "R4: ..." -> "R4"), or null. Quantities and years ("12 months",
 * "2002 budget", "1st April") are not references.
 */
export function leadingReference(text: string): string | null {
  const m = LEADING_RE.exec(text);
  const raw = m?.[1];
  if (!m || raw === undefined) return null;
  const rest = text.slice(m[0].length);
  const closed = raw.endsWith(')');
  const plainNumber = /^\d+$/.test(raw);
  if (ORDINAL_SUFFIX_RE.test(raw) || (plainNumber && Number(raw) >= 1900 && Number(raw) <= 2100)) return null;
  const strong = STRONG_AFTER_RE.test(rest) || (closed && /^\s/.test(rest));
  // A plain number then a capital ("2 Documented procedures ...") is taken too: the caller uses leading
  // references only where most rows of the table have one.
  if (!strong && !WEAK_AFTER_RE.test(rest)) return null;
  // As written, closing bracket included ("1i)"), so the report names it as the table does.
  return raw;
}

/** True for a cell that reads as a recommendation reference ("R1", "2(a)", "3.1.17", "1i)", 78). */
export function looksLikeReference(value: CellValue | undefined): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 && value < 100000;
  const text = cellText(value).trim();
  return text.length > 0 && text.length <= 16 && (parseReference(text) !== null || isLetterReference(text));
}
