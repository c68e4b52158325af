/**
 * Conditions of the rating and statutory conditional-format rules, written so that Excel's reading of a
 * cell agrees with the core's (rating.ts, statutory.ts) and every rule stays short enough for Excel's
 * Manage Rules box to show and edit it. tests/cf evaluates them cell by cell with an Excel-formula engine
 * and holds the colours to the core's reading, mutants included.
 *
 * Excel behaviour relied on: SUBSTITUTE is case-sensitive, SEARCH is not and takes `?`/`*` wildcards (`~`
 * escapes them), FIND neither; TRIM removes spaces only (not line breaks) and squeezes runs to one; text
 * results past 32,767 characters are #VALUE!; where two rules set the same format on a cell, the one higher
 * in the list (lower `priority`) shows ("Manage conditional formatting rule precedence", Microsoft support).
 */
import { normalise } from '../cells';
import type { RatingLevel, RatingScale } from '../types';

/** Longest rule formula we write: what Excel's Manage Rules box shows and edits in full. */
export const RULE_FORMULA_BUDGET = 255;

/** A string literal for an Excel formula. */
export function str(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A SEARCH pattern that matches the text literally (Excel's wildcards escaped with `~`). */
function literalPattern(text: string): string {
  return text.replace(/[~?*]/g, '~$&');
}

/** Tail length the rating test looks at after the last "recommendation met" (the rest is padding). */
const PAD = 999;
/** How much of the end of a progress text is read: enough for any tail under PAD, short enough to pad safely. */
const WINDOW = 2000;

/**
 * The cell's text lower-cased, with line breaks, full stops and commas as spaces: the punctuation a rating
 * word most often ends at ("partially.", "partially, as ...", a line break), which normalise() also spaces;
 * then runs of spaces squeezed, so "Recommendation  met" is found too.
 */
function prepared(ref: string): string {
  return `TRIM(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(LOWER(${ref}),CHAR(10)," "),"."," "),","," "))`;
}

/**
 * The text after the last "recommendation met" in the cell, trimmed, with a space after it: each phrase is
 * replaced by 999 spaces, so the last 999 characters hold only the last phrase's tail. With
 * `phraseRequired`, 999 "|" go in front, so a cell without the phrase yields bars, where no word is found
 * near the start (the core rates a progress text only by its phrase), and only the last 2,000 characters
 * are read, so a 32,767-character cell stays within Excel's text limit once padded. Not seen (no colour):
 * a tail longer than 999 characters, a cell of padded text past that limit (dozens of phrases), and
 * non-breaking spaces around "met" (the core's \s takes them; a SUBSTITUTE for CHAR(160) would not fit).
 * Where the core's rating column is blank it reads the progress phrase; these rules read only the rating
 * cell (tests/cf/rulesAgree.test.ts lists these as known gaps).
 */
export function ratingTail(ref: string, phraseRequired: boolean): string {
  const bars = phraseRequired ? `REPT("|",${PAD})&` : '';
  // A tail of under 999 characters lies in the last 2,000, and the padded text then stays far below the limit.
  const text = phraseRequired ? `RIGHT(${ref},${WINDOW})` : ref;
  return `TRIM(RIGHT(${bars}SUBSTITUTE(${prepared(text)},"recommendation met",REPT(" ",${PAD})),${PAD}))&" "`;
}

/**
 * True where the tail starts with the word, whole: found with a space after it within the first four
 * characters (a separator such as ":", " - " or " :" may come first, as the core allows). Where the word
 * is missing SEARCH gives #VALUE!, and a rule whose formula gives an error formats nothing, so no IFERROR.
 */
export function startsWithWord(tail: string, word: string): string {
  return `SEARCH(${str(`${literalPattern(word)} `)},${tail})<5`;
}

/** A level's words as the rules match them: normalised, unique, without words another of its words covers ("fully met" after "fully"). */
export function levelWords(level: RatingLevel): string[] {
  const words = [...new Set([level.label, ...level.synonyms].map(normalise).filter((w) => w !== ''))];
  return words.filter((w) => !words.some((v) => v !== w && w.startsWith(`${v} `)));
}

/** One rating rule: the level it shows and its condition (one word each, so every rule fits the budget). */
export interface RatingCondition {
  readonly level: RatingLevel;
  readonly index: number;
  readonly word: string;
  readonly condition: string;
}

/**
 * The rating rules for a scale, in the order they must be listed. The core takes the longest word that
 * starts the text; Excel shows the rule higher in the list. So a word that begins with another level's
 * word ("no longer relevant" after "no") comes first, longest first; then each level's words in scale order.
 */
export function ratingConditions(scale: RatingScale, ref: string, phraseRequired: boolean): RatingCondition[] {
  const tail = ratingTail(ref, phraseRequired);
  const all = scale.flatMap((level, index) => levelWords(level).map((word) => ({ level, index, word })));
  const shadows = (a: { index: number; word: string }) => all.some((b) => b.index !== a.index && a.word.startsWith(`${b.word} `));
  const first = all.filter(shadows).sort((a, b) => b.word.length - a.word.length);
  const rest = all.filter((a) => !shadows(a));
  return [...first, ...rest].map((w) => ({ ...w, condition: startsWithWord(tail, w.word) }));
}

/** Tick-cell texts the core reads as not marked (status.ts's TICK_BLANKS, normalised); "" is a blank cell. */
const TICK_BLANKS = ['', '-', 'no', 'n', '0', 'false'];

/**
 * True where a tick-mark cell is marked: anything but blank, "-", "No", "N", "0" or FALSE (an "X", a tick,
 * "Yes", TRUE or a note). Where a row marks two columns the core counts the last; both show their colour.
 */
export function tickCondition(ref: string): string {
  return `ISERROR(FIND("|"&TRIM(SUBSTITUTE(LOWER(${ref}),"."," "))&"|",${str(`|${TICK_BLANKS.join('|')}|`)}))`;
}

/** Statutory-column values the core reads as statutory (statutory.ts's YES set, normalised). */
const STATUTORY_YES = ['statutory', 'yes', 'y', 'true', 's', 'statutory requirement'];

/**
 * True where a Statutory cell says statutory: its text, lower-cased, full stops as spaces, trimmed, is one
 * of the yes-words (a TRUE cell reads "true"). FIND, not SEARCH: a "?" or "*" in the cell is no wildcard.
 */
export function statutoryColumnCondition(ref: string): string {
  return `ISNUMBER(FIND("|"&TRIM(SUBSTITUTE(LOWER(${ref}),"."," "))&"|",${str(`|${STATUTORY_YES.join('|')}|`)}))`;
}

/** Replacements that reduce a Subject cell to "...|statutory" exactly when it ends with a statutory marker. */
const MARKER_STEPS: readonly (readonly [string, string])[] = [
  [' -', '|'], // " - Statutory": a separator needs a space before it (statutory.ts)
  [' ', ''],
  ['-', ''], // "Non-statutory" -> "nonstatutory", never "...|statutory"
  ['(', '|'],
  [')', ''],
  ['requirement', ''], // "Statutory requirement"
];

/**
 * True where a Subject cell ends with a statutory marker the core reads as statutory: "Statutory" (or
 * "Statutory requirement") as its last line, "(Statutory)", " - Statutory".
 * "Non-statutory", "Not statutory" and a subject such as "Statutory accounts" never match. Not read, unlike
 * the core (statutory.ts): a marker on a middle line, "[Statutory]", " : " and en-dash separators, a bare capitalised
 * " STATUTORY", a line break after the marker.
 */
export function subjectMarkerCondition(ref: string): string {
  let text = `SUBSTITUTE(LOWER(${ref}),CHAR(10),"|")`;
  for (const [from, to] of MARKER_STEPS) text = `SUBSTITUTE(${text},${str(from)},${str(to)})`;
  return `RIGHT(${text},10)="|statutory"`;
}
