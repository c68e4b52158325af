import { cellText, isBlank, normalise } from '../cells';
import { finding, quote } from '../findings';
import { ratingPhrases, type RatingRead } from './rating';
import type { RowContext } from '../read/rowContext';
import { isCompleteLevel, levelLabels, readStatusValue, type PercentUnit } from './scales';
import type { CellValue, RatingLevel, StatusScale, Timescale } from '../types';
import { completionDateConflict, completionEvidence, saysComplete, type CompletionDate, type CompletionSource } from './completion';

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
  /** Done: a complete level, or completion evidence in the timescale or progress cell. */
  readonly complete: boolean;
  readonly excluded: boolean;
  /** Address of the cell that holds the status, or null. */
  readonly at: string | null;
  /** A status was written but matches no level. */
  readonly unclear: boolean;
  /** The cell that would hold the status shows an error value. */
  readonly errored: boolean;
}

const TICK_BLANKS = new Set(['', '-', 'no', 'n', '0', 'false']);

/** True for a tick-mark cell that is marked (X, a tick, Y, Yes, TRUE, or any other note). */
function ticked(value: CellValue): boolean {
  if (value === true) return true;
  if (isBlank(value) || value === false) return false;
  return !TICK_BLANKS.has(normalise(cellText(value)));
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
  const found: RatingLevel[] = [];
  let unclear = false;
  // "Done" or "Completed" in a status column whose scale has no such word still means done.
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
  // A status column wins; otherwise the last phrase, since the rating is the last line.
  // The last phrase is the rating, so a last phrase off the scale leaves the item unclear rather than taking an earlier one.
  const phrases = column.kind === 'none' ? reads : reads.slice(0, -1);
  const last = phrases[phrases.length - 1];
  const level = column.kind === 'level' ? column.level : last?.kind === 'level' ? last.level : null;
  const distinct = [...new Set(found)];
  if (distinct.length > 1 && level) {
    row.report(
      finding(
        'RATING_CONFLICT',
        { cell: at, row: row.rowNumber, id: row.id },
        `${row.name} gives ${distinct.length} different statuses (${distinct.map((l) => quote(l.label.toLowerCase())).join(' and ')}). "${level.label.toLowerCase()}" is counted; remove the other so the report is unambiguous.`,
      ),
    );
  }
  const errored = vocab.ticks.length === 0 && (row.errored('rating') || (!row.has('rating') && row.errored('progress')));
  const recorded = vocab.recorded;
  if (found.length === 0 && !unclear && !statusSaysDone && !errored && recorded && evidence === null) {
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
  const { complete, excluded } = settle(row, { level, levels, evidence, completedOn, statusSaysDone, at });
  return { level, percent, complete, excluded, at, unclear, errored };
}

/** Whether the item is complete or excluded, from its level and the evidence outside the status cell, with the conflict findings. */
function settle(
  row: RowContext,
  read: {
    readonly level: RatingLevel | null;
    readonly levels: StatusScale['levels'];
    readonly evidence: CompletionSource | null;
    readonly completedOn: CompletionDate | null;
    readonly statusSaysDone: boolean;
    readonly at: string | null;
  },
): { complete: boolean; excluded: boolean } {
  const { level, evidence, completedOn, at } = read;
  const levelComplete = isCompleteLevel(level, read.levels);
  const excluded = level?.excluded === true;
  // A completion date counts only where the status cell holds no level: the status cell wins (T4).
  const dateOnly = evidence === 'completed' && level !== null;
  if (dateOnly && completedOn !== null && !levelComplete && !excluded) completionDateConflict(row, completedOn, level, at);
  else if (evidence !== null && evidence !== 'completed' && level !== null && !levelComplete && !excluded && level.onTrack !== true)
    conflict(row, evidence, level, at);
  return { complete: levelComplete || (((evidence !== null && !dateOnly) || read.statusSaysDone) && !excluded), excluded };
}

function conflict(row: RowContext, evidence: Exclude<CompletionSource, 'completed'>, level: RatingLevel, at: string | null): void {
  const said = row.at(evidence);
  const status = at === null ? `its status is "${level.label.toLowerCase()}"` : `${at} says "${level.label.toLowerCase()}"`;
  row.report(
    finding(
      evidence === 'timescale' ? 'TIMESCALE_COMPLETE_MISMATCH' : 'COMPLETION_CONFLICT',
      { cell: said, row: row.rowNumber, id: row.id },
      `${row.name}'s ${evidence} in ${said} says complete, but ${status}. It is counted as complete; update one of the two cells so they agree.`,
    ),
  );
}
