import { cellAddress, columnLetter, parseAddress } from './address';
import { titleDate } from './asAt';
import { cellText, isBlank, isCellError, squash } from './cells';
import { fromIso, toIso } from './dates';
import { finding, itemName, sortFindings } from './findings';
import { applyOverrides, findHeader, headerText, letterOrNull, ROLE_NAMES } from './findTable';
import { checkIds } from './ids';
import { checkRating, checkStatutory, checkTimescale, type RowContext } from './rowChecks';
import { DEFAULT_SCALE } from './rating';
import { computeStatistics } from './statistics';
import { subjectMarker } from './statutory';
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
  const dates = { reference, asAtDay, dueSoonDays };
  rowIndexes.forEach((i, k) => {
    const rowNumber = origin.row + i;
    const cellErrors = tableColumns.flatMap((c) => {
      const v = cell(grid, i, c);
      return isCellError(v) ? [{ column: c, error: v.error }] : [];
    });
    const erroredColumns = cellErrors.map((e) => e.column);
    const errored = (role: Role): boolean => erroredColumns.length > 0 && columns[role] !== null && erroredColumns.includes(columns[role]);
    // Each role's text is read once per row: progress cells run to thousands of characters.
    const texts: Partial<Record<Role, string>> = {};
    const text = (role: Role): string => (texts[role] ??= errored(role) ? '' : cellText(cell(grid, i, columns[role])).trim());
    const idText = squash(text('id'));
    const id = idText === '' ? null : idText;
    // Reported once the reference is known, so the finding names the recommendation as well as the cell.
    for (const { column, error } of cellErrors) {
      const at = cellAddress(column, rowNumber);
      findings.push(
        finding(
          'CELL_ERROR',
          { cell: at, row: rowNumber, id },
          `${itemName(id, rowNumber)}: cell ${at} in row ${rowNumber} shows the error ${error}. Correct the formula or type the value, so the row can be checked.`,
        ),
      );
    }
    const row: RowContext = {
      rowNumber,
      id,
      name: itemName(id, rowNumber),
      has: (role) => columns[role] !== null,
      at: (role) => (columns[role] === null ? null : cellAddress(columns[role], rowNumber)),
      errored,
      text,
      raw: (role) => cell(grid, i, columns[role]),
      numberFormat: (role) => format(grid, i, columns[role]),
      report: (f) => findings.push(f),
    };

    const noReference = id === null && columns.id !== null && !errored('id');
    if (noReference) {
      findings.push(
        finding(
          'ID_MISSING',
          { cell: row.at('id'), row: rowNumber, id },
          `Row ${rowNumber} has no reference in ${row.at('id')}. Give it one (such as R${k + 1}) so it can be tracked and reported.`,
        ),
      );
    }
    for (const role of FIELD_ROLES) {
      if (columns[role] === null || errored(role) || text(role) !== '') continue;
      findings.push(
        finding(
          'FIELD_MISSING',
          { cell: row.at(role), row: rowNumber, id },
          `${row.name} has no ${FIELD_WORDS[role]} in ${row.at(role)}. Fill it in so the report is complete.`,
        ),
      );
    }

    const marker = markers[k] ?? { statutory: null, subject: '' };
    const statutory = checkStatutory(row, marker, recordsStatutory);
    const rating = checkRating(row, scale);
    const complete = rating.level !== null && rating.level.key === scale[0]?.key;
    const { timescale, overdue, daysOverdue, daysToDue } = checkTimescale(row, rating, complete, statutory, dates);

    const flags: string[] = [];
    const add = (flag: string) => flags.includes(flag) || flags.push(flag);
    if (erroredColumns.length > 0) add('Cell error');
    if (overdue) add(`Overdue ${daysOverdue} day${daysOverdue === 1 ? '' : 's'}`);
    if (daysToDue !== null) add(`Due soon (${daysToDue} day${daysToDue === 1 ? '' : 's'})`);
    if (rating.level === null && !rating.errored) add(rating.unclear ? 'Rating unclear' : 'Unrated');
    if (columns.timescale !== null && (timescale.kind === 'missing' || (timescale.kind === 'unparsed' && !errored('timescale'))))
      add('Check timescale');
    if (timescale.kind === 'complete' && !complete) add('Check timescale');
    if (noReference) add('No reference');

    recommendations.push({
      id,
      row: rowNumber,
      subject: marker.subject,
      statutory,
      lead: squash(text('lead')),
      recommendation: text('recommendation'),
      rating: rating.level?.key ?? null,
      timescale,
      overdue,
      daysOverdue,
      dueSoon: daysToDue !== null,
      daysToDue,
      flags,
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
