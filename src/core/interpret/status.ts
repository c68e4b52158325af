import { cellText, isBlank, normalise } from '../cells';
import { finding, quote } from '../findings';
import { ratingPhrases, type RatingRead } from './rating';
import type { RowContext } from '../read/rowContext';
import { isCompleteLevel, levelLabels, readStatusValue, type PercentUnit } from './scales';
import type { CellValue, RatingLevel, StatusScale, Timescale } from '../types';
import {
  completionDateConflict,
  completionEvidence,
  saysComplete,
  statusInCompletedCell,
  type CompletionDate,
  type CompletionSource,
} from './completion';

export { saysComplete };

/** How a table records status: its scale, and where (a status column, tick-mark columns, phrases in the progress text). */
export interface StatusVocabulary {
  readonly scale: StatusScale;
  /** Header of the status column as written, for advice. */
  readonly statusHeader: string | null;
  /** Tick-mark columns: the cell's column letter, its header, and the level it stands for. */
  readonly ticks: readonly { readonly letter: string; readonly header: string; readonly level: RatingLevel | null }[];
  /** How the status column writes plain-number percentages, decided once from its values (null: not numbers). */
  readonly percentUnit?: PercentUnit | null;
  /** Whether the table records a status at all (a status column, tick columns, or "Recommendation met" in some progress cell). */
  readonly recorded: boolean;
}

/** What readStatus concluded for one row. */
export interface StatusResult {
  readonly level: RatingLevel | null;
  readonly percent: number | null;
  /** Done: a complete level; with an empty status, "Done" in the status, timescale or progress cell (then `level` is the scale's complete level). */
  readonly complete: boolean;
  readonly excluded: boolean;
  /** The table records a status and this row has none the checker can read (empty, off the scale, or an error value). */
  readonly unrated: boolean;
  /** Address of the cell that holds the status, or null. */
  readonly at: string | null;
  /** A status was written but matches no level. */
  readonly unclear: boolean;
  /** The cell that would hold the status shows an error value. */
  readonly errored: boolean;
  /** The level is the complete level because the status was empty (or "Done" off the scale) and the row says "Done" (S1). */
  readonly filled: boolean;
  /** The cell that says complete while the status says otherwise (a finding; the status is counted), or null. */
  readonly contradicted: CompletionSource | null;
}

const TICK_BLANKS = new Set(['', '-', 'no', 'n', '0', 'false']);
/** Symbols that say "not this one" in a tick-mark column: an empty box, a ballot cross, dashes. */
const UNMARKED_SYMBOL_RE = /^[\u2610\u2717\u2718\-\u2013\u2014.]+$/u;

/** True for a tick-mark cell that is marked (X, a tick symbol such as \u2713 or \u2611, Y, Yes, TRUE, or any other note). */
function ticked(value: CellValue): boolean {
  if (value === true) return true;
  if (isBlank(value) || value === false) return false;
  const text = cellText(value).trim();
  if (UNMARKED_SYMBOL_RE.test(text)) return false;
  // A symbol has no letters or digits, so it normalises to nothing: a tick there is a mark all the same.
  const words = normalise(text);
  return words === '' || !TICK_BLANKS.has(words);
}

