import { cellAddress, columnIndex, columnLetter } from './address';
import { CHECK_WORDS } from './plans/statusWords';
import { itemState } from './interpret/itemState';
import { cellText, isCellError, squash } from './cells';
import { fromIso, formatLong, toIso } from './dates';
import { finding, itemName, sortFindings } from './findings';
import { closestHeader, findHeader, headerText, letterOrNull, ROLE_NAMES, type HeaderMatch } from './read/findTable';
import { checkIds } from './check/ids';
import { locateTable, type LocatedTable } from './read/locate';
import { linesWithoutTable, positionLines, type SheetLine } from './read/positionLines';
import type { RowRecord } from './read/records';
import { readingNotes } from './check/readingNotes';
import { readPosition, type Position } from './interpret/position';
import { detectPriorityScale, priorityLabels, readPriority } from './interpret/priority';
import { leadingReference } from './interpret/references';
import { checkStatutory, checkTimescale, readOriginal, readTimescale, type RowContext } from './check/rowChecks';
import { checkSlippage, readSlippage, slippedFlag, type Slippage } from './interpret/slippage';
import { builtInScale, customScale, detectScale, matchLevel, percentUnit, type PercentUnit } from './interpret/scales';
import { computeStatistics } from './figures/statistics';
import { readStatus, type StatusVocabulary } from './interpret/status';
import { readCompletionDate } from './interpret/completion';
import { ITEM_NOUN, tableKind } from './interpret/tableKind';
import { keyScale, readKey, type KeyEntry } from './interpret/tableKey';
import { decideDateReadings, positionOrderAssumed, writtenOrder, type DateCell, type DateReadings } from './interpret/dateOrder';
import { subjectMarker, type SubjectMarker } from './interpret/statutory';
import type {
  AnalyseOptions,
  Analysis,
  Finding,
  Recommendation,
  Role,
  SheetSnapshot,
  StatusScale,
  TableLocation,
  Timescale,
} from './types';
import { ROLES } from './types';
import type { PriorityScale } from './vocabulary/priority';
import { AUDIT_PLAN_SCALE, BUILT_IN_SCALES, IMPLEMENTATION_SCALE } from './vocabulary/scales';

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

function validIso(label: string, iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  const day = fromIso(iso);
  if (day === null) throw new CoreOptionError(`The ${label} date "${iso}" is not a real date in the form YYYY-MM-DD.`);
  return day;
}

/** The vocabulary the table is read with: its status scale, priority scale and statutory markers. */
interface TableVocabulary {
  readonly status: StatusVocabulary;
  readonly priority: PriorityScale | null;
  readonly markers: readonly SubjectMarker[];
  readonly recordsStatutory: boolean;
  /** References written at the start of the recommendation text, used when there is no reference column. */
  readonly leadingReferences: readonly (string | null)[];
  /** How each date column is read (its order of numeric dates, the financial year), decided once from all its cells. */
  readonly dates: DateReadings;
}

const DATE_ROLES = ['timescale', 'originalTimescale', 'completed'] as const;

/** The text cells of one column, with their addresses, for deciding how its dates are written. */
function textCells(located: LocatedTable, column: number | null): DateCell[] {
  if (column === null) return [];
  const out: DateCell[] = [];
  for (const record of located.items) {
    const value = record.value(column);
    // The address is named only for a finding: built when asked, not for every progress note.
    const row = record.row;
    if (typeof value === 'string' && value.trim() !== '')
      out.push({
        text: value,
        row,
        get cell() {
          return cellAddress(column, row);
        },
      });
  }
  return out;
}

/**
 * Stage 3: the date order of each date column and the financial year, from all the table's date cells,
 * else from how the sheet's lines (above, under and beside the table) and date columns write dates with the month in words (T6).
 */
function dateReadings(located: LocatedTable, options: AnalyseOptions, sheetLines: readonly SheetLine[]): DateReadings {
  const { columns } = located;
  const dateColumns = DATE_ROLES.flatMap((role) => {
    const column = columns[role];
    return column === null ? [] : [{ role, letter: columnLetter(column), cells: textCells(located, column) }];
  });
  const lineTexts = sheetLines.flatMap((l) => l.cells.filter((v): v is string => typeof v === 'string'));
  const written = writtenOrder([...lineTexts, ...dateColumns.flatMap((c) => c.cells.map((x) => x.text))]);
  return decideDateReadings(dateColumns, textCells(located, columns.progress), options.fiscalYear, written);
}

