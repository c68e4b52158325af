// A table's own key: legend rows near the table ("Grey Light | Progress ... yet to be established"), each
// a colour then its meaning, decide what each colour means over the built-in RAG reading (SPEC (T4) "A
// table's own key").
import { cellText, isBlank, normalise } from '../cells';
import type { CellValue, RatingLevel, StatusScale } from '../types';
import { matchLevel } from './scales';
import { EXCLUDED_WORDS, IMPLEMENTATION_SCALE, RAG_SCALE } from '../vocabulary/scales';

/** What a key's meaning says of the items marked so, in the status vocabulary. */
export type KeyMeaning = 'complete' | 'open' | 'notRated' | 'excluded';

/** One row of a key: the label as written ("Grey Light") and what it means. */
export interface KeyEntry {
  readonly label: string;
  readonly meaning: KeyMeaning;
  /** The meaning as written, for the level's label. */
  readonly text: string;
}

/** Colour words a key's labels are made of ("Light Green Light", "Amber", "Blue - complete"). */
const COLOURS = ['red', 'amber', 'green', 'yellow', 'orange', 'grey', 'gray', 'blue', 'black', 'white', 'purple', 'pink', 'brown'];

/** Words that say an item has not yet been assessed ("yet to be established by Committee"). */
const NOT_RATED_WORDS = [
  'yet to be established',
  'yet to be assessed',
  'yet to be determined',
  'not yet assessed',
  'not yet rated',
  'not assessed',
  'to be assessed',
  'awaiting assessment',
  'not yet reviewed',
];

const level = (key: string) => IMPLEMENTATION_SCALE.levels.find((l) => l.key === key)?.synonyms ?? [];

/** The status vocabulary the meanings are read with: each phrase and what it means. */
const MEANING_WORDS: readonly { readonly word: string; readonly meaning: KeyMeaning }[] = [
  ...EXCLUDED_WORDS.map((word) => ({ word, meaning: 'excluded' as const })),
  ...NOT_RATED_WORDS.map((word) => ({ word, meaning: 'notRated' as const })),
  ...level('implemented').map((word) => ({ word, meaning: 'complete' as const })),
  ...[...level('inProgress'), ...level('notStarted'), ...level('closureRequested')].map((word) => ({ word, meaning: 'open' as const })),
]
  .map((w) => ({ ...w, word: normalise(w.word) }))
  .sort((a, b) => b.word.length - a.word.length);

/** What a key's meaning text says, by the longest status phrase in it ("not commenced" over "commenced"); open when none. */
export function keyMeaning(text: string): KeyMeaning {
  const n = ` ${normalise(text)} `;
  return MEANING_WORDS.find((w) => n.includes(` ${w.word} `))?.meaning ?? 'open';
}

/** True for a key label: short, and every word a colour or "light" ("Light Green Light", "Red", "RAG: Amber"). */
function isColourLabel(text: string): boolean {
  const words = normalise(text).split(' ');
  return (
    text.length <= 30 &&
    words.some((w) => COLOURS.includes(w)) &&
    words.every((w) => COLOURS.includes(w) || /^(?:light|lights|dark|rag|status)$/.test(w))
  );
}

/** The key rows among lines near the table: exactly a colour label then a longer meaning. */
export function readKey(lines: readonly (readonly CellValue[])[]): KeyEntry[] {
  const out: KeyEntry[] = [];
  for (const cells of lines) {
    const texts = cells.filter((v) => !isBlank(v)).map((v) => cellText(v).trim());
    const [label, text] = texts;
    if (texts.length !== 2 || label === undefined || text === undefined || !isColourLabel(label) || text.length < 8) continue;
    out.push({ label, meaning: keyMeaning(text), text });
  }
  return out;
}

const ORDER: readonly KeyMeaning[] = ['complete', 'open', 'notRated', 'excluded'];

function keyLevel(entry: KeyEntry): RatingLevel {
  return {
    key: `key-${normalise(entry.label).replace(/ /g, '-')}`,
    label: entry.label,
    weight: null,
    ...(entry.meaning === 'complete' ? { complete: true } : {}),
    ...(entry.meaning === 'excluded' ? { excluded: true } : {}),
    synonyms: [entry.label],
  };
}

/** What the built-in RAG reading makes of a label ("Grey" withdrawn), in the key's terms; null when it reads none. */
function builtInMeaning(label: string): KeyMeaning | null {
  const level = matchLevel(label, RAG_SCALE.levels);
  if (!level) return null;
  return level.complete ? 'complete' : level.excluded ? 'excluded' : 'open';
}

/** The built-in RAG levels no key label names by colour ("Grey Light" replaces Grey; "Yellow Light" Amber, whose word yellow is). */
function unreplaced(entries: readonly KeyEntry[]): RatingLevel[] {
  const colours = new Set(entries.flatMap((e) => normalise(e.label).split(' ')));
  const kept = RAG_SCALE.levels.filter((l) => !l.synonyms.some((w) => colours.has(normalise(w))));
  // "N/A", "Withdrawn" stay excluded when the key's own Grey replaces the level that held them.
  const notApplicable: RatingLevel = { key: 'excluded', label: 'Not applicable', weight: null, excluded: true, synonyms: EXCLUDED_WORDS };
  return kept.some((l) => l.excluded) ? kept : [...kept, notApplicable];
}

/**
 * The scale a table's own key gives (T4): its labels as levels, each complete, excluded or open as its
 * meaning says, over the built-in RAG levels of the colours it does not name; when at least two key rows
 * are found, most status values are key labels, and the key says something the built-in reading does not
 * (a Grey that is not withdrawn, a label it cannot read). Else null, and the detected scale stands.
 */
export function keyScale(entries: readonly KeyEntry[], values: readonly CellValue[]): StatusScale | null {
  const labels = new Set(entries.map((e) => normalise(e.label)));
  if (labels.size < 2 || labels.size !== entries.length) return null;
  const written = values.filter((v) => !isBlank(v)).map((v) => normalise(cellText(v)));
  const named = written.filter((v) => labels.has(v)).length;
  if (named === 0 || named * 2 < written.length) return null;
  if (entries.every((e) => builtInMeaning(e.label) === (e.meaning === 'notRated' ? 'open' : e.meaning))) return null;
  const sorted = [...entries].sort((a, b) => ORDER.indexOf(a.meaning) - ORDER.indexOf(b.meaning));
  return { name: RAG_SCALE.name, label: RAG_SCALE.label, levels: [...sorted.map(keyLevel), ...unreplaced(entries)] };
}
