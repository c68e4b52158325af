import { parseAddress } from '../address';
import { cellText, normalise, SQUASHABLE_RE } from '../cells';
import { leadingReference, normaliseReference } from '../interpret/references';
import type { Analysis, ScaleName, SheetSnapshot } from '../types';

/**
 * Movement since the previous return (SPEC, M2): a compact snapshot of one analysis, and the comparison
 * of two snapshots. Pure: the adapters store and load snapshots, the core matches and compares them.
 */

/** One recommendation as a snapshot keeps it. */
export interface SnapshotItem {
  /** The reference as written ("R5"), or null when the row has none. */
  readonly id: string | null;
  /** 1-based worksheet row, to name an item without a reference. */
  readonly row: number;
  /** The normalised reference ("R5", "2.A"), or null. */
  readonly key: string | null;
  /** A hash of the normalised recommendation text (its leading reference dropped), or null when the text is empty. */
  readonly textKey: string | null;
  /**
   * Short hashes of the text's distinct words (the WORD_SKETCH smallest), base 36, space-separated, in
   * ascending order: for matching edited text. Empty when the text is.
   */
  readonly words: string;
  /** The status level's label, or null when unrated. */
  readonly level: string | null;
  readonly complete: boolean;
  readonly excluded: boolean;
  /** Due date, ISO, or null. */
  readonly due: string | null;
  /** A hash of the timescale text (white space collapsed): a due date only moves when someone changed it. */
  readonly timescaleHash: string;
  readonly overdue: boolean;
  /** A hash of the progress text (white space collapsed), or null when the table has no progress column. */
  readonly progressHash: string | null;
}

/** A compact, JSON-serialisable record of one return: what the next return is compared with. */
export interface PlanSnapshot {
  readonly version: 1;
  /** The return's as-at date, ISO. */
  readonly asAt: string;
  /** The name of the status scale the return was read on. */
  readonly scale: ScaleName;
  readonly items: readonly SnapshotItem[];
}

/** How a recommendation of the current return was matched to one of the previous return. */
export type MatchedBy = 'reference' | 'text';

export interface MatchedItem {
  /** The reference as written in the current return ("row 12" without one). */
  readonly id: string;
  /** The reference as written in the previous return. */
  readonly previousId: string;
  readonly how: MatchedBy;
}

/** What changed between two returns; each list holds references as written (removed ones, as in the previous return). */
export interface Movement {
  readonly previousAsAt: string;
  readonly currentAsAt: string;
  readonly matched: readonly MatchedItem[];
  readonly completed: readonly string[];
  readonly ratingUp: readonly string[];
  readonly ratingDown: readonly string[];
  readonly newlyOverdue: readonly string[];
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly unchangedProgress: readonly string[];
  readonly dueChanged: readonly string[];
}

/** The lists of a movement, in the order reports show them. */
export const MOVEMENT_LISTS = [
  'completed',
  'ratingUp',
  'ratingDown',
  'newlyOverdue',
  'added',
  'removed',
  'dueChanged',
  'unchangedProgress',
] as const;
export type MovementList = (typeof MOVEMENT_LISTS)[number];

/** Words for each list, for reports and the summary sheet. */
export const MOVEMENT_LABELS: Readonly<Record<MovementList, string>> = {
  completed: 'Completed',
  ratingUp: 'Status improved',
  ratingDown: 'Status worse',
  newlyOverdue: 'Newly overdue',
  added: 'Added',
  removed: 'Removed',
  dueChanged: 'Due date moved',
  unchangedProgress: 'Progress text unchanged',
};

/** Token-overlap (Jaccard) similarity at or above which two edited recommendation texts are the same recommendation. */
export const TEXT_SIMILARITY = 0.8;
/** Word hashes kept per item: texts up to this many distinct words compare exactly, longer ones by a bottom-k estimate. */
export const WORD_SKETCH = 32;
/** Above this many candidate pairs left after exact matching, the similarity pass is skipped (two unrelated plans). */
export const MAX_SIMILARITY_PAIRS = 4_000_000;

/** FNV-1a, 32 bits, over UTF-16 code units: a small, stable hash for change detection (not security). */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** JavaScript's \s, as `squash` collapses it. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * fnv1a(squash(text)) in one pass, without building the squashed string: a 100,000-row plan's progress notes
 * are tens of millions of characters, and squashing them first cost as much as hashing them.
 */
export function squashedHash(text: string): number {
  if (!SQUASHABLE_RE.test(text)) return fnv1a(text);
  let h = 0x811c9dc5;
  let started = false;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Printable ASCII first: most characters are, and none of them is white space.
    if ((c <= 32 || c >= 0xa0) && isSpace(c)) {
      space = started;
      continue;
    }
    if (space) h = Math.imul(h ^ 32, 0x01000193) >>> 0;
    h = Math.imul(h ^ c, 0x01000193) >>> 0;
    started = true;
    space = false;
  }
  return h >>> 0;
}