/** DATE_ORDER_ASSUMED when the sheet's position date reads either way (T3, T6). */
function positionOrder(position: Position, dates: DateReadings): Finding[] {
  const f = position.statedText === null ? null : positionOrderAssumed(position.statedText, dates.sheet, dates.why);
  return f ? [f] : [];
}

/** References at the start of each recommendation text, when there is no reference column and most rows have one (R5). */
function leadingReferences(located: LocatedTable): (string | null)[] {
  const { columns, items } = located;
  if (columns.id !== null || columns.recommendation === null) return [];
  const refs = items.map((r) => leadingReference(cellText(r.value(columns.recommendation))));
  return refs.filter((r) => r !== null).length * 2 >= refs.length ? refs : [];
}

/** True when some progress cell carries a "Recommendation met: ..." phrase. */
function hasPhrases(located: LocatedTable): boolean {
  const column = located.columns.progress;
  return column !== null && located.items.some((r) => /recommendation\s+met/i.test(cellText(r.value(column))));
}

/** Stage 3: chooses the table's status scale (option, tick headers, the status column's values, or extent met). */
function chooseScale(located: LocatedTable, options: AnalyseOptions, key: readonly KeyEntry[]): StatusScale {
  if (options.ratingScale && options.ratingScale.length > 0) return customScale(options.ratingScale);
  if (options.scale) return builtInScale(options.scale);
  if (located.header.tickScale) return located.header.tickScale;
  const column = located.columns.rating;
  // Without a status column: "Recommendation met: ..." in the progress text is the extent scale; else completion words.
  const audits = tableKind(located.columns) === 'audits';
  if (column === null) return audits ? AUDIT_PLAN_SCALE : builtInScale(hasPhrases(located) ? 'extent' : 'implementation');
  const values = located.items.map((r) => r.value(column));
  const detected = detectScale(
    values,
    located.items.map((r) => r.format(column)),
    audits ? AUDIT_SCALE_ORDER : undefined,
  );
  // The table's own key, where its labels are the status values, says what each colour means (T4).
  const scale = keyScale(key, values) ?? detected;
  // A plan of audits: an audit deferred out of the year's plan is excluded (T4, tables of work).
  return audits && scale.name === 'implementation' ? AUDIT_PLAN_SCALE : scale;
}

/** A plan of audits tries the implementation scale first: "Complete / Final report issued" ties with extent's "Complete". */
const AUDIT_SCALE_ORDER = [IMPLEMENTATION_SCALE, ...BUILT_IN_SCALES.filter((s) => s !== IMPLEMENTATION_SCALE)];

/** How the status column writes plain-number percentages, decided once from all its cells (fractions or hundreds). */
function statusPercentUnit(located: LocatedTable): PercentUnit | null {
  const column = located.columns.rating;
  if (column === null) return null;
  return percentUnit(
    located.items.map((r) => r.value(column)),
    located.items.map((r) => r.format(column)),
  );
}

/** What is read from the whole sheet before the table's vocabulary: its date order and its own key. */
interface SheetReadings {
  readonly dates: DateReadings;
  readonly key: readonly KeyEntry[];
}

/** Stage 3: the vocabulary of this table, chosen from its own values. */
function tableVocabulary(located: LocatedTable, options: AnalyseOptions, sheet: SheetReadings): TableVocabulary {
  const { dates } = sheet;
  const scale = chooseScale(located, options, sheet.key);
  const texts = located.header.texts;
  const ticks = located.header.ticks.map((c) => ({
    letter: columnLetter(c),
    header: texts.get(c) ?? columnLetter(c),
    level: matchLevel(texts.get(c) ?? '', scale.levels),
  }));
  const { columns, items } = located;
  const markers = items.map((r) => subjectMarker(cellText(r.value(columns.subject))));
  const priority = columns.priority === null ? null : detectPriorityScale(items.map((r) => r.value(columns.priority)));
  return {
    status: {
      scale,
      percentUnit: statusPercentUnit(located),
      statusHeader: headerText(texts, columns.rating),
      ticks,
      recorded: ticks.length > 0 || columns.rating !== null || hasPhrases(located),
    },
    leadingReferences: leadingReferences(located),
    dates,
    priority,
    markers,
    recordsStatutory: columns.statutory !== null || markers.some((m) => m.statutory !== null),
  };
}

