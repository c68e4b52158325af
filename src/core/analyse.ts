import { cellAddress, columnLetter, parseAddress } from './address';
import { titleDate } from './asAt';
import { cellText, isBlank, isCellError, squash } from './cells';
import { formatLong, fromIso, toIso } from './dates';
import { finding, itemName, quote, sortFindings } from './findings';
import { applyOverrides, findHeader, headerText, letterOrNull, ROLE_NAMES } from './findTable';
import { checkIds } from './ids';
import { parseTimescaleCell } from './parseTimescale';
import { DEFAULT_SCALE, ratingPhrases, readRatingCell, type RatingRead } from './rating';
import { computeStatistics } from './statistics';
import { readStatutory, subjectMarker } from './statutory';
import type { AnalyseOptions, Analysis, CellValue, Finding, Recommendation, Role, SheetSnapshot, TableLocation } from './types';
import { ROLES } from './types';

/** Misuse of the core's API (an impossible option), as opposed to a problem in the user's data. */
export class CoreOptionError extends Error {
  override readonly name = 'CoreOptionError';
}

const FIELD_WORDS: Partial<Record<Role, string>> = {
  subject: 'subject',
  lead: 'lead officer',
  recommendation: 'recommendation text',
  progress: 'progress update',
};

const FIELD_ROLES = ['subject', 'lead', 'recommendation', 'progress'] as const;

/** Rows whose first cell starts like this end the table (totals, notes and keys under it). */
const FOOTER_RE = /^\s*(grand\s+)?(totals?|notes?|key|source|prepared by|footnotes?)\b\s*[:-]?/i;

interface Grid {
  readonly origin: { column: number; row: number };
  readonly snapshot: SheetSnapshot;
}

function cell(grid: Grid, rowIndex: number, column: number | null): CellValue {
  if (column === null) return null;
  return grid.snapshot.values[rowIndex]?.[column - grid.origin.column] ?? null;
}

function format(grid: Grid, rowIndex: number, column: number | null): string | undefined {
  if (column === null || !grid.snapshot.numberFormats) return undefined;
  return grid.snapshot.numberFormats[rowIndex]?.[column - grid.origin.column] ?? 'General';
}

/** The first non-empty value among a row's table columns, or undefined for a blank row. */
function firstFilled(row: readonly CellValue[], columns: readonly number[], originColumn: number): CellValue | undefined {
  for (const c of columns) {
    const v = row[c - originColumn];
    if (!isBlank(v)) return v;
  }
  return undefined;
}

function validIso(label: string, iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  const day = fromIso(iso);
  if (day === null) throw new CoreOptionError(`The ${label} date "${iso}" is not a real date in the form YYYY-MM-DD.`);
  return day;
}

