import { normalise } from './cells';
import type { RatingLevel, RatingScale } from './types';

/** The scale in the reference appendix, best first, with the words people use for each level. */
export const DEFAULT_SCALE: RatingScale = [
  { key: 'completely', label: 'Completely', weight: 1, synonyms: ['completely', 'complete', 'fully', 'in full', 'fully met'] },
  { key: 'significantly', label: 'Significantly', weight: 0.75, synonyms: ['significantly', 'substantially'] },
  { key: 'moderately', label: 'Moderately', weight: 0.5, synonyms: ['moderately'] },
  { key: 'partially', label: 'Partially', weight: 0.25, synonyms: ['partially', 'partly', 'in part'] },
  { key: 'notMet', label: 'Not met', weight: 0, synonyms: ['not met', 'not at all', 'none', 'not implemented', 'no'] },
];

/** The outcome of reading a rating: a level, a phrase we could not place, or nothing. */
export type RatingRead =
  | { readonly kind: 'level'; readonly level: RatingLevel; readonly text: string }
  | { readonly kind: 'unknown'; readonly text: string }
  | { readonly kind: 'none' };

/** Each scale's words, normalised once and longest first (a scale is read for every row). */
const WORDS = new WeakMap<RatingScale, { word: string; level: RatingLevel }[]>();

function wordsOf(scale: RatingScale): { word: string; level: RatingLevel }[] {
  let words = WORDS.get(scale);
  if (!words) {
    words = scale
      .flatMap((level) => [level.label, ...level.synonyms].map((w) => ({ word: normalise(w), level })))
      .filter((w) => w.word !== '')
      .sort((a, b) => b.word.length - a.word.length);
    WORDS.set(scale, words);
  }
  return words;
}

/** The level whose synonym (or label) the text starts with, longest synonym first; null if none. */
export function matchLevel(text: string, scale: RatingScale): RatingLevel | null {
  const n = normalise(text);
  if (n === '') return null;
  for (const { word, level } of wordsOf(scale)) {
    if (n === word || (n.startsWith(word) && n.charCodeAt(word.length) === 32)) return level;
  }
  return null;
}

// "Recommendation met: completely", "Recommendation met :completely", "recommendation  met -\n partially".
// Sticky: it is tried only where a plain search found the word, which is far quicker on long narratives.
const PHRASE_RE = /recommendation\s+met\s*[:\-\u2013]?[ \t]*\n?[ \t]*([^\n.;,()]*)/iy;

/** Where "recommendation" next starts (lower or upper case after its first letter), or -1. */
function nextWord(text: string, from: number): number {
  // One scan in the usual case: the upper-case form is looked for only when there is no lower-case one.
  let i = text.indexOf('ecommendation', from + 1);
  if (i < 0) i = text.indexOf('ECOMMENDATION', from + 1);
  return i > 0 ? i - 1 : -1;
}

/** Every "Recommendation met: <level>" phrase in a progress narrative, in order. */
export function ratingPhrases(progress: string, scale: RatingScale): RatingRead[] {
  const out: RatingRead[] = [];
  for (let at = nextWord(progress, -1); at >= 0; at = nextWord(progress, at + 1)) {
    PHRASE_RE.lastIndex = at;
    const m = PHRASE_RE.exec(progress);
    if (!m) continue;
    const text = (m[1] ?? '').trim();
    const level = matchLevel(text, scale);
    out.push(level ? { kind: 'level', level, text } : { kind: 'unknown', text });
  }
  return out;
}

/** Reads a rating cell (a rating column) against the scale. */
export function readRatingCell(text: string, scale: RatingScale): RatingRead {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'none' };
  const phrases = ratingPhrases(trimmed, scale);
  const last = phrases[phrases.length - 1];
  if (last) return last;
  const level = matchLevel(trimmed, scale);
  return level ? { kind: 'level', level, text: trimmed } : { kind: 'unknown', text: trimmed };
}

/** Checks a user-supplied scale: at least one level, unique keys, weights within 0..1. Returns the problems. */
export function validateScale(scale: RatingScale): string[] {
  const problems: string[] = [];
  if (scale.length === 0) problems.push('The rating scale has no levels.');
  const keys = new Set<string>();
  for (const level of scale) {
    if (keys.has(level.key)) problems.push(`The rating level "${level.key}" appears twice.`);
    keys.add(level.key);
    if (!(level.weight >= 0 && level.weight <= 1)) problems.push(`The weight of "${level.label}" must be between 0 and 1.`);
    if (normalise(level.label) === '') problems.push(`A rating level has no label.`);
  }
  return problems;
}