/** COLUMN_MISSING findings for the roles a table needs (T1). */
function missingColumns(located: LocatedTable, headerRow: number, vocab: TableVocabulary): Finding[] {
  const { columns } = located;
  const at = { cell: cellAddress(located.tableColumns[0] ?? 0, headerRow), row: headerRow };
  const out: Finding[] = [];
  // A plan of audits names each by its title and records a status: it is not asked for the columns of an action plan.
  const audits = tableKind(columns) === 'audits';
  const roles = audits ? [] : (['id', 'lead', 'timescale', 'recommendation', 'progress'] as const);
  // A subject column is optional: many trackers have none, and the recommendation says what it is about.
  for (const role of roles) {
    if (columns[role] !== null || (role === 'progress' && columns.rating !== null)) continue;
    out.push(
      finding(
        'COLUMN_MISSING',
        at,
        `No ${ROLE_NAMES[role]} column in the header (row ${headerRow}). Add a column headed "${ROLE_NAMES[role]}", or choose the column in Settings.`,
      ),
    );
  }
  if (columns.rating === null && columns.progress === null && columns.completed === null && vocab.status.ticks.length === 0) {
    out.push(
      finding(
        'COLUMN_MISSING',
        at,
        `No Status column and no Progress column in the header (row ${headerRow}), so no ${ITEM_NOUN[tableKind(columns)]} can be rated. Add one, or choose it in Settings.`,
      ),
    );
  }
  return out;
}

/** Stage 2: one row's cells by role, as the checks see them. */
function rowContext(
  record: RowRecord,
  columns: Record<Role, number | null>,
  id: string | null,
  erroredColumns: readonly number[],
  findings: Finding[],
): RowContext {
  const rowNumber = record.row;
  const errored = (role: Role): boolean => erroredColumns.length > 0 && columns[role] !== null && erroredColumns.includes(columns[role]);
  // Each role's text is read once per row: progress cells run to thousands of characters.
  const texts: Partial<Record<Role, string>> = {};
  return {
    rowNumber,
    id,
    name: itemName(id, rowNumber, ITEM_NOUN[tableKind(columns)]),
    has: (role) => columns[role] !== null,
    at: (role) => (columns[role] === null ? null : cellAddress(columns[role], rowNumber)),
    cellAt: (letter) => (letter === null ? null : `${letter}${rowNumber}`),
    errored,
    text: (role) => (texts[role] ??= errored(role) ? '' : cellText(record.value(columns[role])).trim()),
    raw: (role) => record.value(columns[role]),
    rawAt: (letter) => record.value(columnIndex(letter)),
    numberFormat: (role) => record.format(columns[role]),
    report: (f) => findings.push(f),
  };
}

/** Error values in the row's table columns, each reported once (CELL_ERROR). */
function cellErrors(record: RowRecord, located: LocatedTable, id: string | null, findings: Finding[]): number[] {
  const rowNumber = record.row;
  const out: number[] = [];
  for (const c of located.tableColumns) {
    const v = record.value(c);
    if (!isCellError(v)) continue;
    out.push(c);
    const where = `${itemName(id, rowNumber, ITEM_NOUN[tableKind(located.columns)])}: cell ${cellAddress(c, rowNumber)} in row ${rowNumber}`;
    findings.push(
      finding(
        'CELL_ERROR',
        { cell: cellAddress(c, rowNumber), row: rowNumber, id },
        `${where} shows the error ${v.error}. Correct the formula or type the value, so the row can be checked.`,
      ),
    );
  }
  return out;
}

/** The reference: the reference column, else one written at the start of the recommendation text (R5). */
function referenceOf(record: RowRecord, columns: Record<Role, number | null>, k: number, vocab: TableVocabulary): string | null {
  if (columns.id === null) return vocab.leadingReferences[k] ?? null;
  const value = record.value(columns.id);
  const text = isCellError(value) ? '' : squash(cellText(value));
  return text === '' ? null : text;
}