const toHex = (hash: number) => hash.toString(16).padStart(8, '0');
const hex = (text: string) => toHex(fnv1a(text));

/** The recommendation text as compared between returns: a reference written at its start dropped, then normalised. */
function comparableText(text: string): string {
  const lead = leadingReference(text);
  const rest = lead === null ? text : text.trimStart().slice(lead.length);
  return normalise(rest);
}

/**
 * The WORD_SKETCH smallest 24-bit hashes of a text's distinct words, ascending, base 36: a bottom-k
 * sketch, bounded in size however long the text (a progress-free snapshot stays small in a workbook).
 */
function wordHashes(comparable: string): string {
  const hashes = new Set(
    comparable
      .split(' ')
      .filter((w) => w !== '')
      .map((w) => fnv1a(w) & 0xffffff),
  );
  return [...hashes]
    .sort((a, b) => a - b)
    .slice(0, WORD_SKETCH)
    .map((h) => h.toString(36))
    .join(' ');
}

/** A stored sketch read back: ascending numbers. */
function sketchOf(words: string): number[] {
  return words === '' ? [] : words.split(' ').map((w) => parseInt(w, 36));
}

/** The progress cell's text of a recommendation's row, read from the sheet; null without a progress column. */
function progressText(analysis: Analysis, sheet: SheetSnapshot | undefined, row: number): string | null {
  const column = analysis.table?.columns.progress;
  const origin = sheet ? parseAddress(sheet.origin) : null;
  if (!sheet || !column || !origin) return null;
  const c = parseAddress(`${column}1`)?.column;
  if (c === undefined) return null;
  return cellText(sheet.values[row - origin.row]?.[c - origin.column] ?? null);
}

/**
 * The snapshot of one analysis. The progress text is not part of the analysis: pass the analysed sheet
 * to record its hash (without it, `unchangedProgress` stays empty).
 */
export function snapshotOf(analysis: Analysis, sheet?: SheetSnapshot): PlanSnapshot {
  const items = analysis.recommendations.map((r): SnapshotItem => {
    const text = comparableText(r.recommendation);
    const progress = progressText(analysis, sheet, r.row);
    return {
      id: r.id,
      row: r.row,
      key: r.id === null || r.id.trim() === '' ? null : normaliseReference(r.id),
      textKey: text === '' ? null : hex(text),
      words: wordHashes(text),
      level: r.level,
      complete: r.complete,
      excluded: r.excluded,
      due: r.timescale.due,
      timescaleHash: toHex(squashedHash(r.timescale.text)),
      overdue: r.overdue,
      progressHash: progress === null ? null : toHex(squashedHash(progress)),
    };
  });
  return { version: 1, asAt: analysis.asAt, scale: analysis.scaleName, items };
}

const nameOf = (item: SnapshotItem) => item.id ?? `row ${item.row}`;

/**
 * Jaccard similarity of two sketches (ascending): exact when neither was cut to WORD_SKETCH; otherwise the
 * bottom-k estimate (of the WORD_SKETCH smallest hashes of both, the share held by both).
 */
export function similarity(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const limit = a.length < WORD_SKETCH && b.length < WORD_SKETCH ? Infinity : WORD_SKETCH;
  let i = 0;
  let j = 0;
  let union = 0;
  let common = 0;
  while (union < limit && (i < a.length || j < b.length)) {
    const x = a[i] ?? Infinity;
    const y = b[j] ?? Infinity;
    if (x === y) common++;
    if (x <= y) i++;
    if (y <= x) j++;
    union++;
  }
  return common / union;
}

export interface ItemPair {
  readonly previous: number;
  readonly current: number;
  readonly how: MatchedBy;
}

/** Pairs items, one to one, in current order, where `keyOf` gives both the same non-null key. */
function pairBy(
  previous: readonly SnapshotItem[],
  current: readonly SnapshotItem[],
  taken: { previous: Set<number>; current: Set<number> },
  keyOf: (item: SnapshotItem) => string | null,
  how: MatchedBy,
): ItemPair[] {
  const waiting = new Map<string, number[]>();
  previous.forEach((item, i) => {
    const k = keyOf(item);
    if (k === null || taken.previous.has(i)) return;
    const list = waiting.get(k);
    if (list) list.push(i);
    else waiting.set(k, [i]);
  });
  const pairs: ItemPair[] = [];
  current.forEach((item, j) => {
    const k = keyOf(item);
    if (k === null || taken.current.has(j)) return;
    const i = waiting.get(k)?.shift();
    if (i === undefined) return;
    taken.previous.add(i);
    taken.current.add(j);
    pairs.push({ previous: i, current: j, how });
  });
  return pairs;
}

