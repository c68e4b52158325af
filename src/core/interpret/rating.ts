import { matchLevel } from './scales';
import type { RatingLevel, RatingScale } from '../types';
import { EXTENT_SCALE } from '../vocabulary/scales';

export { matchLevel, validateScale } from './scales';

/** The scale in the reference appendix, best first, with the words people use for each level. */
export const DEFAULT_SCALE: RatingScale = EXTENT_SCALE.levels;

/** The outcome of reading a rating: a level, a phrase we could not place, or nothing. */
export type RatingRead =
  | { readonly kind: 'level'; readonly level: RatingLevel; readonly text: string }
  | { readonly kind: 'unknown'; readonly text: string }
  | { readonly kind: 'none' };

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