/** The due date: the timescale (or the original date where the revised one is empty), moved to the latest revision (S2). */
function readDue(row: RowContext, reference: string, dates: DateReadings): { timescale: Timescale; slip: Slippage } {
  const read = readTimescale(row, reference, dates.byRole);
  const slip = readSlippage(row, read, readOriginal(row, reference, dates.byRole.originalTimescale), reference, dates.byRole.timescale);
  return { timescale: slip.due === read.due ? read : { ...read, due: slip.due }, slip };
}

/** Stages 3-4 for one row: interprets it with the table's vocabulary and runs the row checks. */
function readRecommendation(
  located: LocatedTable,
  k: number,
  vocab: TableVocabulary,
  position: Position,
  limits: Limits,
  findings: Finding[],
): Recommendation {
  const record = located.items[k];
  if (!record) throw new Error(`No item ${k}`);
  const id = referenceOf(record, located.columns, k, vocab);
  const erroredColumns = cellErrors(record, located, id, findings);
  const row = rowContext(record, located.columns, id, erroredColumns, findings);
  const noReference = id === null && row.has('id') && !row.errored('id');
  if (noReference) {
    findings.push(
      finding(
        'ID_MISSING',
        { cell: row.at('id'), row: row.rowNumber, id },
        `Row ${row.rowNumber} has no reference in ${row.at('id')}. Give it one (such as R${k + 1}) so it can be tracked and reported.`,
      ),
    );
  }
  const marker = vocab.markers[k] ?? { statutory: null, subject: '' };
  const flags = { errored: erroredColumns.length > 0, noReference };
  const read = interpretRow(row, vocab, marker, record.section, position, limits, flags);
  for (const role of FIELD_ROLES) {
    if (!row.has(role) || row.errored(role) || row.text(role) !== '') continue;
    // A finished or withdrawn item needs no progress note; nor does an audit in a plan of audits, whose status says where it is.
    if (role === 'progress' && (read.complete || read.excluded || tableKind(located.columns) === 'audits')) continue;
    findings.push(
      finding(
        'FIELD_MISSING',
        { cell: row.at(role), row: row.rowNumber, id },
        `${row.name} has no ${FIELD_WORDS[role]} in ${row.at(role)}. Fill it in so the report is complete.`,
      ),
    );
  }
  return read;
}

/** Days that tune the checks: due soon within, and slipped "repeatedly" beyond. */
interface Limits {
  readonly dueSoonDays: number;
  readonly slipDays: number;
}

/** Stage 3-4: one row read with the table's vocabulary (statutory, priority, dates, status) and checked. */
function interpretRow(
  row: RowContext,
  vocab: TableVocabulary,
  marker: SubjectMarker,
  section: string | null,
  position: Position,
  limits: Limits,
  rowFlags: { readonly errored: boolean; readonly noReference: boolean },
): Recommendation {
  const statutory = checkStatutory(row, marker, vocab.recordsStatutory);
  const priority = readPriority(row.raw('priority'), vocab.priority);
  const { timescale, slip } = readDue(row, position.reference, vocab.dates);
  const completedOn = readCompletionDate(row, position.reference, position.asAtDay, vocab.dates.byRole.completed);
  const status = readStatus(row, vocab.status, timescale, completedOn);
  const topPriority = priority?.rank === 0 ? `${priority.label.toLowerCase()} priority` : null;
  const dates = { asAtDay: position.asAtDay, dueSoonDays: limits.dueSoonDays };
  const due = checkTimescale(row, timescale, status, { statutory, topPriority }, dates);
  const open = !status.complete && !status.excluded;
  checkSlippage(row, slip, open, limits.slipDays);
  const originalDay = slip.originalDue === null ? null : fromIso(slip.originalDue);
  const slipped = open ? slippedFlag(slip) : null;
  const { complete, excluded, unrated } = status;
  const state = itemState({ complete, excluded, unrated, overdue: due.overdue, daysToDue: due.daysToDue, timescale });
  // One literal, in the order the report lists the fields: no spread of a partial record on each row.
  return {
    id: row.id,
    section,
    subject: marker.subject,
    row: row.rowNumber,
    statutory,
    lead: squash(row.text('lead')),
    recommendation: row.text('recommendation'),
    rating: status.level?.key ?? null,
    level: status.level?.label ?? null,
    ratingSource: status.level === null ? null : status.filled ? 'completion words' : 'status',
    state,
    completedOn: completedOn?.day == null ? null : toIso(completedOn.day),
    complete: state === 'Complete',
    excluded: state === 'Not counted',
    priority: priority?.label ?? null,
    percent: status.percent,
    originalDue: slip.originalDue,
    revisions: slip.revisions,
    slippedDays: slip.slippedDays,
    pastOriginal: open && originalDay !== null && originalDay < position.asAtDay,
    timescale,
    overdue: state === 'Overdue',
    daysOverdue: state === 'Overdue' ? due.daysOverdue : 0,
    dueSoon: state === 'Due soon' || state === 'Due today',
    daysToDue: state === 'Due soon' || state === 'Due today' ? due.daysToDue : null,
    checks: [...checksOf(row, status, timescale, rowFlags), ...(slipped ? [slipped] : [])],
  };
}