/** Reads a whole worksheet: finds the table, reads each recommendation, checks it, counts it. */
export function analyseSheet(snapshot: SheetSnapshot, options: AnalyseOptions): Analysis {
  const today = validIso('today', options.today);
  if (today === undefined) throw new CoreOptionError('The core needs today\u2019s date.');
  const chosen = validIso('as-at', options.asAt);
  const scale = options.ratingScale && options.ratingScale.length > 0 ? options.ratingScale : DEFAULT_SCALE;
  const dueSoonDays = options.dueSoonDays ?? 30;
  const origin = parseAddress(snapshot.origin) ?? { column: 0, row: 1 };
  const grid: Grid = { origin, snapshot };
  const header = findHeader(snapshot, options.headerRow);

  const titleCount = header ? header.rowIndex : Math.min(10, snapshot.values.length);
  const titleValues = snapshot.values.slice(0, titleCount);
  const titleRows = titleValues
    .map((row) =>
      row
        .filter((v) => !isBlank(v))
        .map(cellText)
        .map(squash)
        .join(' '),
    )
    .filter((t) => t !== '');
  const documentDay = fromIso(titleDate(titleValues, snapshot.numberFormats?.slice(0, titleCount) ?? [], chosen ?? today) ?? '');
  const asAtDay = chosen ?? documentDay ?? today;
  const asAtSource = chosen !== undefined ? 'option' : documentDay !== null ? 'sheet' : 'today';
  const reference = toIso(documentDay ?? asAtDay);

  const base = {
    sheet: snapshot.name,
    asAt: toIso(asAtDay),
    asAtSource,
    documentDate: documentDay === null ? null : toIso(documentDay),
    titleRows,
    scale,
  } as const;

  if (!header) {
    const f = finding(
      'TABLE_NOT_FOUND',
      {},
      `No action-plan table found on "${snapshot.name}": none of the first 50 rows has headers such as No, Subject, Lead, Timescales, Recommendation and Progress. Check this is the right sheet, or choose the header row and columns in Settings.`,
    );
    return { ...base, table: null, recommendations: [], findings: [f], stats: computeStatistics([], scale) };
  }

  const findings: Finding[] = [];
  const { columns, invalid } = applyOverrides(header.columns, options.columns);
  if (invalid.length > 0) throw new CoreOptionError(`These column choices are not column letters: ${invalid.join(', ')}.`);
  const headerRow = origin.row + header.rowIndex;
  const headerValues = snapshot.values[header.rowIndex];

  const roleColumns = ROLES.map((r) => columns[r]).filter((c): c is number => c !== null);
  const tableColumns = [...new Set([...header.headerColumns, ...roleColumns])].sort((a, b) => a - b);
  const firstColumn = tableColumns[0] ?? origin.column;
  const lastColumn = tableColumns[tableColumns.length - 1] ?? origin.column;

  // The table runs to the last row with content in its columns, stopping at a totals or notes row.
  let lastIndex = header.rowIndex;
  for (let i = header.rowIndex + 1; i < snapshot.values.length; i++) {
    const row = snapshot.values[i] ?? [];
    const first = firstFilled(row, tableColumns, origin.column);
    if (first === undefined) continue;
    if (typeof first === 'string' && FOOTER_RE.test(first) && isBlank(cell(grid, i, columns.recommendation))) break;
    lastIndex = i;
  }

  for (const role of ROLES) {
    if (columns[role] !== null || role === 'statutory' || role === 'rating') continue;
    if (role === 'progress' && columns.rating !== null) continue;
    findings.push(
      finding(
        'COLUMN_MISSING',
        { cell: cellAddress(firstColumn, headerRow), row: headerRow },
        `No ${ROLE_NAMES[role]} column in the header (row ${headerRow}). Add a column headed "${ROLE_NAMES[role]}", or choose the column in Settings.`,
      ),
    );
  }
  if (columns.rating === null && columns.progress === null) {
    findings.push(
      finding(
        'COLUMN_MISSING',
        { cell: cellAddress(firstColumn, headerRow), row: headerRow },
        `No Rating column and no Progress column in the header (row ${headerRow}), so no recommendation can be rated. Add one, or choose it in Settings.`,
      ),
    );
  }

  // First pass: the rows and the statutory markers, since whether the table records statutory status at all decides the findings.
  const rowIndexes: number[] = [];
  for (let i = header.rowIndex + 1; i <= lastIndex; i++) {
    if (firstFilled(snapshot.values[i] ?? [], tableColumns, origin.column) !== undefined) rowIndexes.push(i);
  }
  const markers = rowIndexes.map((i) => subjectMarker(cellText(cell(grid, i, columns.subject))));
  const recordsStatutory = columns.statutory !== null || markers.some((m) => m.statutory !== null);
  if (!recordsStatutory) {
    findings.push(
      finding(
        'COLUMN_MISSING',
        { cell: cellAddress(columns.subject ?? firstColumn, headerRow), row: headerRow },
        'No recommendation says whether it is statutory, so statutory items cannot be highlighted. Add a Statutory column, or write "Statutory" or "Non-statutory" as a second line in each Subject cell.',
        'info',
      ),
    );
  }

  const recommendations: Recommendation[] = [];
  rowIndexes.forEach((i, k) => {
    const rowNumber = origin.row + i;
    const at = (role: Role): string | null => (columns[role] === null ? null : cellAddress(columns[role], rowNumber));
    const erroredColumns: number[] = [];
    for (const c of tableColumns) {
      const v = cell(grid, i, c);
      if (isCellError(v)) {
        erroredColumns.push(c);
        findings.push(
          finding(
            'CELL_ERROR',
            { cell: cellAddress(c, rowNumber), row: rowNumber, id: null },
            `Cell ${cellAddress(c, rowNumber)} in row ${rowNumber} shows the error ${v.error}. Correct the formula or type the value, so the row can be checked.`,
          ),
        );
      }
    }
    const errored = (role: Role): boolean => erroredColumns.length > 0 && columns[role] !== null && erroredColumns.includes(columns[role]);
    // Each role's text is read once per row: progress cells run to thousands of characters.
    const texts: Partial<Record<Role, string>> = {};
    const text = (role: Role): string => (texts[role] ??= errored(role) ? '' : cellText(cell(grid, i, columns[role])).trim());

    const idText = squash(text('id'));
    const id = idText === '' ? null : idText;
    const name = itemName(id, rowNumber);
    const where = (role: Role) => ({ cell: at(role), row: rowNumber, id });

    if (id === null && columns.id !== null && !errored('id')) {
      findings.push(
        finding(
          'ID_MISSING',
          where('id'),
          `Row ${rowNumber} has no reference in ${at('id')}. Give it one (such as R${k + 1}) so it can be tracked and reported.`,
        ),
      );
    }

    for (const role of FIELD_ROLES) {
      if (columns[role] === null || errored(role) || text(role) !== '') continue;
      findings.push(
        finding('FIELD_MISSING', where(role), `${name} has no ${FIELD_WORDS[role]} in ${at(role)}. Fill it in so the report is complete.`),
      );
    }

    // Statutory: the column if it says, else the Subject cell's marker.
    const marker = markers[k] ?? { statutory: null, subject: '' };
    let statutory: boolean | null = null;
    const statutoryCell = cell(grid, i, columns.statutory);
    if (columns.statutory !== null && !isBlank(statutoryCell) && !errored('statutory')) {
      statutory = typeof statutoryCell === 'boolean' ? statutoryCell : readStatutory(cellText(statutoryCell));
      if (statutory === null) {
        findings.push(
          finding(
            'STATUTORY_UNKNOWN',
            where('statutory'),
            `${name}'s statutory status ${quote(cellText(statutoryCell))} in ${at('statutory')} is not recognised. Write "Statutory" or "Non-statutory".`,
          ),
        );
      }
    } else if (marker.statutory !== null) {
      statutory = marker.statutory;
    } else if (recordsStatutory && !errored('statutory')) {
      const place = columns.statutory !== null ? at('statutory') : at('subject');
      const how = columns.statutory !== null ? 'in the Statutory column' : 'as a second line of the Subject cell';
      findings.push(
        finding(
          'STATUTORY_MISSING',
          { cell: place, row: rowNumber, id },
          `${name} does not say whether it is statutory (${place}). Write "Statutory" or "Non-statutory" ${how}.`,
        ),
      );
    }

    // Rating: the rating column, and any "Recommendation met: ..." phrase in the progress text.
    const ratingColumnRead: RatingRead =
      columns.rating !== null && !errored('rating') ? readRatingCell(text('rating'), scale) : { kind: 'none' };
    const phrases = columns.progress !== null && !errored('progress') ? ratingPhrases(text('progress'), scale) : [];
    const reads = ratingColumnRead.kind === 'none' ? phrases : [...phrases, ratingColumnRead];
    const ratingCellRole: Role =
      columns.rating !== null && ratingColumnRead.kind !== 'none' ? 'rating' : columns.progress !== null ? 'progress' : 'rating';
    const ratingAt = at(ratingCellRole);
    const levels = reads.filter((r): r is Extract<RatingRead, { kind: 'level' }> => r.kind === 'level');
    const chosenLevel = ratingColumnRead.kind === 'level' ? ratingColumnRead.level : (levels[levels.length - 1]?.level ?? null);
    const rating = chosenLevel?.key ?? null;
    for (const r of reads) {
      if (r.kind !== 'unknown') continue;
      findings.push(
        finding(
          'RATING_UNKNOWN',
          { cell: ratingAt, row: rowNumber, id },
          `${name}'s rating ${quote(r.text || '(blank)')} in ${ratingAt} is not on the scale. Use one of: ${scale.map((l) => l.label.toLowerCase()).join(', ')}.`,
        ),
      );
    }
    const distinct = [...new Set(levels.map((l) => l.level.key))];
    if (distinct.length > 1 && chosenLevel) {
      findings.push(
        finding(
          'RATING_CONFLICT',
          { cell: ratingAt, row: rowNumber, id },
          `${name} gives ${distinct.length} different ratings (${distinct.map((k) => quote(scale.find((l) => l.key === k)?.label.toLowerCase() ?? k)).join(' and ')}). "${chosenLevel.label.toLowerCase()}" is counted; remove the other so the report is unambiguous.`,
        ),
      );
    }
    const ratingErrored = errored('rating') || (columns.rating === null && errored('progress'));
    if (reads.length === 0 && !ratingErrored && (columns.rating !== null || columns.progress !== null)) {
      findings.push(
        finding(
          'RATING_MISSING',
          { cell: ratingAt, row: rowNumber, id },
          columns.rating !== null
            ? `${name} is unrated: ${ratingAt} is empty. Enter how far it has been met (${scale.map((l) => l.label.toLowerCase()).join(' / ')}).`
            : `${name} is unrated: ${ratingAt} has no "Recommendation met: ..." line. End the progress text with, for example, "Recommendation met: ${scale[1]?.label.toLowerCase() ?? 'completely'}".`,
        ),
      );
    }

    // Timescale and status.
    const timescale = errored('timescale')
      ? { text: cellText(cell(grid, i, columns.timescale)), kind: 'unparsed' as const, due: null, yearInferred: false }
      : parseTimescaleCell(cell(grid, i, columns.timescale), format(grid, i, columns.timescale), reference);
    const complete = rating !== null && rating === scale[0]?.key;
    const dueDay = timescale.due === null ? null : fromIso(timescale.due);
    const overdue = dueDay !== null && dueDay < asAtDay && !complete;
    const daysOverdue = overdue && dueDay !== null ? asAtDay - dueDay : 0;
    const daysToDue = dueDay !== null && !overdue && !complete && dueDay - asAtDay <= dueSoonDays ? dueDay - asAtDay : null;
    const dueSoon = daysToDue !== null;

    if (columns.timescale !== null && !errored('timescale')) {
      const ts = at('timescale');
      if (timescale.kind === 'missing') {
        findings.push(
          finding(
            'TIMESCALE_MISSING',
            where('timescale'),
            `${name} has no timescale in ${ts}. Add a target date (for example "September 2002"), or "Ongoing".`,
          ),
        );
      } else if (timescale.kind === 'unparsed') {
        findings.push(
          finding(
            'TIMESCALE_UNPARSED',
            where('timescale'),
            `${name}'s timescale ${quote(timescale.text)} in ${ts} has no date the checker can read. Add a month and year (for example "September 2002"), or "Ongoing".`,
          ),
        );
      } else if (timescale.kind === 'none') {
        findings.push(
          finding(
            'TIMESCALE_NO_DEADLINE',
            where('timescale'),
            `${name}'s timescale in ${ts} sets no date (${quote(timescale.text, 50)}). Agree a target date, or record why none can be set.`,
          ),
        );
      } else if (timescale.kind === 'complete' && !complete) {
        findings.push(
          finding(
            'TIMESCALE_COMPLETE_MISMATCH',
            where('timescale'),
            `${name}'s timescale in ${ts} says complete, but it is ${rating === null ? 'unrated' : `rated "${chosenLevel?.label.toLowerCase() ?? rating}"`} (${ratingAt}). Update the timescale or the rating so they agree.`,
          ),
        );
      }
      if (timescale.yearInferred && dueDay !== null) {
        findings.push(
          finding(
            'TIMESCALE_YEAR_INFERRED',
            where('timescale'),
            `${name}'s timescale in ${ts} gives no year; it is read as ${formatLong(dueDay)}. Add the year to be sure.`,
          ),
        );
      }
      if (overdue && dueDay !== null) {
        findings.push(
          finding(
            'OVERDUE',
            where('timescale'),
            `${name}${statutory ? ' (statutory)' : ''} was due by ${formatLong(dueDay)} (${ts}) and is ${daysOverdue} day${daysOverdue === 1 ? '' : 's'} overdue, ${rating === null ? 'unrated' : `rated "${chosenLevel?.label.toLowerCase() ?? rating}"`}. Update the progress and rating, or agree a revised timescale.`,
            statutory ? 'error' : 'warning',
          ),
        );
      }
      if (dueSoon && dueDay !== null) {
        findings.push(
          finding(
            'DUE_SOON',
            where('timescale'),
            `${name} is due by ${formatLong(dueDay)} (${ts}), in ${daysToDue} day${daysToDue === 1 ? '' : 's'}, and is not yet complete.`,
          ),
        );
      }
    }

    const flags: string[] = [];
    if (erroredColumns.length > 0) flags.push('Cell error');
    if (overdue) flags.push(`Overdue ${daysOverdue} day${daysOverdue === 1 ? '' : 's'}`);
    if (dueSoon) flags.push(`Due soon (${daysToDue} day${daysToDue === 1 ? '' : 's'})`);
    if (rating === null && !ratingErrored) flags.push(reads.some((r) => r.kind === 'unknown') ? 'Rating unclear' : 'Unrated');
    if (columns.timescale !== null && (timescale.kind === 'missing' || (timescale.kind === 'unparsed' && !errored('timescale'))))
      flags.push('Check timescale');
    if (timescale.kind === 'complete' && !complete) flags.push('Check timescale');
    if (id === null && columns.id !== null && !errored('id')) flags.push('No reference');

    recommendations.push({
      id,
      row: rowNumber,
      subject: marker.subject,
      statutory,
      lead: squash(text('lead')),
      recommendation: text('recommendation'),
      rating,
      timescale,
      overdue,
      daysOverdue,
      dueSoon,
      daysToDue,
      flags: flags.filter((f, j) => flags.indexOf(f) === j),
    });
  });

  const idFindings = checkIds(recommendations, columns.id === null ? null : columnLetter(columns.id));
  findings.push(...idFindings);
  const duplicateRows = new Set(idFindings.filter((f) => f.rule === 'ID_DUPLICATE').map((f) => f.row));
  const checked = recommendations.map((r) => (duplicateRows.has(r.row) ? { ...r, flags: [...r.flags, 'Duplicate reference'] } : r));

  const table: TableLocation = {
    headerRow,
    firstRow: headerRow + 1,
    lastRow: origin.row + lastIndex,
    firstColumn: columnLetter(firstColumn),
    lastColumn: columnLetter(lastColumn),
    columns: Object.fromEntries(ROLES.map((r) => [r, letterOrNull(columns[r])])) as Record<Role, string | null>,
    headers: Object.fromEntries(ROLES.map((r) => [r, headerText(headerValues, columns[r], origin.column)])) as Record<Role, string | null>,
    headerCells: header.headerColumns.map((c) => ({ column: columnLetter(c), text: headerText(headerValues, c, origin.column) ?? '' })),
  };
  return { ...base, table, recommendations: checked, findings: sortFindings(findings), stats: computeStatistics(checked, scale) };
}