function statusReads(row: RowContext, vocab: StatusVocabulary): { reads: RatingRead[]; column: RatingRead; percent: number | null } {
  const levels = vocab.scale.levels;
  if (vocab.ticks.length > 0) {
    const marked = vocab.ticks.filter((t) => ticked(row.rawAt(t.letter)));
    const reads: RatingRead[] = marked.map((t) =>
      t.level ? { kind: 'level', level: t.level, text: t.header } : { kind: 'unknown', text: t.header },
    );
    return { reads, column: reads[reads.length - 1] ?? { kind: 'none' }, percent: null };
  }
  let column: RatingRead = { kind: 'none' };
  let percent: number | null = null;
  if (row.has('rating') && !row.errored('rating') && row.text('rating') !== '') {
    const phrases = ratingPhrases(row.text('rating'), levels);
    const read = readStatusValue(row.raw('rating'), levels, row.numberFormat('rating'), vocab.percentUnit);
    percent = read.percent;
    column =
      phrases[phrases.length - 1] ??
      (read.level ? { kind: 'level', level: read.level, text: row.text('rating') } : { kind: 'unknown', text: row.text('rating') });
  }
  const inDate = statusInCompletedCell(row, levels);
  if (inDate) column = { kind: 'level', level: inDate, text: row.text('completed') };
  const phrases = row.has('progress') && !row.errored('progress') ? ratingPhrases(row.text('progress'), levels) : [];
  return { reads: column.kind === 'none' ? phrases : [...phrases, column], column, percent };
}

/** Where the status is read from, for findings: the status column, the first tick column, or the progress cell. */
function statusCell(row: RowContext, vocab: StatusVocabulary, column: RatingRead): string | null {
  if (vocab.ticks.length > 0) return row.cellAt(vocab.ticks[0]?.letter ?? null);
  return row.at(row.has('rating') && column.kind !== 'none' ? 'rating' : row.has('progress') ? 'progress' : 'rating');
}

/** What to do about a missing or unknown status, in the table's own words (T4). */
function advice(row: RowContext, vocab: StatusVocabulary): string {
  if (vocab.ticks.length > 0) return `Mark one of the columns ${vocab.ticks.map((t) => `"${t.header}"`).join(', ')} with an X.`;
  if (row.has('rating')) return `Set the ${vocab.statusHeader ?? 'status'} column to one of: ${levelLabels(vocab.scale.levels)}.`;
  const example = vocab.scale.levels[1]?.label.toLowerCase() ?? 'completely';
  return `End the progress text with, for example, "Recommendation met: ${example}".`;
}

/** What the status reads said, with the unknown ones reported (T4). */
interface ReadsTally {
  readonly found: readonly RatingLevel[];
  readonly unclear: boolean;
  /** "Done" or "Completed" in a status column whose scale has no such word still means done. */
  readonly statusSaysDone: boolean;
}

/** Tallies the levels read, reporting each status off the scale (RATING_UNKNOWN). */
function tallyReads(row: RowContext, vocab: StatusVocabulary, reads: readonly RatingRead[], at: string | null): ReadsTally {
  const found: RatingLevel[] = [];
  let unclear = false;
  let statusSaysDone = false;
  for (const r of reads) {
    if (r.kind === 'level') found.push(r.level);
    else if (r.kind === 'unknown' && saysComplete(r.text)) statusSaysDone = true;
    else if (r.kind === 'unknown') {
      unclear = true;
      row.report(
        finding(
          'RATING_UNKNOWN',
          { cell: at, row: row.rowNumber, id: row.id },
          `${row.name}'s status ${quote(r.text || '(blank)')} in ${at ?? 'its row'} is not on the ${vocab.scale.label} scale. ${advice(row, vocab)}`,
        ),
      );
    }
  }
  return { found, unclear, statusSaysDone };
}

/** The level written: a status column wins; otherwise the last phrase, since the rating is the last line. */
function writtenLevel(reads: readonly RatingRead[], column: RatingRead): RatingLevel | null {
  // The last phrase is the rating, so a last phrase off the scale leaves the item unclear rather than taking an earlier one.
  const phrases = column.kind === 'none' ? reads : reads.slice(0, -1);
  const last = phrases[phrases.length - 1];
  return column.kind === 'level' ? column.level : last?.kind === 'level' ? last.level : null;
}