/** Data problems for the data-check column, apart from the state (which already says "Not rated"). */
function checksOf(
  row: RowContext,
  status: ReturnType<typeof readStatus>,
  timescale: Timescale,
  rowFlags: { readonly errored: boolean; readonly noReference: boolean },
): string[] {
  const checks: string[] = [];
  if (rowFlags.errored) checks.push(CHECK_WORDS.cellError);
  if (status.unclear && status.level === null) checks.push(CHECK_WORDS.unclear);
  if (status.contradicted !== null) checks.push(CHECK_WORDS.conflict);
  if (row.has('timescale') && (timescale.kind === 'missing' || (timescale.kind === 'unparsed' && !row.errored('timescale'))))
    checks.push(CHECK_WORDS.checkTimescale);
  if (rowFlags.noReference) checks.push(CHECK_WORDS.noReference);
  return checks;
}

/** The TABLE_NOT_FOUND finding, naming the row that came closest and how to point at the table. */
function notFound(snapshot: SheetSnapshot): Finding {
  const near = closestHeader(snapshot);
  const closest = near
    ? ` The closest was row ${near.row}, where it recognised ${near.recognised.join(', ')}; a header needs at least three of these, one of them the reference, subject or recommendation.`
    : ' None of the first 50 rows has a header it recognises.';
  return finding(
    'TABLE_NOT_FOUND',
    {},
    `No action-plan table found on "${snapshot.name}".${closest} Check this is the right sheet, or point at the table: in the pane, Settings > header row and columns; on the command line, --header-row N and --columns id=A,recommendation=C,...`,
  );
}

function tableLocation(located: LocatedTable, vocab: TableVocabulary): TableLocation {
  const { header, columns, origin, tableColumns } = located;
  const headerRow = origin.row + header.rowIndex;
  return {
    headerRow,
    firstRow: headerRow + 1,
    lastRow: origin.row + located.lastIndex,
    firstColumn: columnLetter(tableColumns[0] ?? origin.column),
    lastColumn: columnLetter(tableColumns[tableColumns.length - 1] ?? origin.column),
    columns: Object.fromEntries(ROLES.map((r) => [r, letterOrNull(columns[r])])) as Record<Role, string | null>,
    headers: Object.fromEntries(ROLES.map((r) => [r, headerText(header.texts, columns[r])])) as Record<Role, string | null>,
    headerCells: header.headerColumns.map((c) => ({ column: columnLetter(c), text: header.texts.get(c) ?? '' })),
    firstHeaderRow: origin.row + header.firstRowIndex,
    statusTicks: vocab.status.ticks.map((t) => t.letter),
    scale: vocab.status.scale.name,
  };
}

/** The AS_AT_ASSUMED note when no date in the sheet says what the figures are "as at" (T3). */
function assumedAsAt(position: Position): Finding[] {
  if (position.asAtSource !== 'assumed') return [];
  return [
    finding(
      'AS_AT_ASSUMED',
      {},
      `No "as at" date on the sheet, so the figures are as at today, ${formatLong(position.asAtDay)}. To report as at another date, write "Position as at <date>" above the table, or set the as-at date (pane: As at; command: --as-at YYYY-MM-DD).`,
    ),
  ];
}

/** The analysis of a sheet with no table: the TABLE_NOT_FOUND finding and empty figures. */
function noTable(snapshot: SheetSnapshot, base: AnalysisBase): Analysis {
  const scale = builtInScale('extent');
  return {
    ...base,
    table: null,
    blocks: [],
    recommendations: [],
    findings: [notFound(snapshot)],
    stats: computeStatistics([], scale.levels, false),
    scale: scale.levels,
    scaleName: scale.name,
    scaleLabel: scale.label,
    topPriorityWords: [],
  };
}

