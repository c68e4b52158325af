import { cellText, isBlank } from './cells';
import { fromSerial, isDateFormat, toIso } from './dates';
import { findDateMentions } from './dateMentions';
import type { CellValue } from './types';

/** Phrases that introduce the position date of a report. */
const AS_AT_RE = /\b(as at|as of|position at|progress at|update at|dated)\b/i;

/**
 * The date a report is stated to be "as at", from its title rows: a date cell, or a written
 * day ("31st March 2002", "March 31 2002", "Position as at 30 September 2002"), or a month and
 * year. A date after "as at" wins over others. Financial years and bare years are not dates here.
 */
export function titleDate(
  rows: readonly (readonly CellValue[])[],
  formats: readonly (readonly string[] | undefined)[],
  reference: number,
): string | null {
  let fallback: number | null = null;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (isBlank(value)) continue;
      if (typeof value === 'number' && isDateFormat(formats[r]?.[c])) {
        fallback ??= fromSerial(value);
        continue;
      }
      const text = cellText(value);
      const mentions = findDateMentions(text, reference).filter(
        (m) => !m.yearInferred && (m.precision === 'day' || m.precision === 'month'),
      );
      if (mentions.length === 0) continue;
      const cue = AS_AT_RE.exec(text);
      const afterCue = cue ? mentions.find((m) => m.start >= cue.index) : undefined;
      if (afterCue) return toIso(afterCue.day);
      const dayPrecise = mentions.find((m) => m.precision === 'day');
      fallback ??= (dayPrecise ?? mentions[0])?.day ?? null;
    }
  }
  return fallback === null ? null : toIso(fallback);
}