/** Reports a row that gives more than one level (RATING_CONFLICT). */
function reportConflictingLevels(row: RowContext, found: readonly RatingLevel[], level: RatingLevel | null, at: string | null): void {
  const distinct = [...new Set(found)];
  if (distinct.length <= 1 || !level) return;
  row.report(
    finding(
      'RATING_CONFLICT',
      { cell: at, row: row.rowNumber, id: row.id },
      `${row.name} gives ${distinct.length} different statuses (${distinct.map((l) => quote(l.label.toLowerCase())).join(' and ')}). "${level.label.toLowerCase()}" is counted; remove the other so the report is unambiguous.`,
    ),
  );
}

/** Reports a row with no status where the table records one (RATING_MISSING). */
function reportMissing(row: RowContext, vocab: StatusVocabulary, at: string | null): void {
  const empty =
    vocab.ticks.length > 0
      ? 'no status column is marked'
      : row.has('rating')
        ? `${at} is empty`
        : `${at} has no "Recommendation met: ..." line`;
  row.report(
    finding('RATING_MISSING', { cell: at, row: row.rowNumber, id: row.id }, `${row.name} is unrated: ${empty}. ${advice(row, vocab)}`),
  );
}

/** Reads a row's status on the table's scale, with completion evidence from the timescale, progress and completion-date cells (T4). */
export function readStatus(
  row: RowContext,
  vocab: StatusVocabulary,
  timescale: Timescale,
  completedOn: CompletionDate | null = null,
): StatusResult {
  const levels = vocab.scale.levels;
  const { reads, column, percent } = statusReads(row, vocab);
  const at = statusCell(row, vocab, column);
  const evidence = completionEvidence(row, timescale, completedOn);
  const { found, unclear, statusSaysDone } = tallyReads(row, vocab, reads, at);
  const level = writtenLevel(reads, column);
  reportConflictingLevels(row, found, level, at);
  const errored = vocab.ticks.length === 0 && (row.errored('rating') || (!row.has('rating') && row.errored('progress')));
  const recorded = vocab.recorded;
  if (found.length === 0 && !unclear && !statusSaysDone && !errored && recorded && evidence === null) reportMissing(row, vocab, at);
  // Completion follows the status when it holds one; words elsewhere (a "Done" timescale or update, a date in the
  // completion-date column) decide only when it is empty, and then the item counts at the scale's complete level,
  // so the chart's bars, the rating counts and the complete count agree. A contradiction is a finding, never a count.
  const filled = level === null && !unclear && !errored && (statusSaysDone || evidence !== null) ? completeLevel(levels) : null;
  const counted = level ?? filled;
  const levelComplete = isCompleteLevel(counted, levels);
  const excluded = counted?.excluded === true;
  const contradicted = evidence !== null && level !== null && !levelComplete && !excluded ? evidence : null;
  if (contradicted === 'completed' && completedOn !== null && level !== null) completionDateConflict(row, completedOn, level, at);
  else if (contradicted !== null && contradicted !== 'completed' && level !== null) conflict(row, contradicted, level, at);
  const unrated = recorded && counted === null;
  return {
    level: counted,
    percent,
    complete: levelComplete,
    excluded,
    at,
    unclear,
    errored,
    unrated,
    filled: filled !== null,
    contradicted,
  };
}

/** The level that means done: the first flagged complete, else the scale's first. */
function completeLevel(levels: readonly RatingLevel[]): RatingLevel | null {
  return levels.find((l) => l.complete === true) ?? levels[0] ?? null;
}

function conflict(row: RowContext, evidence: Exclude<CompletionSource, 'completed'>, level: RatingLevel, at: string | null): void {
  const said = row.at(evidence);
  const status = at === null ? `its status is "${level.label.toLowerCase()}"` : `${at} says "${level.label.toLowerCase()}"`;
  row.report(
    finding(
      evidence === 'timescale' ? 'TIMESCALE_COMPLETE_MISMATCH' : 'COMPLETION_CONFLICT',
      { cell: said, row: row.rowNumber, id: row.id },
      `${row.name}'s ${evidence} in ${said} says complete, but ${status}. It is counted as "${level.label.toLowerCase()}", as its status says; update one of the two cells so they agree.`,
    ),
  );
}