/** Pairs the items left over whose texts overlap enough, best pairs first. */
function pairBySimilarity(
  previous: readonly SnapshotItem[],
  current: readonly SnapshotItem[],
  taken: { previous: Set<number>; current: Set<number> },
): ItemPair[] {
  const left = (items: readonly SnapshotItem[], done: Set<number>) =>
    items.flatMap((item, k) => (done.has(k) || item.words === '' ? [] : [{ k, sketch: sketchOf(item.words) }]));
  const before = left(previous, taken.previous);
  const after = left(current, taken.current);
  if (before.length * after.length > MAX_SIMILARITY_PAIRS) return [];
  // Which earlier items share words with each current one, counted through an index of word hashes, so
  // only pairs sharing enough of them are scored: Jaccard >= t needs shared >= t * the smaller sketch.
  const postings = new Map<number, number[]>();
  before.forEach((p, b) => {
    for (const h of p.sketch) {
      const list = postings.get(h);
      if (list) list.push(b);
      else postings.set(h, [b]);
    }
  });
  const shared = new Int32Array(before.length);
  const candidates: { i: number; j: number; score: number }[] = [];
  for (const c of after) {
    const touched: number[] = [];
    for (const h of c.sketch) {
      for (const b of postings.get(h) ?? []) {
        const n = shared[b] ?? 0;
        shared[b] = n + 1;
        if (n === 0) touched.push(b);
      }
    }
    for (const b of touched) {
      const p = before[b];
      const count = shared[b] ?? 0;
      shared[b] = 0;
      if (!p || count < TEXT_SIMILARITY * Math.min(p.sketch.length, c.sketch.length)) continue;
      const score = similarity(p.sketch, c.sketch);
      if (score >= TEXT_SIMILARITY) candidates.push({ i: p.k, j: c.k, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.j - b.j || a.i - b.i);
  const pairs: ItemPair[] = [];
  for (const { i, j } of candidates) {
    if (taken.previous.has(i) || taken.current.has(j)) continue;
    taken.previous.add(i);
    taken.current.add(j);
    pairs.push({ previous: i, current: j, how: 'text' });
  }
  return pairs;
}

/**
 * Matches the current return's items to the previous return's, one to one (SPEC, M2): same reference
 * and same text; then the same text (renumbered); then the same reference (text edited); then text
 * overlapping by at least TEXT_SIMILARITY. Pairs come back in the current return's order.
 */
export function matchItems(previous: readonly SnapshotItem[], current: readonly SnapshotItem[]): ItemPair[] {
  const taken = { previous: new Set<number>(), current: new Set<number>() };
  const both = (item: SnapshotItem) => (item.key === null ? null : `${item.key}\u0000${item.textKey ?? ''}`);
  const pairs = [
    ...pairBy(previous, current, taken, both, 'reference'),
    ...pairBy(previous, current, taken, (item) => item.textKey, 'text'),
    ...pairBy(previous, current, taken, (item) => item.key, 'reference'),
    ...pairBySimilarity(previous, current, taken),
  ];
  return pairs.sort((a, b) => a.current - b.current);
}

/** Position of a level on the scale, best first (case-insensitive); null when unrated or not on it. */
function rank(level: string | null, scaleLevels: readonly string[]): number | null {
  if (level === null) return null;
  const i = scaleLevels.findIndex((l) => l.toLowerCase() === level.toLowerCase());
  return i < 0 ? null : i;
}

/** The movement lists an item pair belongs to. */
function movesOf(p: SnapshotItem, c: SnapshotItem, scaleLevels: readonly string[]): MovementList[] {
  const out: MovementList[] = [];
  const completed = c.complete && !p.complete;
  if (completed) out.push('completed');
  const before = rank(p.level, scaleLevels);
  const now = rank(c.level, scaleLevels);
  if (before !== null && now !== null && !p.excluded && !c.excluded) {
    if (now < before && !completed) out.push('ratingUp');
    if (now > before) out.push('ratingDown');
  }
  if (c.overdue && !p.overdue) out.push('newlyOverdue');
  // The same words read in a later return can place a year-less date a year on ("May meeting"): not a move.
  if (p.due !== null && c.due !== p.due && c.timescaleHash !== p.timescaleHash) out.push('dueChanged');
  if (!c.complete && !c.excluded && p.progressHash !== null && c.progressHash === p.progressHash) out.push('unchangedProgress');
  return out;
}

/**
 * What moved from the previous return to the current one (SPEC, M2). `scaleLevels` are the current
 * scale's level labels, best first. Comparing a snapshot with itself moves nothing (only
 * `unchangedProgress` lists the open items, whose progress text is, by definition, the same).
 */
export function compareSnapshots(previous: PlanSnapshot, current: PlanSnapshot, scaleLevels: readonly string[]): Movement {
  const pairs = matchItems(previous.items, current.items);
  const lists: Record<MovementList, string[]> = Object.fromEntries(MOVEMENT_LISTS.map((l) => [l, [] as string[]])) as Record<
    MovementList,
    string[]
  >;
  const matched: MatchedItem[] = [];
  const seenPrevious = new Set<number>();
  const pairOf = new Map(pairs.map((pair) => [pair.current, pair]));
  current.items.forEach((c, j) => {
    const pair = pairOf.get(j);
    const p = pair ? previous.items[pair.previous] : undefined;
    if (!pair || !p) {
      lists.added.push(nameOf(c));
      return;
    }
    seenPrevious.add(pair.previous);
    matched.push({ id: nameOf(c), previousId: nameOf(p), how: pair.how });
    for (const list of movesOf(p, c, scaleLevels)) lists[list].push(nameOf(c));
  });
  previous.items.forEach((p, i) => {
    if (!seenPrevious.has(i)) lists.removed.push(nameOf(p));
  });
  return { previousAsAt: previous.asAt, currentAsAt: current.asAt, matched, ...lists };
}

/** How many items each list holds, and how many were matched by reference and by text. */
export function movementCounts(m: Movement): Record<MovementList | 'matched' | 'matchedByReference' | 'matchedByText', number> {
  const lists = Object.fromEntries(MOVEMENT_LISTS.map((l) => [l, m[l].length])) as Record<MovementList, number>;
  return {
    matched: m.matched.length,
    matchedByReference: m.matched.filter((x) => x.how === 'reference').length,
    matchedByText: m.matched.filter((x) => x.how === 'text').length,
    ...lists,
  };
}

/** True when anything moved: a list other than `unchangedProgress` is not empty. */
export function hasMovement(m: Movement): boolean {
  return MOVEMENT_LISTS.some((l) => l !== 'unchangedProgress' && m[l].length > 0);
}

/** How many snapshots a workbook keeps (issue 12): enough for two years of quarterly returns. */
export const SNAPSHOTS_KEPT = 8;

/**
 * The snapshots to keep after a run (SPEC, M2.6): the new one replaces any of the same as-at date (a
 * re-run of one return), the list is ordered oldest first and cut to the newest SNAPSHOTS_KEPT.
 */
export function keepSnapshots(kept: readonly PlanSnapshot[], next: PlanSnapshot, max = SNAPSHOTS_KEPT): PlanSnapshot[] {
  const others = kept.filter((s) => s.asAt !== next.asAt);
  return [...others, next].sort((a, b) => (a.asAt < b.asAt ? -1 : a.asAt > b.asAt ? 1 : 0)).slice(-max);
}

/** The return to compare with: the newest kept snapshot dated before `asAt`, or null (SPEC, M2.6). */
export function previousSnapshot(kept: readonly PlanSnapshot[], asAt: string): PlanSnapshot | null {
  return kept.filter((s) => s.asAt < asAt).reduce<PlanSnapshot | null>((best, s) => (best === null || s.asAt > best.asAt ? s : best), null);
}

const isText = (v: unknown): v is string => typeof v === 'string';
const isTextOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';

function isItem(v: unknown): v is SnapshotItem {
  const o = v as Record<string, unknown> | null;
  return (
    typeof o === 'object' &&
    o !== null &&
    isTextOrNull(o.id) &&
    typeof o.row === 'number' &&
    isTextOrNull(o.key) &&
    isTextOrNull(o.textKey) &&
    isText(o.words) &&
    isTextOrNull(o.level) &&
    typeof o.complete === 'boolean' &&
    typeof o.excluded === 'boolean' &&
    isTextOrNull(o.due) &&
    isText(o.timescaleHash) &&
    typeof o.overdue === 'boolean' &&
    isTextOrNull(o.progressHash)
  );
}

/** A stored snapshot read back (JSON already parsed), or null when it is not one this version wrote. */
export function readPlanSnapshot(value: unknown): PlanSnapshot | null {
  const o = value as Record<string, unknown> | null;
  if (typeof o !== 'object' || o === null || o.version !== 1 || !isText(o.asAt) || !isText(o.scale)) return null;
  if (!Array.isArray(o.items) || !o.items.every(isItem)) return null;
  return { version: 1, asAt: o.asAt, scale: o.scale as ScaleName, items: o.items };
}