type AnalysisBase = Pick<Analysis, 'sheet' | 'asAt' | 'asAtSource' | 'asAtPlace' | 'documentDate' | 'titleRows'>;

function baseOf(snapshot: SheetSnapshot, position: Position): AnalysisBase {
  return {
    sheet: snapshot.name,
    asAt: toIso(position.asAtDay),
    asAtSource: position.asAtSource,
    ...(position.asAtPlace ? { asAtPlace: position.asAtPlace } : {}),
    documentDate: position.documentDay === null ? null : toIso(position.documentDay),
    titleRows: position.titleRows,
  };
}

/** Stages 3-5 on a located table: its vocabulary, each item read and checked, the reference checks, the figures. */
function readTable(located: LocatedTable, position: Position, options: AnalyseOptions, base: AnalysisBase, sheet: SheetReadings): Analysis {
  const vocab = tableVocabulary(located, options, sheet);
  const headerRow = located.origin.row + located.header.rowIndex;
  const findings: Finding[] = [
    ...missingColumns(located, headerRow, vocab),
    ...assumedAsAt(position),
    ...readingNotes(located),
    ...vocab.dates.findings,
    ...positionOrder(position, vocab.dates),
  ];
  const limits = { dueSoonDays: options.dueSoonDays ?? 30, slipDays: options.slipDays ?? 180 };
  const read = located.items.map((_, k) => readRecommendation(located, k, vocab, position, limits, findings));
  const kind = tableKind(located.columns);
  const idFindings = checkIds(read, located.columns.id === null ? null : columnLetter(located.columns.id), ITEM_NOUN[kind]);
  findings.push(...idFindings);
  const duplicateRows = new Set(idFindings.filter((f) => f.rule === 'ID_DUPLICATE').map((f) => f.row));
  const recommendations = read.map((r) => (duplicateRows.has(r.row) ? { ...r, checks: [...r.checks, CHECK_WORDS.duplicateReference] } : r));
  const { scale } = vocab.status;
  return {
    ...base,
    table: tableLocation(located, vocab),
    blocks: located.blocks,
    recommendations,
    findings: sortFindings(findings),
    stats: computeStatistics(recommendations, scale.levels, vocab.recordsStatutory, priorityLabels(vocab.priority)),
    scale: scale.levels,
    scaleName: scale.name,
    scaleLabel: scale.label,
    topPriorityWords: vocab.priority?.levels[0]?.words ?? [],
    tableKind: kind,
  };
}

/**
 * Reads a whole worksheet in stages: read the sheet once into row records (blocks, row kinds,
 * sections), find the position date anywhere on it, interpret the items with the table's own
 * vocabulary (scale, priority, statutory, dates), run the row and reference checks, count.
 */
export function analyseSheet(snapshot: SheetSnapshot, options: AnalyseOptions): Analysis {
  const today = validIso('today', options.today);
  if (today === undefined) throw new CoreOptionError('The core needs today\u2019s date.');
  const chosen = validIso('as-at', options.asAt);
  if (options.block !== undefined && !(Number.isInteger(options.block) && options.block >= 1))
    throw new CoreOptionError(`The block "${options.block}" is not a block number (1, 2, ...).`);
  const header: HeaderMatch | null = findHeader(snapshot, options.headerRow);
  if (!header) return noTable(snapshot, baseOf(snapshot, readPosition(linesWithoutTable(snapshot), chosen, today)));
  const { located, invalid } = locateTable(snapshot, header, options.columns, options.block);
  if (invalid.length > 0) throw new CoreOptionError(`These column choices are not column letters: ${invalid.join(', ')}.`);
  const lines = positionLines(located);
  // Every line the position may be read from tells how the sheet writes dates: the title lines, and those under or beside the table.
  const dates = dateReadings(located, options, [...lines.title, ...lines.below, ...lines.beside]);
  const position = readPosition(lines, chosen, today, dates.sheet);
  const key = readKey([...lines.title, ...lines.below].map((l) => l.cells));
  return readTable(located, position, options, baseOf(snapshot, position), { dates, key });
}
