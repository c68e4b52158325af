import { findDateMentions, type DateMention } from './dateMentions';
import type { DateReading } from '../types';
import { fromIso, toIso } from '../dates';
import { alternation, ORIGINAL_DATE_WORDS, REVISED_DATE_WORDS, REVISION_FILLER_WORDS, THEN_DATE_WORDS } from '../vocabulary/dateWords';

/** A timescale cell that records its own revisions, read as the current target and the first one. */
export interface Revisions {
  /** The current target (the latest revision), ISO; null when the cell names only earlier targets ("was June 2002"). */
  readonly due: string | null;
  /** The first target the cell names, ISO; null when only the new one is given ("extended to March 2003"). */
  readonly originalDue: string | null;
  /** How many times the target moved (0 for a plain timescale). */
  readonly revisions: number;
  /** Every target the cell names, first to current, ISO. */
  readonly chain: readonly string[];
}

/** What a date is in a revised timescale: an earlier target, a later one, the next in a list, or unmarked. */
type Role = 'original' | 'revised' | 'then' | 'from' | 'to' | 'plain';

const FILLER = `(?:\\s|[:;(),.\\-]|\\b(?:${alternation(REVISION_FILLER_WORDS)})\\b)*$`;
const CUE_RE = new RegExp(
  `(?:^|\\b)(?:(${alternation(ORIGINAL_DATE_WORDS)})|(${alternation(REVISED_DATE_WORDS)})|(${alternation(THEN_DATE_WORDS)})|(from)|(to))${FILLER}|(->|\u2192|=>|>)\\s*$`,
  'i',
);
/** A revision word anywhere: only then do a bare "from ... to ..." describe a move, not a period of work. */
const ANY_REVISION_RE = new RegExp(`\\b(?:${alternation(REVISED_DATE_WORDS.filter((w) => w !== 'new' && w !== 'again'))})\\b`, 'i');
/** "(revised)" written after the new date. */
const TRAILING_REVISED_RE = /^\s*[(\-:,]?\s*(?:revised|extended|amended|new date|new target)\b/i;

const MAX_DAYS_FROM_REFERENCE = 30 * 366;

function roleOf(gap: string, movable: boolean): Role {
  const m = CUE_RE.exec(gap);
  if (!m) return 'plain';
  if (m[1] !== undefined) return 'original';
  if (m[2] !== undefined || m[6] !== undefined) return 'revised';
  if (m[3] !== undefined) return 'then';
  if (!movable) return 'plain';
  return m[4] !== undefined ? 'from' : 'to';
}

/** Each mention with its role, resolving "then", "from" and "to" from what comes before. */
function roles(text: string, mentions: readonly DateMention[]): Role[] {
  const movable = ANY_REVISION_RE.test(text);
  const out: Role[] = [];
  mentions.forEach((m, i) => {
    const prevEnd = mentions[i - 1]?.end ?? 0;
    let role = roleOf(text.slice(prevEnd, m.start), movable);
    const before = out[i - 1];
    if (role === 'from') role = 'original';
    if (role === 'to') role = before === 'original' ? 'revised' : 'plain';
    if (role === 'then') role = before === 'original' || before === 'then' ? 'then' : 'revised';
    out.push(role);
  });
  const last = mentions[mentions.length - 1];
  if (last && out[out.length - 1] === 'plain' && TRAILING_REVISED_RE.test(text.slice(last.end))) out[out.length - 1] = 'revised';
  return out;
}

/**
 * Reads a timescale cell that records revisions ("December 2002 (revised from September 2002)",
 * "Sept 02, now March 03", "Revised: 31/03/2003 (originally 30/09/2002)", "extended to March 2003"):
 * the current target, the first, and how many times it moved. Earlier targets come first in date
 * order, then the unmarked date the revisions start from, then each revision as written. A cell
 * with no revision words is a plain timescale: its latest date, no revisions. `reference` is the
 * document date (ISO) that places two-digit and missing years.
 */
export function parseRevisions(text: string, reference: string, reading?: DateReading): Revisions {
  // Timescales repeat down a table ("March 2003", "Ongoing"): each distinct one is read once per reference and reading.
  const key = reading === undefined ? reference : `${reference}|${reading.order}|${reading.fiscal}`;
  if (key !== cachedKey || cached.size >= CACHE_LIMIT) {
    cached.clear();
    cachedKey = key;
  }
  let answer = cached.get(text);
  if (answer === undefined) {
    answer = readRevisions(text, reference, reading);
    cached.set(text, answer);
  }
  return answer;
}

const CACHE_LIMIT = 20_000;
const cached = new Map<string, Revisions>();
let cachedKey = '';

function readRevisions(text: string, reference: string, reading?: DateReading): Revisions {
  const ref = fromIso(reference);
  if (ref === null) return { due: null, originalDue: null, revisions: 0, chain: [] };
  const mentions = findDateMentions(text, ref, reading).filter((m) => Math.abs(m.day - ref) <= MAX_DAYS_FROM_REFERENCE);
  const role = roles(text, mentions);
  const earlier = mentions.filter((_m, i) => role[i] === 'original' || role[i] === 'then').map((m) => m.day);
  const revised = mentions.filter((_m, i) => role[i] === 'revised').map((m) => m.day);
  const plain = mentions.filter((_m, i) => role[i] === 'plain');
  if (earlier.length === 0 && revised.length === 0) {
    if (plain.length === 0) return { due: null, originalDue: null, revisions: 0, chain: [] };
    const due = toIso(Math.max(...plain.map((m) => m.day)));
    return { due, originalDue: due, revisions: 0, chain: [due] };
  }
  // The unmarked date a revision starts from: the last one before the first revision ("Sept 02, now March 03").
  const firstRevised = mentions.findIndex((_m, i) => role[i] === 'revised');
  const start = plain.filter((m) => firstRevised < 0 || m.start < (mentions[firstRevised]?.start ?? 0)).pop();
  const chain = [...earlier.sort((a, b) => a - b), ...(start ? [start.day] : []), ...revised];
  const current = start !== undefined || revised.length > 0;
  const knownFirst = earlier.length > 0 || start !== undefined;
  return {
    due: current ? toIso(chain[chain.length - 1] ?? 0) : null,
    originalDue: knownFirst ? toIso(chain[0] ?? 0) : null,
    // Each move between targets counts; with the first target unknown, each stated revision does.
    revisions: !current ? earlier.length : knownFirst ? chain.length - 1 : chain.length,
    chain: chain.map(toIso),
  };
}
