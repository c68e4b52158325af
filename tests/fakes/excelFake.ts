/**
 * A strict in-memory fake of the Excel JavaScript API subset Action Plan Checker uses.
 *
 * Stricter than office-addin-mock on purpose, because it has to prove batching and error handling:
 * - a property read before `load` + `sync` throws `PropertyNotLoaded`;
 * - writes and method calls are queued and applied at `sync`, in order; a failing operation fails the sync
 *   with the real error code, and the operations before it stay applied (Excel batches are not transactions);
 * - every sync and queued operation is counted, and request and response bytes are accounted: over 5 MB fails
 *   with `RequestPayloadSizeLimitExceeded` / `ResponsePayloadSizeLimitExceeded`;
 * - strings written to `values` that start with `=`, `+`, `-` or `@` become formulas, as in Excel, unless
 *   they carry the quote prefix (`'`) or the cell is formatted as text (`@`); other strings are parsed as
 *   typed input in en-US ("007" -> 7, "3/4" -> a date, "TRUE" -> true: typedInput.ts), with the same exceptions;
 * - `*OrNullObject` / `isNullObject`, protection (`AccessDenied`), cell-edit mode
 *   (`InvalidOperationInCellEditMode` unless `delayForCellEdit`), and any error injected on demand.
 */
import type { CellValue } from '../../src/core/types';
import { typedInput } from './typedInput';
import { boxAddress, colLetters, intersects, MAX_COLS, MAX_ROWS, parseBox, qualified, type Box } from './addresses';

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export type FakePlatform = 'web' | 'windows' | 'mac';

/**
 * APIs we call that have no undo support, and where. Microsoft's undo page, "Unsupported APIs"
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities): `Worksheet.delete`
 * on every platform, `Worksheet.position` (set) on Windows and Mac (supported on the web), `NamedItem.comment`
 * (set) on the web (supported on Windows and Mac). Inside `Excel.run({ mergeUndoGroup: true })` such a call fails
 * the batch with `UndoNotSupported` (same page, "Undo grouping"); office-js #6711, #6491, #6255 report it in the
 * field. Outside a group, such a call clears the undo history (same page).
 */
export const UNDO_UNSUPPORTED: Readonly<Record<string, readonly FakePlatform[]>> = {
  'Worksheet.delete': ['web', 'windows', 'mac'],
  'Worksheet.position': ['windows', 'mac'],
  'NamedItem.comment': ['web'],
};

export type Scalar = string | number | boolean;

/** Only the cells that hold a value (null and "" are empty), as scalars: how fakes and files store them; an error as its code. */
export function scalarGrid(values: readonly (readonly CellValue[])[]): Scalar[][] {
  return values.map((r) => r.map((v) => (v === null ? '' : typeof v === 'object' ? v.error : v)));
}

/** Date codes per language, as the web has returned them (office-js #2824: `TT.MM.JJJJ`; French `jj/mm/aaaa`). */
const LOCAL_DATE_CODES: Readonly<Record<'de-DE' | 'fr-FR', Readonly<Record<string, string>>>> = {
  'de-DE': { d: 'T', m: 'M', y: 'J' },
  'fr-FR': { d: 'j', m: 'm', y: 'a' },
};

/** A format as the host returns it in `locale`: date formats (those with d or y) translated, others as stored. */
function localFormat(format: string, locale: 'en-US' | 'de-DE' | 'fr-FR'): string {
  if (locale === 'en-US' || format === 'General' || !/[dy]/i.test(format.replace(/"[^"]*"/g, ''))) return format;
  const codes = LOCAL_DATE_CODES[locale];
  // Quoted text is kept; every d, m and y outside it becomes the language's letter.
  return format.replace(/"[^"]*"|[dmy]/gi, (m) => (m.startsWith('"') ? m : (codes[m.toLowerCase()] ?? m)));
}

/** The error Office.js throws: an OfficeExtension.Error with a code. */
export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  constructor(
    readonly code: string,
    message: string,
    readonly debugInfo: { code: string; message: string } = { code, message },
  ) {
    super(message);
  }
}

export interface CfState {
  id: number;
  box: Box;
  type: string;
  formula: string;
  fill: string | null;
  fontColor: string | null;
  bold: boolean;
  priority: number;
}

export interface ChartState {
  type: string;
  source: string;
  title: string;
  legendVisible: boolean;
  position: string | null;
  /** The cell setPosition's second argument names (the box's far corner), or null. */
  positionEnd: string | null;
  /** Series (columns after the first, the categories) and points per series (rows under the header), from the source. */
  seriesCount: number;
  pointCount: number;
  /** Per point of the first series, the colour setSolidColor gave it, or null. */
  pointFills: (string | null)[];
  hasDataLabels: boolean;
  showValue: boolean;
  /** Where the chart sits, in points from the sheet's top-left (Chart.left/top/width/height, ExcelApi 1.1). */
  geometry?: Geometry;
}

/** A drawing's box in points from the sheet's top-left corner, as Shape and Chart report it. */
export interface Geometry {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A shape or picture on a sheet (Excel.Shape, ExcelApi 1.9: https://learn.microsoft.com/javascript/api/excel/excel.shape). */
export interface ShapeState extends Geometry {
  name: string;
}

export interface SheetState {
  id: string;
  name: string;
  position: number;
  protected: boolean;
  values: Scalar[][];
  formulas: Map<string, string>;
  numberFormats: Map<string, string>;
  formatLog: { address: string; path: string; value: unknown }[];
  conditionalFormats: CfState[];
  charts: ChartState[];
  /** Pictures and shapes (Worksheet.shapes, ExcelApi 1.9). */
  shapes: ShapeState[];
  /** Column widths and row heights set directly (points); others come from the format log or the defaults. */
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  freezeRows: number;
  autoFilter: string | null;
  tables: TableState[];
  /** Merged areas; a merge keeps its value in its top-left cell only. */
  merges: Box[];
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
  pageLayout: PageLayoutState;
}

/** The texts of a header/footer (Excel.HeaderFooter, ExcelApi 1.9). */
export type HeaderFooterTexts = Record<(typeof HEADER_FOOTER_TEXTS)[number], string>;
export const HEADER_FOOTER_TEXTS = ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'] as const;

/** A sheet's page layout (Excel.PageLayout, ExcelApi 1.9): margins in points, as the API gives them. */
export interface PageLayoutState {
  orientation: 'Portrait' | 'Landscape';
  paperSize: string;
  zoom: { scale?: number | null; horizontalFitToPages?: number | null; verticalFitToPages?: number | null };
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  headerFooterState: 'Default' | 'FirstAndDefault' | 'OddAndEven' | 'FirstOddAndEven';
  defaultForAllPages: HeaderFooterTexts;
  /** "$5:$5" when set. */
  printTitleRows: string | null;
  printArea: string | null;
  /** Rows (1-based) with a manual page break above them (Worksheet.horizontalPageBreaks, ExcelApi 1.9). */
  rowBreaks: number[];
}

/** A new sheet's layout: portrait, 100%, Excel's Normal margins (0.7", 0.75", 0.3"), no header or footer. */
export function defaultPageLayout(): PageLayoutState {
  return {
    orientation: 'Portrait',
    paperSize: 'Letter',
    zoom: { scale: 100 },
    margins: { left: 50.4, right: 50.4, top: 54, bottom: 54, header: 21.6, footer: 21.6 },
    headerFooterState: 'Default',
    defaultForAllPages: { leftHeader: '', centerHeader: '', rightHeader: '', leftFooter: '', centerFooter: '', rightFooter: '' },
    printTitleRows: null,
    printArea: null,
    rowBreaks: [],
  };
}

/** An Excel table (ListObject): its whole range, header row first, totals row last when shown. */
export interface TableState {
  id: string;
  name: string;
  box: Box;
  showTotals: boolean;
  /** The table's own AutoFilter (a table always has one; buttons shown by default). */
  filterEnabled: boolean;
}

export interface NameState {
  name: string;
  sheetId: string;
  address: string;
  visible: boolean;
  comment: string;
}

/** A custom XML part of the workbook (ExcelApi 1.5): its id, the namespace of its root element, its XML as stored. */
export interface XmlPartState {
  id: string;
  namespaceUri: string;
  xml: string;
}

export interface FakeStats {
  syncs: number;
  ops: number;
  maxRequestBytes: number;
  /** Largest response of a sync that succeeded. */
  maxResponseBytes: number;
  /** Syncs refused for a response over the limit. */
  payloadFailures: number;
  /** Cells whose number format was read. */
  formatCells: number;
  /** Operations of each sync, in order. */
  opsPerSync: number[];
  runs: number;
}

export interface InjectedFault {
  code: string;
  /** Which sync (1-based, counted over the whole fake) fails; default the next one. */
  atSync?: number;
  /** How many of that sync's operations are applied before it fails (default 0). */
  afterOps?: number;
  message?: string;
}

const key = (r: number, c: number) => `${r},${c}`;

/**
 * A payload's size as Excel's limit counts it: the UTF-8 bytes of its JSON (5 MB per request and response).
 * Counted by hand rather than with TextEncoder, which jsdom (the pane's tests) does not provide.
 */
function bytes(value: unknown): number {
  const json = JSON.stringify(value ?? null);
  let n = json.length;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c >= 0x80) n += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return n;
}

/**
 * Checks a conditional-format formula as Excel's parser would; returns why it is rejected, or null. Jest sets it
 * (tests/fakes/jestSetup.ts) to a real Excel-formula parser (fast-formula-parser through tests/cf/evaluate.ts), so
 * a rule with a syntax slip fails its sync here as it fails in Excel, instead of passing silently. The browser
 * build of the fake leaves it unset.
 */
let formulaChecker: ((formula: string) => string | null) | null = null;

/**
 * Checks a custom XML part's text as Excel does before storing it; returns why it is rejected, or null. Jest sets it
 * (tests/fakes/jestSetup.ts) to a namespace-aware XML parser (saxes), so a part our code escapes badly fails its sync
 * here as `CustomXmlPartCollection.add` / `CustomXmlPart.setXml` fail in Excel. The browser build leaves it unset.
 */
let xmlChecker: ((xml: string) => string | null) | null = null;

/** Installs the custom XML check (see `xmlChecker`). */
export function setXmlChecker(check: ((xml: string) => string | null) | null): void {
  xmlChecker = check;
}

/** The namespace URI of a part's root element (default or prefixed), as `CustomXmlPart.namespaceUri` reports it; '' without one. */
export function rootNamespace(xml: string): string {
  const body = xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, '');
  const root = /<(?:([\w.-]+):)?[\w.-]+(\s[^>]*)?>/.exec(body);
  if (!root) return '';
  const attr = root[1] ? `xmlns:${root[1]}` : 'xmlns';
  const m = new RegExp(`\\s${attr}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(root[0]);
  return m?.[2] ?? m?.[3] ?? '';
}

/** Installs the conditional-format formula check (see `formulaChecker`). */
export function setFormulaChecker(check: ((formula: string) => string | null) | null): void {
  formulaChecker = check;
}

function err(code: string, message: string): FakeOfficeError {
  return new FakeOfficeError(code, message);
}

/** The workbook's state and the knobs tests turn. */
export class FakeWorkbook {
  sheets: SheetState[] = [];
  names: NameState[] = [];
  settings = new Map<string, unknown>();
  /** Custom XML parts, in the order they were added. */
  xmlParts: XmlPartState[] = [];
  workbookProtected = false;
  activeSheetId: string | null = null;
  /** Set to simulate a chart sheet being active: reading the active worksheet fails as Excel does. */
  chartSheetActive = false;
  cellEditMode = false;
  /**
   * Keeps cell-edit mode open under `delayForCellEdit`: Excel then holds the run's requests until the user
   * leaves the cell, for as long as that takes (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit).
   * Clear `cellEditMode` to let them through.
   */
  holdCellEdit = false;
  /** The ExcelApi minor version the host supports (20 = ExcelApi 1.20). */
  apiMinor = 20;
  /**
   * Which Excel the fake plays; undo support differs per platform (see UNDO_UNSUPPORTED). Windows by default:
   * the strictest for what we call.
   */
  platform: FakePlatform = 'windows';
  /**
   * The language number formats come back in. `Range.numberFormat` is en-US by design (office-js #229, #1559),
   * but Excel on the web has returned date formats in the account's language (office-js #2824, #1553:
   * `TT.MM.JJJJ`); 'de-DE' and 'fr-FR' play that, translating the date codes of every format read.
   */
  formatLocale: 'en-US' | 'de-DE' | 'fr-FR' = 'en-US';
  /**
   * The workbook's date system: true for the 1904 system of old Mac workbooks, where serials are 1,462 days
   * smaller. The release API cannot say (Workbook.use1904DateSystem is preview only); DATE() follows it.
   */
  date1904 = false;
  /** Where the workbook lives (Office.context.document.url): "" for a new or local file. */
  documentUrl = '';
  /**
   * Set when an operation cleared the user's undo history: adding a worksheet does on desktop Excel
   * (office-js #6170, https://github.com/OfficeDev/office-js/issues/6170), as does any API without undo
   * support outside a merged group ("the user's undo stack is cleared starting from that API call", undo page).
   */
  undoCleared = false;
  theme: { bodyBackgroundColor: string } = { bodyBackgroundColor: '#FFFFFF' };
  selection: { sheet: string; address: string } | null = null;
  stats: FakeStats = {
    syncs: 0,
    ops: 0,
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    payloadFailures: 0,
    runs: 0,
    formatCells: 0,
    opsPerSync: [],
  };
  lastRunOptions: Record<string, unknown> | null = null;
  faults: InjectedFault[] = [];
  dialogs: string[] = [];
  /** Set to make displayDialogAsync fail with this Office error code (12007: a dialog is already open, ...). */
  dialogError: number | null = null;
  /** Handlers of the open dialogs, by event type. */
  private dialogHandlers: { type: string; handler: (arg: unknown) => void }[] = [];

  /** Office.js dialog handlers register through this. */
  onDialogEvent(type: string, handler: (arg: unknown) => void): void {
    this.dialogHandlers.push({ type, handler });
  }

  /**
   * The user closes the dialog with its X: Office raises DialogEventReceived with error 12006
   * (https://learn.microsoft.com/office/dev/add-ins/develop/dialog-handle-errors-events).
   */
  closeDialog(byUser = true): void {
    const handlers = this.dialogHandlers.filter((h) => h.type === 'dialogEventReceived');
    this.dialogHandlers = [];
    if (byUser) for (const h of handlers) h.handler({ error: 12006 });
  }
  changeHandlers = new Set<(args: unknown) => unknown>();
  private pendingEvents = 0;
  private nextId = 1;
  private nextCf = 1;

  /** Adds a worksheet from sheet-shaped values (row 1 first); `formats` the same shape. */
  addSheet(
    name: string,
    values: Scalar[][] = [],
    options: { formulas?: Record<string, string>; numberFormats?: (string | null)[][]; protected?: boolean } = {},
  ): SheetState {
    const sheet: SheetState = {
      id: `{sheet-${this.nextId++}}`,
      name,
      position: this.sheets.length,
      protected: options.protected ?? false,
      values: values.map((row) => row.map((v) => v ?? '')),
      formulas: new Map(),
      numberFormats: new Map(),
      formatLog: [],
      conditionalFormats: [],
      charts: [],
      shapes: [],
      columnWidths: new Map(),
      rowHeights: new Map(),
      freezeRows: 0,
      autoFilter: null,
      tables: [],
      merges: [],
      hiddenRows: new Set(),
      hiddenColumns: new Set(),
      pageLayout: defaultPageLayout(),
    };
    for (const [address, formula] of Object.entries(options.formulas ?? {})) {
      const b = parseBox(address);
      if (b) sheet.formulas.set(key(b.r0, b.c0), formula);
    }
    options.numberFormats?.forEach((row, r) =>
      row.forEach((f, c) => {
        if (f && f !== 'General') sheet.numberFormats.set(key(r, c), f);
      }),
    );
    this.sheets.push(sheet);
    this.activeSheetId ??= sheet.id;
    return sheet;
  }

  /** Formats `address` on `sheetName` as an Excel table; with `totals`, its last row is the totals row. */
  addTable(sheetName: string, address: string, options: { name?: string; totals?: boolean } = {}): TableState {
    const sheet = this.sheet(sheetName);
    const box = parseBox(address);
    if (!box) throw new Error(address);
    const table: TableState = {
      id: `{table-${this.nextId++}}`,
      name: options.name ?? `Table${this.sheets.reduce((n, s) => n + s.tables.length, 0) + 1}`,
      box,
      showTotals: options.totals ?? false,
      filterEnabled: true,
    };
    sheet.tables.push(table);
    return table;
  }

  /**
   * Fake-only: sorts a table's body rows by one of its columns (0-based within the table), as Excel's Sort on a
   * table does: every column of the table moves with its row, the header and totals rows stay, and cells outside
   * the table do not move ("Sort data in a table": https://support.microsoft.com/office/sort-data-in-a-table-77b781bf-5074-41b0-897a-dc37d4515f27;
   * the API's equivalent is `Table.sort.apply`, https://learn.microsoft.com/javascript/api/excel/excel.tablesort).
   * Values, formulas and number formats move with their cells; blanks sort last, as in Excel.
   */
  sortTable(sheetName: string, tableName: string, column: number, options: { descending?: boolean } = {}): void {
    const sheet = this.sheet(sheetName);
    const t = sheet.tables.find((x) => x.name === tableName);
    if (!t) throw new Error(`no table ${tableName}`);
    const first = t.box.r0 + 1;
    const last = t.showTotals ? t.box.r1 - 1 : t.box.r1;
    const rows = Array.from({ length: last - first + 1 }, (_, i) => first + i);
    const cells = (r: number) =>
      Array.from({ length: t.box.c1 - t.box.c0 + 1 }, (_, j) => {
        const k = key(r, t.box.c0 + j);
        return { value: getCell(sheet, r, t.box.c0 + j), formula: sheet.formulas.get(k), format: sheet.numberFormats.get(k) };
      });
    const before = rows.map((r) => ({ sortKey: getCell(sheet, r, t.box.c0 + column), cells: cells(r) }));
    const blank = (v: Scalar) => v === '';
    const sorted = [...before].sort((a, b) => {
      if (blank(a.sortKey) || blank(b.sortKey)) return Number(blank(a.sortKey)) - Number(blank(b.sortKey));
      // Excel sorts numbers before text; text without regard to case.
      const order =
        typeof a.sortKey === 'number' && typeof b.sortKey === 'number'
          ? a.sortKey - b.sortKey
          : typeof a.sortKey === 'number'
            ? -1
            : typeof b.sortKey === 'number'
              ? 1
              : String(a.sortKey).localeCompare(String(b.sortKey), 'en', { sensitivity: 'base', numeric: true });
      return options.descending ? -order : order;
    });
    sorted.forEach((row, i) => {
      const r = first + i;
      row.cells.forEach((cell, j) => {
        const k = key(r, t.box.c0 + j);
        setCell(sheet, r, t.box.c0 + j, cell.value);
        if (cell.formula === undefined) sheet.formulas.delete(k);
        else sheet.formulas.set(k, cell.formula);
        if (cell.format === undefined) sheet.numberFormats.delete(k);
        else sheet.numberFormats.set(k, cell.format);
      });
    });
  }

  /** Merges `address` as Excel does: the top-left value is kept, the other cells are emptied. */
  merge(sheetName: string, address: string): void {
    const sheet = this.sheet(sheetName);
    const b = parseBox(address);
    if (!b) throw new Error(address);
    for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) if (r !== b.r0 || c !== b.c0) setCell(sheet, r, c, '');
    sheet.merges.push(b);
  }

  sheet(name: string): SheetState {
    const s = this.findSheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  findSheet(nameOrId: string): SheetState | undefined {
    const lower = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.id === nameOrId || s.name.toLowerCase() === lower);
  }

  activate(name: string): void {
    this.activeSheetId = this.sheet(name).id;
  }

  /** Fails a coming sync with `code` (see InjectedFault). */
  inject(fault: InjectedFault): void {
    this.faults.push(fault);
  }

  /** Simulates the user clicking a cell: its sheet becomes active and the cell selected. */
  userSelect(sheetName: string, address: string): void {
    this.activate(sheetName);
    this.selection = { sheet: this.sheet(sheetName).name, address };
  }

  /** Simulates the user typing in a sheet: the value changes and change handlers fire. */
  async userEdit(sheetName: string, address: string, value: Scalar): Promise<void> {
    const sheet = this.sheet(sheetName);
    const b = parseBox(address);
    if (!b) throw new Error(address);
    setCell(sheet, b.r0, b.c0, value);
    for (const h of this.changeHandlers) await h(this.changeEvent(sheet.id, address, 'Others'));
  }

  /**
   * A WorksheetChangedEventArgs. `triggerSource` (ExcelApi 1.14) says who changed the cells: "ThisLocalAddin"
   * for this add-in's own writes, "Others" for anyone else
   * (https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs#excel-excel-worksheetchangedeventargs-triggersource-member);
   * hosts before 1.14 leave it out. Excel raises onChanged for an add-in's writes as well as the user's.
   */
  changeEvent(worksheetId: string, address: string, trigger: 'ThisLocalAddin' | 'Others'): Record<string, unknown> {
    const base = { type: 'WorksheetChanged', worksheetId, address, changeType: 'RangeEdited', source: 'Local' };
    return this.apiMinor >= 14 ? { ...base, triggerSource: trigger } : base;
  }

  /** Delivers change events for our own writes a moment after the sync that made them, as Excel does. */
  announceOwnChanges(changes: readonly { sheetId: string; address: string }[]): void {
    if (changes.length === 0 || this.changeHandlers.size === 0) return;
    this.pendingEvents++;
    setTimeout(() => {
      void (async () => {
        for (const c of changes) for (const h of this.changeHandlers) await h(this.changeEvent(c.sheetId, c.address, 'ThisLocalAddin'));
        this.pendingEvents--;
      })();
    }, 0);
  }

  /** Resolves once every change event already raised has been delivered. */
  async settleEvents(): Promise<void> {
    while (this.pendingEvents > 0) await new Promise((resolve) => setTimeout(resolve, 1));
  }

  /** Every cell's value and formula, for "nothing of the user's changed" comparisons. */
  cellsOf(name: string): Map<string, { value: Scalar; formula: string | null }> {
    const sheet = this.sheet(name);
    const out = new Map<string, { value: Scalar; formula: string | null }>();
    sheet.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const formula = sheet.formulas.get(key(r, c)) ?? null;
        if (v !== '' || formula !== null) out.set(`${colLetters(c)}${r + 1}`, { value: v, formula });
      }),
    );
    for (const [k, formula] of sheet.formulas) {
      const [r, c] = k.split(',').map(Number) as [number, number];
      out.set(`${colLetters(c)}${r + 1}`, { value: sheet.values[r]?.[c] ?? '', formula });
    }
    return out;
  }

  newCfId(): number {
    return this.nextCf++;
  }

  newSheetId(): string {
    return `{sheet-${this.nextId++}}`;
  }

  /** Adds a custom XML part as another add-in or an older workbook would have left it; returns it. */
  addXmlPart(xml: string): XmlPartState {
    const part = { id: this.newXmlPartId(), namespaceUri: rootNamespace(xml), xml };
    this.xmlParts.push(part);
    return part;
  }

  newXmlPartId(): string {
    // Excel gives parts GUID-like ids in braces.
    return `{xml-part-${this.nextId++}}`;
  }
}

function getCell(sheet: SheetState, r: number, c: number): Scalar {
  return sheet.values[r]?.[c] ?? '';
}

function setCell(sheet: SheetState, r: number, c: number, value: Scalar): void {
  while (sheet.values.length <= r) sheet.values.push([]);
  const row = sheet.values[r] ?? [];
  while (row.length <= c) row.push('');
  row[c] = value;
  sheet.values[r] = row;
}

/**
 * A non-empty value for a merged area's hidden cells (any but the top-left) is refused: Excel keeps a merge's
 * value in its top-left cell only, and reports `MergedRangeConflict` ("Excel.ErrorCodes",
 * https://learn.microsoft.com/javascript/api/excel/excel.errorcodes; error list in
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 */
function checkMerge(sheet: SheetState, r: number, c: number, value: unknown): void {
  if (value === '' || value === null || value === undefined) return;
  const m = sheet.merges.find((b) => r >= b.r0 && r <= b.r1 && c >= b.c0 && c <= b.c1);
  if (m && (r !== m.r0 || c !== m.c0)) throw err('MergedRangeConflict', 'Cannot change part of a merged cell.');
}

/** Writes one value the way Excel's Range.values does. */
function writeValue(sheet: SheetState, r: number, c: number, value: unknown): void {
  checkMerge(sheet, r, c, value);
  const k = key(r, c);
  sheet.formulas.delete(k);
  if (typeof value === 'string') {
    const textFormat = sheet.numberFormats.get(k) === '@';
    if (value.startsWith("'")) {
      setCell(sheet, r, c, value.slice(1));
    } else if (!textFormat && value.length > 1 && /^[=+\-@]/.test(value)) {
      sheet.formulas.set(k, value.startsWith('=') ? value : `=${value}`);
      setCell(sheet, r, c, '#NAME?');
    } else if (textFormat) setCell(sheet, r, c, value);
    else {
      // Parsed as typed input, en-US (see typedInput.ts); a date or a percentage also sets the cell's format.
      const typed = typedInput(value);
      setCell(sheet, r, c, typed.value);
      const format = sheet.numberFormats.get(k);
      if (typed.numberFormat && (format === undefined || format === 'General')) sheet.numberFormats.set(k, typed.numberFormat);
    }
  } else if (typeof value === 'number' || typeof value === 'boolean') setCell(sheet, r, c, value);
  else if (value === null || value === undefined) setCell(sheet, r, c, '');
  else throw err('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
}

function usedBox(sheet: SheetState): Box | null {
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  sheet.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === '' && !sheet.formulas.has(key(r, c))) return;
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    }),
  );
  for (const k of sheet.formulas.keys()) {
    const [r, c] = k.split(',').map(Number) as [number, number];
    r0 = Math.min(r0, r);
    c0 = Math.min(c0, c);
    r1 = Math.max(r1, r);
    c1 = Math.max(c1, c);
  }
  return r1 < 0 ? null : { r0, c0, r1, c1 };
}

// ---------------------------------------------------------------------------------------------
// Requests: proxies queue operations on their context; sync applies them in order.

type Op = { apply: () => void; requestBytes: number; api?: string };

/** One Excel.run's request context. */
export class FakeContext {
  private queue: Op[] = [];
  readonly workbook: FakeWorkbookProxy;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };

  constructor(
    readonly fake: FakeWorkbook,
    readonly options: Record<string, unknown>,
  ) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  enqueue(apply: () => void, requestBytes = 16, api?: string): void {
    this.queue.push(api === undefined ? { apply, requestBytes } : { apply, requestBytes, api });
  }

  /** The first queued call that has no undo support on this platform, if any. */
  private notUndoable(ops: readonly Op[]): string | undefined {
    const platform = this.fake.platform;
    return ops.find((o) => o.api !== undefined && (UNDO_UNSUPPORTED[o.api] ?? []).includes(platform))?.api;
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const fake = this.fake;
    const ops = this.queue;
    this.queue = [];
    fake.stats.syncs++;
    fake.stats.ops += ops.length;
    fake.stats.opsPerSync.push(ops.length);
    const request = ops.reduce((n, o) => n + o.requestBytes, 0);
    fake.stats.maxRequestBytes = Math.max(fake.stats.maxRequestBytes, request);
    await Promise.resolve();
    while (fake.cellEditMode && this.options.delayForCellEdit && fake.holdCellEdit) await new Promise((resolve) => setTimeout(resolve, 5));
    if (fake.cellEditMode && !this.options.delayForCellEdit) {
      throw err('InvalidOperationInCellEditMode', 'The operation is not available while Excel is in cell-edit mode.');
    }
    const faultIndex = fake.faults.findIndex((f) => (f.atSync ?? fake.stats.syncs) === fake.stats.syncs);
    const fault = faultIndex >= 0 ? fake.faults.splice(faultIndex, 1)[0] : undefined;
    if (request > PAYLOAD_LIMIT) throw err('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    const blocked = this.notUndoable(ops);
    if (blocked && this.options.mergeUndoGroup) {
      // The whole batch is refused: nothing of it is applied (see UNDO_UNSUPPORTED).
      throw err('UndoNotSupported', `${blocked} does not support undo, so it cannot be part of a merged undo group.`);
    }
    if (blocked) fake.undoCleared = true;
    responseBytes = 0;
    changedRanges = [];
    try {
      ops.forEach((op, i) => {
        if (fault && i === (fault.afterOps ?? 0)) throw err(fault.code, fault.message ?? `Injected ${fault.code}`);
        op.apply();
      });
      if (fault) throw err(fault.code, fault.message ?? `Injected ${fault.code}`);
    } finally {
      fake.announceOwnChanges(changedRanges);
    }
    if (responseBytes > PAYLOAD_LIMIT) {
      fake.stats.payloadFailures++;
      pendingLoads.forEach((commit) => commit.abort());
      pendingLoads = [];
      throw err('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    }
    fake.stats.maxResponseBytes = Math.max(fake.stats.maxResponseBytes, responseBytes);
    pendingLoads.forEach((commit) => commit.commit());
    pendingLoads = [];
  }
}

// Loaded values become readable only when the whole sync succeeds.
let responseBytes = 0;
/** Ranges whose values the running sync changed (for change events). */
let changedRanges: { sheetId: string; address: string }[] = [];
let pendingLoads: { commit: () => void; abort: () => void }[] = [];

/** Base of every proxy: loading, strict reads, queued writes. */
class Proxy {
  protected loaded = new Map<string, unknown>();
  /** Set when a sync has resolved this object (for isNullObject). */
  protected resolved = false;
  protected nullObject = false;

  constructor(readonly context: FakeContext) {}

  /** Reads a loaded property or throws PropertyNotLoaded, as Office.js does. */
  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw err(
        'PropertyNotLoaded',
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(prop) as T;
  }

  /** Queues a read of props; `get` computes each at sync time. */
  protected queueLoad(props: readonly string[], get: (prop: string) => unknown): void {
    this.context.enqueue(() => {
      if (this.nullObject) return;
      const values = new Map<string, unknown>();
      for (const p of props) {
        const v = get(p);
        responseBytes += bytes(v);
        values.set(p, v);
      }
      pendingLoads.push({
        commit: () => values.forEach((v, p) => this.loaded.set(p, v)),
        abort: () => undefined,
      });
    });
  }

  get isNullObject(): boolean {
    if (!this.resolved) throw err('PropertyNotLoaded', "The property 'isNullObject' is not available until the object has been synced.");
    return this.nullObject;
  }

  /** Marks a prop loaded when the running sync succeeds (collection loads fill items this way). */
  protected loadOnCommit(values: Map<string, unknown>): void {
    pendingLoads.push({ commit: () => values.forEach((v, p) => this.loaded.set(p, v)), abort: () => undefined });
  }

  protected markResolved(isNull: boolean): void {
    this.resolved = true;
    this.nullObject = isNull;
  }

  toJSON(): unknown {
    return Object.fromEntries(this.loaded);
  }
}

function props(spec: string | string[] | undefined): string[] {
  const list = Array.isArray(spec) ? spec : (spec ?? '').split(',');
  return list.map((s) => s.trim()).filter((s) => s !== '');
}

class FakeWorkbookProxy {
  readonly worksheets: WorksheetsProxy;
  readonly settings: SettingsProxy;
  readonly names: NamesProxy;
  readonly protection: WorkbookProtectionProxy;
  readonly customXmlParts: CustomXmlPartsProxy;
  readonly functions: FunctionsProxy;
  constructor(readonly context: FakeContext) {
    this.functions = new FunctionsProxy(context);
    this.worksheets = new WorksheetsProxy(context);
    this.settings = new SettingsProxy(context);
    this.names = new NamesProxy(context);
    this.protection = new WorkbookProtectionProxy(context);
    this.customXmlParts = new CustomXmlPartsProxy(context);
  }

  /**
   * The active cell (ExcelApi 1.7, https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-getactivecell-member):
   * the top-left cell of the selection on the active sheet; resolved at sync like any range. With a chart sheet
   * active there is no active cell: the sync fails (ItemNotFound here; Excel's code varies, the adapter treats any
   * failure as "no selection"). `selection` is the fake's record of the user's (or select()'s) selection; without
   * one, A1 of the active sheet is active, as in a freshly opened workbook.
   */
  getActiveCell(): RangeProxy {
    const context = this.context;
    const ws = new WorksheetProxy(context);
    context.enqueue(() => {
      const fake = context.fake;
      if (fake.chartSheetActive) throw err('ItemNotFound', 'The requested resource does not exist.');
      const sheet = fake.sheets.find((s) => s.id === fake.activeSheetId);
      if (!sheet) throw err('ItemNotFound', 'The requested resource does not exist.');
      ws.bind(sheet);
    });
    return new RangeProxy(context, ws, () => {
      const fake = context.fake;
      const active = fake.sheets.find((s) => s.id === fake.activeSheetId);
      const selected = fake.selection && active && fake.selection.sheet === active.name ? parseBox(fake.selection.address) : null;
      return selected ? { r0: selected.r0, c0: selected.c0, r1: selected.r0, c1: selected.c0 } : { r0: 0, c0: 0, r1: 0, c1: 0 };
    });
  }
}

/**
 * Excel.Functions (ExcelApi 1.2): worksheet functions evaluated in the workbook, so DATE follows its date system
 * (https://learn.microsoft.com/javascript/api/excel/excel.functions#excel-excel-functions-date-member(1)): in a
 * 1904 workbook DATE(1904,1,1) is 0, in a 1900 one 1462. Only `date` is played.
 */
class FunctionsProxy {
  constructor(readonly context: FakeContext) {}
  date(year: number, month: number, day: number): FunctionResultProxy {
    const result = new FunctionResultProxy(this.context);
    result.compute = () => {
      const serial1900 = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
      return this.context.fake.date1904 ? serial1900 - 1462 : serial1900;
    };
    return result;
  }
}

class FunctionResultProxy extends Proxy {
  compute: () => number = () => 0;
  load(spec?: string | string[]): this {
    this.queueLoad(props(spec), (p) => (p === 'value' ? this.compute() : p === 'error' ? null : undefined));
    return this;
  }
  get value(): number {
    return this.read('value');
  }
}

class WorkbookProtectionProxy extends Proxy {
  load(spec?: string | string[]): this {
    this.queueLoad(props(spec), () => this.context.fake.workbookProtected);
    return this;
  }
  get protected(): boolean {
    return this.read('protected');
  }
}

class WorksheetsProxy extends Proxy {
  private itemsList: WorksheetProxy[] | null = null;
  readonly onChanged = {
    add: (handler: (args: unknown) => unknown) => {
      const fake = this.context.fake;
      this.context.enqueue(() => fake.changeHandlers.add(handler));
      return {
        context: this.context,
        remove: () => this.context.enqueue(() => fake.changeHandlers.delete(handler)),
      };
    },
  };

  getActiveWorksheet(): WorksheetProxy {
    const ws = new WorksheetProxy(this.context);
    this.context.enqueue(() => {
      const fake = this.context.fake;
      if (fake.chartSheetActive) throw err('ItemNotFound', 'The requested resource does not exist.');
      const sheet = fake.sheets.find((s) => s.id === fake.activeSheetId);
      if (!sheet) throw err('ItemNotFound', 'The requested resource does not exist.');
      ws.bind(sheet);
    });
    return ws;
  }

  getItem(nameOrId: string): WorksheetProxy {
    const ws = new WorksheetProxy(this.context);
    this.context.enqueue(() => {
      const sheet = this.context.fake.findSheet(nameOrId);
      if (!sheet) throw err('ItemNotFound', `The requested resource does not exist. (${nameOrId})`);
      ws.bind(sheet);
    });
    return ws;
  }

  getItemOrNullObject(nameOrId: string): WorksheetProxy {
    const ws = new WorksheetProxy(this.context);
    this.context.enqueue(() => {
      const sheet = this.context.fake.findSheet(nameOrId);
      if (sheet) ws.bind(sheet);
      else ws.bindNull();
    });
    return ws;
  }

  add(name: string): WorksheetProxy {
    const ws = new WorksheetProxy(this.context);
    this.context.enqueue(() => {
      const fake = this.context.fake;
      if (fake.workbookProtected) throw err('AccessDenied', 'The workbook is protected.');
      if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name)) throw err('InvalidArgument', `Invalid sheet name ${name}`);
      if (fake.findSheet(name)) throw err('ItemAlreadyExists', `A sheet named ${name} already exists.`);
      const sheet = fake.addSheet(name);
      sheet.id = fake.newSheetId();
      ws.bind(sheet);
      // Desktop Excel clears the undo stack when an add-in adds a sheet (office-js #6170).
      if (fake.platform !== 'web') fake.undoCleared = true;
    }, bytes(name));
    return ws;
  }

  load(spec?: string | string[]): this {
    const wanted = props(spec).map((p) => p.replace(/^items\//, ''));
    this.context.enqueue(() => {
      const list = this.context.fake.sheets.map((s) => {
        const ws = new WorksheetProxy(this.context);
        ws.bind(s);
        ws.preload(wanted);
        return ws;
      });
      responseBytes += bytes(list.map((w) => w.toJSON()));
      pendingLoads.push({ commit: () => (this.itemsList = list), abort: () => undefined });
    });
    return this;
  }

  get items(): WorksheetProxy[] {
    if (!this.itemsList) throw err('PropertyNotLoaded', "The property 'items' is not available.");
    return this.itemsList;
  }
}

class WorksheetProxy extends Proxy {
  state: SheetState | null = null;
  readonly protection: SheetProtectionProxy;
  readonly freezePanes: { freezeRows: (n: number) => void };
  /**
   * Worksheet.horizontalPageBreaks (PageBreakCollection, ExcelApi 1.9): `add` puts a manual break above the top-left
   * cell of a range (here an address only), `removePageBreaks` resets every manual one; applied at sync.
   */
  readonly horizontalPageBreaks: { add: (range: string) => void; removePageBreaks: () => void };
  readonly autoFilter: AutoFilterProxy;
  readonly charts: ChartsProxy;
  readonly shapes: ShapesProxy;
  readonly tables: TablesProxy;
  readonly pageLayout: PageLayoutProxy;

  constructor(context: FakeContext) {
    super(context);
    this.protection = new SheetProtectionProxy(context, this);
    this.pageLayout = new PageLayoutProxy(context, this);
    this.freezePanes = {
      freezeRows: (n: number) =>
        this.context.enqueue(() => {
          this.target().freezeRows = n;
        }),
    };
    this.horizontalPageBreaks = {
      add: (address: string) =>
        this.context.enqueue(() => {
          const row = /^\$?[A-Z]+\$?(\d+)/.exec(address.replace(/^.*!/, ''))?.[1];
          if (!row) throw err('InvalidArgument', `Invalid page break range ${address}`);
          const breaks = this.target().pageLayout.rowBreaks;
          if (!breaks.includes(Number(row))) breaks.push(Number(row));
        }),
      removePageBreaks: () =>
        this.context.enqueue(() => {
          this.target().pageLayout.rowBreaks = [];
        }),
    };
    this.autoFilter = new AutoFilterProxy(context, this);
    this.charts = new ChartsProxy(context, this);
    this.shapes = new ShapesProxy(context, this);
    this.tables = new TablesProxy(context, this, () => this.target().tables);
  }

  bind(state: SheetState): void {
    this.state = state;
    this.markResolved(false);
  }

  bindNull(): void {
    this.markResolved(true);
  }

  target(): SheetState {
    if (!this.state) throw err('ItemNotFound', 'The requested resource does not exist.');
    if (!this.context.fake.sheets.includes(this.state)) throw err('ItemNotFound', 'The worksheet was deleted.');
    return this.state;
  }

  /** For collection loads: fill props now (the caller is already inside a sync). */
  preload(wanted: string[]): void {
    const s = this.target();
    this.loadOnCommit(new Map<string, unknown>(wanted.map((p) => [p, this.prop(s, p)])));
  }

  private prop(s: SheetState, p: string): unknown {
    switch (p) {
      case 'name':
        return s.name;
      case 'id':
        return s.id;
      case 'position':
        return s.position;
      case 'visibility':
        return 'Visible';
      default:
        throw err('InvalidArgument', `Unknown worksheet property ${p}`);
    }
  }

  load(spec?: string | string[]): this {
    this.queueLoad(props(spec), (p) => this.prop(this.target(), p));
    return this;
  }

  get name(): string {
    return this.read('name');
  }
  get id(): string {
    return this.read('id');
  }
  get position(): number {
    return this.read('position');
  }
  set position(value: number) {
    this.context.enqueue(
      () => {
        const fake = this.context.fake;
        const s = this.target();
        const others = fake.sheets.filter((x) => x !== s).sort((a, b) => a.position - b.position);
        others.splice(Math.min(value, others.length), 0, s);
        others.forEach((x, i) => (x.position = i));
      },
      16,
      'Worksheet.position',
    );
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, this, () => {
      if (address === undefined) return { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 };
      const b = parseBox(address);
      if (!b) throw err('InvalidArgument', `Invalid address ${address}`);
      return b;
    });
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    return new RangeProxy(this.context, this, () => {
      if (rows < 1 || cols < 1 || row < 0 || col < 0 || row + rows > MAX_ROWS || col + cols > MAX_COLS)
        throw err('InvalidArgument', 'Invalid range indexes');
      return { r0: row, c0: col, r1: row + rows - 1, c1: col + cols - 1 };
    });
  }

  getUsedRangeOrNullObject(_valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.context, this, () => usedBox(this.target()), true);
  }

  activate(): void {
    this.context.enqueue(() => {
      this.context.fake.activeSheetId = this.target().id;
    });
  }

  delete(): void {
    this.context.enqueue(
      () => {
        const fake = this.context.fake;
        const s = this.target();
        if (fake.workbookProtected) throw err('AccessDenied', 'The workbook is protected.');
        fake.sheets = fake.sheets.filter((x) => x !== s);
        fake.sheets.sort((a, b) => a.position - b.position).forEach((x, i) => (x.position = i));
        if (fake.activeSheetId === s.id) fake.activeSheetId = fake.sheets[0]?.id ?? null;
      },
      16,
      'Worksheet.delete',
    );
  }
}

/**
 * Worksheet.pageLayout (ExcelApi 1.9), https://learn.microsoft.com/javascript/api/excel/excel.pagelayout: every
 * property strict (read only after load + sync), writes applied at sync. The zoom comes back as a frozen copy:
 * Microsoft says to set it whole ("use x.zoom = {...} instead of x.zoom.scale = ..."), and a property write on the
 * copy would be lost in real Excel, so here it throws. `setPrintTitleRows` takes whole rows only ("The range must
 * span the entire row to be valid").
 */
class PageLayoutProxy extends Proxy {
  readonly headersFooters: HeaderFooterGroupProxy;
  private static readonly PROPS = [
    'orientation',
    'paperSize',
    'zoom',
    'leftMargin',
    'rightMargin',
    'topMargin',
    'bottomMargin',
    'headerMargin',
    'footerMargin',
  ];

  constructor(
    context: FakeContext,
    readonly sheet: WorksheetProxy,
  ) {
    super(context);
    this.headersFooters = new HeaderFooterGroupProxy(context, () => this.state());
  }

  state(): PageLayoutState {
    return this.sheet.target().pageLayout;
  }

  private prop(p: string): unknown {
    const s = this.state();
    switch (p) {
      case 'orientation':
        return s.orientation;
      case 'paperSize':
        return s.paperSize;
      case 'zoom':
        return Object.freeze({ ...s.zoom });
      case 'leftMargin':
      case 'rightMargin':
      case 'topMargin':
      case 'bottomMargin':
      case 'headerMargin':
      case 'footerMargin':
        return s.margins[p.replace('Margin', '') as keyof PageLayoutState['margins']];
      default:
        throw err('InvalidArgument', `Unknown page layout property ${p}`);
    }
  }

  load(spec?: string | string[]): this {
    const list = props(spec);
    for (const p of list) if (!PageLayoutProxy.PROPS.includes(p)) throw err('InvalidArgument', `Unknown page layout property ${p}`);
    this.queueLoad(list, (p) => this.prop(p));
    return this;
  }

  get orientation(): string {
    return this.read('orientation');
  }
  set orientation(v: string) {
    this.context.enqueue(() => {
      if (v !== 'Portrait' && v !== 'Landscape') throw err('InvalidArgument', `Invalid orientation ${v}`);
      this.state().orientation = v;
    });
  }
  get paperSize(): string {
    return this.read('paperSize');
  }
  set paperSize(v: string) {
    this.context.enqueue(() => {
      this.state().paperSize = v;
    });
  }
  get zoom(): PageLayoutState['zoom'] {
    return this.read('zoom');
  }
  // PageLayoutZoomOptions: scale 10-400, or pages wide/tall (null when the other is used).
  set zoom(v: PageLayoutState['zoom']) {
    const copy = { ...v };
    this.context.enqueue(() => {
      const { scale, horizontalFitToPages: wide, verticalFitToPages: tall } = copy;
      if (scale != null && (scale < 10 || scale > 400)) throw err('InvalidArgument', 'The zoom scale must be between 10 and 400.');
      for (const n of [wide, tall])
        if (n != null && (!Number.isInteger(n) || n < 0)) throw err('InvalidArgument', 'Invalid fit-to-pages value.');
      this.state().zoom = scale != null ? { scale } : { horizontalFitToPages: wide ?? null, verticalFitToPages: tall ?? null };
    });
  }
  get leftMargin(): number {
    return this.read('leftMargin');
  }
  get rightMargin(): number {
    return this.read('rightMargin');
  }
  get topMargin(): number {
    return this.read('topMargin');
  }
  get bottomMargin(): number {
    return this.read('bottomMargin');
  }
  get headerMargin(): number {
    return this.read('headerMargin');
  }
  get footerMargin(): number {
    return this.read('footerMargin');
  }

  /** setPrintMargins(unit, options): margins not given stay as they are. */
  setPrintMargins(unit: string, options: Partial<PageLayoutState['margins']>): void {
    const copy = { ...options };
    this.context.enqueue(() => {
      const factor = unit === 'Points' ? 1 : unit === 'Inches' ? 72 : unit === 'Centimeters' ? 72 / 2.54 : null;
      if (factor === null) throw err('InvalidArgument', `Invalid margin unit ${unit}`);
      const m = this.state().margins;
      for (const [k, v] of Object.entries(copy)) if (typeof v === 'number') m[k as keyof typeof m] = v * factor;
    });
  }

  setPrintTitleRows(rows: string): void {
    this.context.enqueue(() => {
      if (!/^\$?\d+:\$?\d+$/.test(rows)) throw err('InvalidArgument', 'The print title rows must span entire rows.');
      this.state().printTitleRows = rows;
    });
  }

  setPrintArea(area: string): void {
    this.context.enqueue(() => {
      if (!parseBox(area)) throw err('InvalidArgument', `Invalid print area ${area}`);
      this.state().printArea = area;
    });
  }

  getPrintTitleRowsOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.context,
      this.sheet,
      () => {
        const rows = this.state().printTitleRows;
        return rows ? parseBox(rows) : null;
      },
      true,
    );
  }

  getPrintAreaOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.context,
      this.sheet,
      () => {
        const area = this.state().printArea;
        return area ? parseBox(area) : null;
      },
      true,
    );
  }
}

/** PageLayout.headersFooters (Excel.HeaderFooterGroup, ExcelApi 1.9): its state and the default texts. */
class HeaderFooterGroupProxy extends Proxy {
  readonly defaultForAllPages: HeaderFooterProxy;
  constructor(
    context: FakeContext,
    readonly layout: () => PageLayoutState,
  ) {
    super(context);
    this.defaultForAllPages = new HeaderFooterProxy(context, () => this.layout().defaultForAllPages);
  }
  load(spec?: string | string[]): this {
    const list = props(spec);
    for (const p of list) if (p !== 'state') throw err('InvalidArgument', `Unknown header/footer group property ${p}`);
    this.queueLoad(list, () => this.layout().headerFooterState);
    return this;
  }
  get state(): string {
    return this.read('state');
  }
}

/**
 * Excel.HeaderFooter (ExcelApi 1.9): six texts in Excel's header/footer codes (&P page, &N pages),
 * https://learn.microsoft.com/javascript/api/excel/excel.headerfooter.
 */
class HeaderFooterProxy extends Proxy {
  constructor(
    context: FakeContext,
    readonly texts: () => HeaderFooterTexts,
  ) {
    super(context);
    for (const name of HEADER_FOOTER_TEXTS)
      Object.defineProperty(this, name, {
        get: () => this.read(name),
        set: (v: string) => {
          this.context.enqueue(() => {
            this.texts()[name] = v;
          }, bytes(v));
        },
      });
  }
  load(spec?: string | string[]): this {
    const list = props(spec);
    for (const p of list)
      if (!(HEADER_FOOTER_TEXTS as readonly string[]).includes(p)) throw err('InvalidArgument', `Unknown header/footer property ${p}`);
    this.queueLoad(list, (p) => this.texts()[p as (typeof HEADER_FOOTER_TEXTS)[number]]);
    return this;
  }
}

class SheetProtectionProxy extends Proxy {
  constructor(
    context: FakeContext,
    readonly sheet: WorksheetProxy,
  ) {
    super(context);
  }
  load(spec?: string | string[]): this {
    this.queueLoad(props(spec), () => this.sheet.target().protected);
    return this;
  }
  get protected(): boolean {
    return this.read('protected');
  }
}

/**
 * Excel extends a table over data written right beside it: the column immediately right (header named
 * "ColumnN" when the write leaves it empty) or the row immediately below when there is no totals row
 * (AutoCorrect's "Include new rows and columns in table", on by default; Microsoft's co-authoring page:
 * "set values in the range directly below the table. Excel automatically expands the table",
 * https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins). Blank writes do not.
 */
function expandTables(sheet: SheetState, written: Box, input: unknown): void {
  const filled =
    Array.isArray(input) && input.some((row) => Array.isArray(row) && row.some((v) => v !== '' && v !== null && v !== undefined));
  if (!filled) return;
  for (const t of sheet.tables) {
    const right = t.box.c1 + 1;
    const besideRight = written.c0 <= right && written.c1 >= right && written.r1 >= t.box.r0 && written.r0 <= t.box.r1;
    if (besideRight && !sheet.tables.some((o) => o !== t && intersects(o.box, { ...t.box, c0: right, c1: right }))) {
      t.box = { ...t.box, c1: right };
      if (getCell(sheet, t.box.r0, right) === '') setCell(sheet, t.box.r0, right, `Column${right - t.box.c0 + 1}`);
    }
    const below = t.box.r1 + 1;
    const besideBelow = !t.showTotals && written.r0 <= below && written.r1 >= below && written.c1 >= t.box.c0 && written.c0 <= t.box.c1;
    if (besideBelow) t.box = { ...t.box, r1: below };
  }
}

class TablesProxy extends Proxy {
  private itemsList: TableProxy[] | null = null;
  constructor(
    context: FakeContext,
    readonly sheet: WorksheetProxy,
    private readonly list: () => TableState[],
  ) {
    super(context);
  }
  load(spec?: string | string[]): this {
    const wanted = props(spec).map((p) => p.replace(/^items\//, ''));
    this.context.enqueue(() => {
      const items = this.list().map((t) => {
        const proxy = new TableProxy(this.context, this.sheet, t);
        proxy.preload(wanted);
        return proxy;
      });
      responseBytes += bytes(items.length * 60);
      pendingLoads.push({ commit: () => (this.itemsList = items), abort: () => undefined });
    });
    return this;
  }
  get items(): TableProxy[] {
    if (!this.itemsList) throw err('PropertyNotLoaded', "The property 'items' is not available.");
    return this.itemsList;
  }
}

/**
 * A table's columns (Excel.TableColumnCollection, ExcelApi 1.1): `add(index, values, name)` adds a column to the
 * table, https://learn.microsoft.com/javascript/api/excel/excel.tablecolumncollection#excel-excel-tablecolumncollection-add-member(1).
 * Per its remarks, ExcelApi 1.1 requires an index smaller than the column count; from 1.4 a null (or -1) index
 * appends the column at the end and `name` names it. `values` are the column's cells from the header row down
 * (the page's sample passes the header first: [["Sample"], ["Values"], ...]); `name`, when given, is the
 * header. The fake models adding at the end over an empty column only (what the add-in does): a column inserted
 * inside a table, or over cells that hold data, is not modelled and fails the test loudly.
 */
class TableColumnsProxy extends Proxy {
  constructor(
    context: FakeContext,
    private readonly owner: TableProxy,
  ) {
    super(context);
  }
  add(index?: number | null, values?: unknown, name?: string | null): void {
    const fake = this.context.fake;
    this.context.enqueue(
      () => {
        const s = this.owner.sheet.target();
        if (s.protected) throw err('AccessDenied', 'The sheet is protected.');
        const t = this.owner.table;
        const count = t.box.c1 - t.box.c0 + 1;
        const atEnd = index === undefined || index === null || index === -1 || index === count;
        if ((index === undefined || index === null || index === -1) && fake.apiMinor < 4)
          throw err('InvalidArgument', 'ExcelApi 1.1 requires an index smaller than the column count.');
        if (name !== undefined && name !== null && fake.apiMinor < 4)
          throw err('InvalidArgument', 'The name parameter needs ExcelApi 1.4.');
        if (!atEnd) throw new Error('fake: a table column inserted inside the table is not modelled');
        const c = t.box.c1 + 1;
        for (let r = t.box.r0; r <= t.box.r1; r++)
          if (getCell(s, r, c) !== '') throw new Error('fake: a table column added over cells holding data is not modelled');
        const height = t.box.r1 - t.box.r0 + 1;
        if (values !== undefined && values !== null && (!Array.isArray(values) || values.length !== height))
          throw err('InvalidArgument', `The number of rows in the input array doesn't match the table's (${height}).`);
        const grid = (values ?? []) as unknown[][];
        const header = name ?? grid[0]?.[0] ?? `Column${count + 1}`;
        if (headersOf(s, t).some((h) => h.toLowerCase() === String(header).toLowerCase()))
          throw new Error('fake: a duplicate column name (Excel would rename it) is not modelled');
        t.box = { ...t.box, c1: c };
        setCell(s, t.box.r0, c, String(header));
        for (let r = t.box.r0 + 1; r <= t.box.r1; r++) writeValue(s, r, c, grid[r - t.box.r0]?.[0] ?? '');
        changedRanges.push({ sheetId: s.id, address: boxAddress({ r0: t.box.r0, c0: c, r1: t.box.r1, c1: c }) });
      },
      bytes(values) + bytes(name),
    );
  }
}

/** A table's header texts, left to right. */
function headersOf(sheet: SheetState, t: TableState): string[] {
  return Array.from({ length: t.box.c1 - t.box.c0 + 1 }, (_, j) => String(getCell(sheet, t.box.r0, t.box.c0 + j)));
}

class TableProxy extends Proxy {
  readonly autoFilter: { load: (spec?: string) => void; readonly enabled: boolean };
  readonly columns: TableColumnsProxy;
  constructor(
    context: FakeContext,
    readonly sheet: WorksheetProxy,
    readonly table: TableState,
  ) {
    super(context);
    this.columns = new TableColumnsProxy(context, this);
    const self = this;
    let enabled: boolean | undefined;
    this.autoFilter = {
      load() {
        self.context.enqueue(() => {
          const value = self.table.filterEnabled;
          pendingLoads.push({ commit: () => (enabled = value), abort: () => undefined });
        });
      },
      get enabled(): boolean {
        if (enabled === undefined) throw err('PropertyNotLoaded', "The property 'enabled' is not available.");
        return enabled;
      },
    };
  }
  preload(wanted: string[]): void {
    this.markResolved(false);
    this.loadOnCommit(new Map<string, unknown>(wanted.map((p) => [p, this.prop(p)])));
  }
  private prop(p: string): unknown {
    switch (p) {
      case 'name':
        return this.table.name;
      case 'id':
        return this.table.id;
      case 'showTotals':
        return this.table.showTotals;
      case 'showHeaders':
        return true;
      default:
        throw err('InvalidArgument', `Unknown table property ${p}`);
    }
  }
  load(spec?: string | string[]): this {
    this.queueLoad(props(spec), (p) => this.prop(p));
    return this;
  }
  get name(): string {
    return this.read('name');
  }
  get showTotals(): boolean {
    return this.read('showTotals');
  }
  private part(pick: (b: Box) => Box | null): RangeProxy {
    return new RangeProxy(this.context, this.sheet, () => {
      const b = pick(this.table.box);
      if (!b) throw err('ItemNotFound', 'The table has no such row.');
      return b;
    });
  }
  getRange(): RangeProxy {
    return this.part((b) => b);
  }
  getHeaderRowRange(): RangeProxy {
    return this.part((b) => ({ ...b, r1: b.r0 }));
  }
  getDataBodyRange(): RangeProxy {
    return this.part((b) => ({ ...b, r0: b.r0 + 1, r1: this.table.showTotals ? b.r1 - 1 : b.r1 }));
  }
  getTotalRowRange(): RangeProxy {
    return this.part((b) => (this.table.showTotals ? { ...b, r0: b.r1 } : null));
  }
}

class AutoFilterProxy extends Proxy {
  constructor(
    context: FakeContext,
    readonly sheet: WorksheetProxy,
  ) {
    super(context);
  }
  load(spec?: string | string[]): this {
    this.queueLoad(props(spec), () => this.sheet.target().autoFilter !== null);
    return this;
  }
  get enabled(): boolean {
    return this.read('enabled');
  }
  apply(range: string): void {
    this.context.enqueue(() => {
      const s = this.sheet.target();
      if (s.protected) throw err('AccessDenied', 'The sheet is protected.');
      const b = parseBox(range);
      if (!b) throw err('InvalidArgument', range);
      // A sheet AutoFilter and a table may not overlap: a table carries its own filter (Table.autoFilter;
      // "Apply filters to a table", https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-tables,
      // and "Filter data", https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets#filter-data).
      // Excel refuses the overlap (the UI says a filter or table cannot overlap a table; office-js #1199 shows
      // the same rule for tables); the fake answers InvalidOperation.
      if (s.tables.some((t) => intersects(t.box, b)))
        throw err('InvalidOperation', 'The operation is not allowed: the range overlaps a table, which has its own filter.');
      s.autoFilter = boxAddress(b);
    });
  }
}

/** A placed chart's box: from its start cell's corner to its end cell's far corner (setPosition), in points. */
function chartBox(s: SheetState, chart: ChartState): Geometry {
  const start = chart.position ? parseBox(chart.position) : null;
  const end = chart.positionEnd ? parseBox(chart.positionEnd) : null;
  if (!start) return { left: 0, top: 0, width: 360, height: 216 };
  const left = edge(s, 'column', start.c0);
  const top = edge(s, 'row', start.r0);
  if (!end) return { left, top, width: 360, height: 216 };
  return { left, top, width: edge(s, 'column', end.c1 + 1) - left, height: edge(s, 'row', end.r1 + 1) - top };
}

/**
 * A column's width or a row's height in points: 0 when hidden, else the last width the format log or the sheet
 * set, else Excel's defaults for Calibri 11 (8.43 characters = 48 points; 15 points), as RangeFormat.columnWidth
 * and rowHeight report them (https://learn.microsoft.com/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-columnwidth-member).
 */
export function extent(s: SheetState, axis: 'column' | 'row', index: number): number {
  if ((axis === 'column' ? s.hiddenColumns : s.hiddenRows).has(index)) return 0;
  const path = axis === 'column' ? 'format.columnWidth' : 'format.rowHeight';
  for (let i = s.formatLog.length - 1; i >= 0; i--) {
    const entry = s.formatLog[i];
    const b = entry && entry.path === path ? parseBox(entry.address) : null;
    if (b && typeof entry?.value === 'number' && (axis === 'column' ? b.c0 <= index && index <= b.c1 : b.r0 <= index && index <= b.r1))
      return entry.value;
  }
  return (axis === 'column' ? s.columnWidths : s.rowHeights).get(index) ?? (axis === 'column' ? 48 : 15);
}

/** Where column or row `index` (0-based) starts, in points from the sheet's edge. */
function edge(s: SheetState, axis: 'column' | 'row', index: number): number {
  let at = 0;
  for (let i = 0; i < index; i++) at += extent(s, axis, i);
  return at;
}

/**
 * Worksheet.shapes (ExcelApi 1.9; https://learn.microsoft.com/javascript/api/excel/excel.shapecollection): pictures
 * and shapes with name, left, top, width and height in points (https://learn.microsoft.com/javascript/api/excel/excel.shape),
 * each readable only once loaded.
 */
class ShapesProxy extends Proxy {
  private itemsList: ShapeProxy[] | null = null;
  constructor(
    context: FakeContext,
    readonly sheet: WorksheetProxy,
  ) {
    super(context);
  }
  load(spec?: string | string[]): this {
    const wanted = props(spec).map((p) => p.replace(/^items\//, ''));
    this.context.enqueue(() => {
      if (this.context.fake.apiMinor < 9) throw err('ApiNotFound', 'Worksheet.shapes needs ExcelApi 1.9.');
      const list = this.sheet.target().shapes.map((shape) => new ShapeProxy(this.context, shape, wanted));
      responseBytes += bytes(list.length * 40);
      pendingLoads.push({ commit: () => (this.itemsList = list), abort: () => undefined });
    });
    return this;
  }
  get items(): ShapeProxy[] {
    if (!this.itemsList) throw err('PropertyNotLoaded', "The property 'items' is not available.");
    return this.itemsList;
  }
}

class ShapeProxy extends Proxy {
  constructor(context: FakeContext, shape: ShapeState, wanted: string[]) {
    super(context);
    const all: Record<string, unknown> = { ...shape };
    this.loadOnCommit(new Map(wanted.filter((p) => p in all).map((p) => [p, all[p]])));
  }
  get name(): string {
    return this.read('name');
  }
  get left(): number {
    return this.read('left');
  }
  get top(): number {
    return this.read('top');
  }
  get width(): number {
    return this.read('width');
  }
  get height(): number {
    return this.read('height');
  }
}

class ChartsProxy extends Proxy {
  private itemsList: ChartProxy[] | null = null;
  constructor(
    context: FakeContext,
    readonly sheet: WorksheetProxy,
  ) {
    super(context);
  }
  load(spec?: string | string[]): this {
    const wanted = props(spec).map((p) => p.replace(/^items\//, ''));
    this.context.enqueue(() => {
      const s = this.sheet.target();
      const list = s.charts.map((c) => new ChartProxy(this.context, c, this.sheet));
      for (const chart of list) chart.preload(wanted, s);
      responseBytes += bytes(list.length * 40);
      pendingLoads.push({ commit: () => (this.itemsList = list), abort: () => undefined });
    });
    return this;
  }
  get items(): ChartProxy[] {
    if (!this.itemsList) throw err('PropertyNotLoaded', "The property 'items' is not available.");
    return this.itemsList;
  }
  add(type: string, source: RangeProxy, _seriesBy?: string): ChartProxy {
    const chart: ChartState = {
      type,
      source: '',
      title: '',
      legendVisible: true,
      position: null,
      positionEnd: null,
      seriesCount: 0,
      pointCount: 0,
      pointFills: [],
      hasDataLabels: false,
      showValue: false,
    };
    this.context.enqueue(() => {
      const s = this.sheet.target();
      if (s.protected) throw err('AccessDenied', 'The sheet is protected.');
      const box = source.box();
      chart.source = boxAddress(box);
      // By columns, with a text header row and a first column of category labels (as we add it): one series per
      // further column, one point per row under the header.
      chart.seriesCount = Math.max(1, box.c1 - box.c0);
      chart.pointCount = Math.max(0, box.r1 - box.r0);
      chart.pointFills = Array.from({ length: chart.pointCount }, () => null);
      s.charts.push(chart);
    });
    return new ChartProxy(this.context, chart, this.sheet);
  }
}

class ChartProxy extends Proxy {
  constructor(
    context: FakeContext,
    readonly chart: ChartState,
    readonly sheet: WorksheetProxy,
  ) {
    super(context);
  }
  delete(): void {
    this.context.enqueue(() => {
      const s = this.sheet.target();
      if (s.protected) throw err('AccessDenied', 'The sheet is protected.');
      s.charts = s.charts.filter((c) => c !== this.chart);
    });
  }
  /**
   * Chart.name, left, top, width, height (ExcelApi 1.1; https://learn.microsoft.com/javascript/api/excel/excel.chart):
   * readable only once loaded. A chart never placed sits at the sheet's corner with Excel's default 360 x 216 points.
   */
  preload(wanted: string[], s: SheetState): void {
    const box = this.chart.geometry ?? chartBox(s, this.chart);
    const all: Record<string, unknown> = { name: this.chart.title || `Chart ${s.charts.indexOf(this.chart) + 1}`, ...box };
    this.loadOnCommit(new Map(wanted.filter((p) => p in all).map((p) => [p, all[p]])));
  }
  get name(): string {
    return this.read('name');
  }
  get left(): number {
    return this.read('left');
  }
  get top(): number {
    return this.read('top');
  }
  get title(): { text: string } {
    const self = this;
    return {
      get text(): string {
        throw err('PropertyNotLoaded', "The property 'text' is not available.");
      },
      set text(v: string) {
        self.context.enqueue(() => (self.chart.title = v), bytes(v));
      },
    };
  }
  get legend(): { visible: boolean } {
    const self = this;
    return {
      get visible(): boolean {
        throw err('PropertyNotLoaded', "The property 'visible' is not available.");
      },
      set visible(v: boolean) {
        self.context.enqueue(() => (self.chart.legendVisible = v));
      },
    };
  }
  get width(): number {
    return this.read('width');
  }
  set width(_v: number) {
    this.context.enqueue(() => undefined);
  }
  get height(): number {
    return this.read('height');
  }
  set height(_v: number) {
    this.context.enqueue(() => undefined);
  }
  setPosition(start: string, end?: string): void {
    this.context.enqueue(() => {
      this.chart.position = start;
      this.chart.positionEnd = end ?? null;
    });
  }
  /** Chart.series (ExcelApi 1.1): https://learn.microsoft.com/javascript/api/excel/excel.chart#excel-excel-chart-series-member */
  get series(): { getItemAt: (index: number) => ChartSeriesProxy } {
    return { getItemAt: (index: number) => new ChartSeriesProxy(this.context, this.chart, index) };
  }
}

/**
 * An HTML colour as ChartFill.setSolidColor takes it: "#RRGGBB" (or "RRGGBB") or a named HTML colour
 * (https://learn.microsoft.com/javascript/api/excel/excel.chartfill#excel-excel-chartfill-setsolidcolor-member(1)).
 */
const HTML_COLOUR = /^(#?[0-9A-Fa-f]{6}|[A-Za-z]+)$/;

/**
 * One series of a chart (ExcelApi 1.1; https://learn.microsoft.com/javascript/api/excel/excel.chartseries). Strict:
 * getItemAt past the last series or point fails at sync with ItemNotFound (the collections hold only what the
 * source range makes); hasDataLabels (ExcelApi 1.7) and dataLabels.showValue (ChartSeries.dataLabels, ExcelApi 1.8;
 * ChartDataLabels.showValue) are write-only here, so reading one unloaded throws PropertyNotLoaded as Excel does.
 */
class ChartSeriesProxy extends Proxy {
  constructor(
    context: FakeContext,
    readonly chart: ChartState,
    readonly index: number,
  ) {
    super(context);
  }
  private check(): void {
    if (!Number.isInteger(this.index) || this.index < 0 || this.index >= this.chart.seriesCount)
      throw err('ItemNotFound', `The chart has no series at index ${this.index}.`);
  }
  get points(): { getItemAt: (index: number) => { format: { fill: { setSolidColor: (colour: string) => void } } } } {
    const self = this;
    return {
      getItemAt: (point: number) => ({
        format: {
          fill: {
            setSolidColor(colour: string): void {
              self.context.enqueue(() => {
                self.check();
                if (!Number.isInteger(point) || point < 0 || point >= self.chart.pointCount)
                  throw err('ItemNotFound', `The series has no point at index ${point}.`);
                if (!HTML_COLOUR.test(colour)) throw err('InvalidArgument', `"${colour}" is not an HTML colour.`);
                // Only the first series' points are kept: the summary's chart has one series.
                if (self.index === 0) self.chart.pointFills[point] = colour.startsWith('#') ? colour.toUpperCase() : colour;
              }, bytes(colour));
            },
          },
        },
      }),
    };
  }
  get hasDataLabels(): boolean {
    throw err('PropertyNotLoaded', "The property 'hasDataLabels' is not available.");
  }
  set hasDataLabels(v: boolean) {
    this.context.enqueue(() => {
      this.check();
      this.chart.hasDataLabels = v;
    });
  }
  get dataLabels(): { showValue: boolean } {
    const self = this;
    return {
      get showValue(): boolean {
        throw err('PropertyNotLoaded', "The property 'showValue' is not available.");
      },
      set showValue(v: boolean) {
        self.context.enqueue(() => {
          self.check();
          self.chart.showValue = v;
        });
      },
    };
  }
}

/** A chain of format properties ("format.font.color") whose writes are queued and logged on the sheet. */
function formatChain(range: RangeProxy, path: string[]): unknown {
  const context = range.context;
  return new globalThis.Proxy(
    {},
    {
      get(_t, prop: string) {
        if (prop === 'getItem') return (name: string) => formatChain(range, [...path, name]);
        // RangeFormat.autofitRows() (ExcelApi 1.2): Excel sets the rows' heights to fit their content,
        // https://learn.microsoft.com/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-autofitrows-member(1)
        if (prop === 'autofitRows' && path.length === 1)
          return () =>
            context.enqueue(() => {
              const s = range.sheet.target();
              if (s.protected) throw err('AccessDenied', 'The sheet is protected.');
              s.formatLog.push({ address: boxAddress(range.box()), path: 'format.autofitRows()', value: true });
            });
        if (prop === 'toJSON' || typeof prop === 'symbol') return undefined;
        return formatChain(range, [...path, prop]);
      },
      set(_t, prop: string, value: unknown) {
        context.enqueue(() => {
          const s = range.sheet.target();
          if (s.protected) throw err('AccessDenied', 'The sheet is protected.');
          s.formatLog.push({ address: boxAddress(range.box()), path: [...path, prop].join('.'), value });
        }, bytes(value));
        return true;
      },
    },
  );
}

/** True when every index is hidden, false when none is, null when mixed (as Range.rowHidden answers). */
function hiddenAll(hidden: Set<number>, from: number, to: number): boolean | null {
  let n = 0;
  for (const i of hidden) if (i >= from && i <= to) n++;
  return n === 0 ? false : n === to - from + 1 ? true : null;
}

class RangeProxy extends Proxy {
  /** For a RangeAreas: the comma-separated address of its areas. */
  addressOverride: (() => string) | null = null;
  private resolvedBox: Box | null = null;
  readonly format: Record<string, unknown>;
  readonly conditionalFormats: CfCollectionProxy;

  constructor(
    context: FakeContext,
    readonly sheet: WorksheetProxy,
    private readonly locate: () => Box | null,
    private readonly orNull = false,
  ) {
    super(context);
    this.format = formatChain(this, ['format']) as Record<string, unknown>;
    this.conditionalFormats = new CfCollectionProxy(context, this);
    context.enqueue(() => {
      const b = this.locate();
      if (!b && !orNull) throw err('ItemNotFound', 'Range not found');
      this.resolvedBox = b;
      this.markResolved(b === null);
    });
  }

  box(): Box {
    if (!this.resolvedBox) throw err('ItemNotFound', 'Range not found');
    return this.resolvedBox;
  }

  get worksheet(): WorksheetProxy {
    const ws = new WorksheetProxy(this.context);
    this.context.enqueue(() => {
      if (this.nullObject) ws.bindNull();
      else ws.bind(this.sheet.target());
    });
    return ws;
  }

  private prop(p: string): unknown {
    const s = this.sheet.target();
    const b = this.box();
    const grid = <T>(f: (r: number, c: number) => T): T[][] => {
      const out: T[][] = [];
      for (let r = b.r0; r <= b.r1; r++) {
        const row: T[] = [];
        for (let c = b.c0; c <= b.c1; c++) row.push(f(r, c));
        out.push(row);
      }
      return out;
    };
    switch (p) {
      case 'address':
        return this.addressOverride ? this.addressOverride() : qualified(s.name, b);
      case 'rowHidden':
        return hiddenAll(s.hiddenRows, b.r0, b.r1);
      case 'columnHidden':
        return hiddenAll(s.hiddenColumns, b.c0, b.c1);
      case 'rowIndex':
        return b.r0;
      case 'columnIndex':
        return b.c0;
      case 'rowCount':
        return b.r1 - b.r0 + 1;
      case 'columnCount':
        return b.c1 - b.c0 + 1;
      case 'values':
        return grid((r, c) => getCell(s, r, c));
      case 'formulas':
        return grid((r, c) => s.formulas.get(key(r, c)) ?? getCell(s, r, c));
      case 'numberFormat':
        return grid((r, c) => localFormat(s.numberFormats.get(key(r, c)) ?? 'General', this.context.fake.formatLocale));
      // Range.numberFormatLocal (ExcelApi 1.7): the format in the user's language
      // (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-numberformatlocal-member).
      case 'numberFormatLocal':
        if (this.context.fake.apiMinor < 7) throw err('ApiNotFound', 'Range.numberFormatLocal needs ExcelApi 1.7.');
        return grid((r, c) => localFormat(s.numberFormats.get(key(r, c)) ?? 'General', this.context.fake.formatLocale));
      default:
        throw err('InvalidArgument', `Unknown range property ${p}`);
    }
  }

  load(spec?: string | string[]): this {
    const list = props(spec);
    const cells = () => {
      const b = this.box();
      return (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1);
    };
    this.queueLoad(list, (p) => {
      if (['values', 'formulas', 'numberFormat'].includes(p) && cells() > 5_000_000) return null;
      if (p === 'numberFormat') this.context.fake.stats.formatCells += cells();
      return this.prop(p);
    });
    return this;
  }

  get address(): string {
    return this.read('address');
  }
  /**
   * Range.getColumnProperties / getRowProperties (ExcelApi 1.9;
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getcolumnproperties-member(1)):
   * one entry per column (row) of the range; only format.columnWidth (rowHeight) is modelled, in points.
   */
  getColumnProperties(_wanted: { format?: { columnWidth?: boolean } }): FakeClientResult<{ format: { columnWidth: number } }[]> {
    return this.axisProperties('column', (w) => ({ format: { columnWidth: w } }));
  }
  getRowProperties(_wanted: { format?: { rowHeight?: boolean } }): FakeClientResult<{ format: { rowHeight: number } }[]> {
    return this.axisProperties('row', (h) => ({ format: { rowHeight: h } }));
  }
  private axisProperties<T>(axis: 'column' | 'row', make: (points: number) => T): FakeClientResult<T[]> {
    const result = new FakeClientResult<T[]>();
    this.context.enqueue(() => {
      if (this.context.fake.apiMinor < 9) throw err('ApiNotFound', 'Range.getColumnProperties needs ExcelApi 1.9.');
      const s = this.sheet.target();
      const b = this.box();
      const [from, to] = axis === 'column' ? [b.c0, b.c1] : [b.r0, b.r1];
      result.resolve(Array.from({ length: to - from + 1 }, (_, i) => make(extent(s, axis, from + i))));
    });
    return result;
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get values(): Scalar[][] {
    return this.read('values');
  }
  get formulas(): Scalar[][] {
    return this.read('formulas');
  }
  get numberFormatLocal(): string[][] {
    return this.read('numberFormatLocal');
  }
  get rowHidden(): boolean | null {
    return this.read('rowHidden');
  }
  get columnHidden(): boolean | null {
    return this.read('columnHidden');
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }

  private writeGrid(input: unknown, write: (s: SheetState, r: number, c: number, v: unknown) => void, isData = false): void {
    this.context.enqueue(() => {
      const s = this.sheet.target();
      if (s.protected) throw err('AccessDenied', 'The sheet is protected.');
      const b = this.box();
      const rows = b.r1 - b.r0 + 1;
      const cols = b.c1 - b.c0 + 1;
      if (!Array.isArray(input) || input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
        throw err(
          'InvalidArgument',
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${boxAddress(b)}).`,
        );
      }
      (input as unknown[][]).forEach((row, i) => row.forEach((v, j) => write(s, b.r0 + i, b.c0 + j, v)));
      if (isData) changedRanges.push({ sheetId: s.id, address: boxAddress(b) });
    }, bytes(input));
  }

  set values(input: unknown[][]) {
    this.writeGrid(input, writeValue, true);
    this.context.enqueue(() => expandTables(this.sheet.target(), this.box(), input));
  }

  /**
   * The merged areas inside this range, as a RangeAreas whose `address` lists them, or a null object when
   * there are none. ExcelApi 1.13: on an older host the call fails with ApiNotFound, as Office.js does.
   */
  getMergedAreasOrNullObject(): RangeProxy {
    const owner = this;
    const areas = new RangeProxy(
      this.context,
      this.sheet,
      () => {
        const fake = this.context.fake;
        if (fake.apiMinor < 13) throw err('ApiNotFound', 'Range.getMergedAreasOrNullObject needs ExcelApi 1.13.');
        const b = owner.box();
        const hits = this.sheet.target().merges.filter((m) => intersects(m, b));
        // Reading merged areas where there are some was reported to clear the undo history on Windows desktop
        // (office-js #5918, https://github.com/OfficeDev/office-js/issues/5918).
        if (fake.platform === 'windows' && hits.length > 0) fake.undoCleared = true;
        return hits[0] ?? null;
      },
      true,
    );
    areas.addressOverride = () => {
      const b = owner.box();
      const s = this.sheet.target();
      return s.merges
        .filter((m) => intersects(m, b))
        .map((m) => qualified(s.name, m))
        .join(', ');
    };
    return areas;
  }

  /** The tables that overlap this range (ExcelApi 1.9); with `fullyContained`, only those wholly inside it. */
  getTables(fullyContained?: boolean): TablesProxy {
    return new TablesProxy(this.context, this.sheet, () => {
      const b = this.box();
      return this.sheet
        .target()
        .tables.filter((t) =>
          fullyContained ? t.box.r0 >= b.r0 && t.box.r1 <= b.r1 && t.box.c0 >= b.c0 && t.box.c1 <= b.c1 : intersects(t.box, b),
        );
    });
  }

  set numberFormat(input: unknown[][]) {
    this.writeGrid(input, (s, r, c, v) => {
      if (typeof v === 'string' && v !== 'General') s.numberFormats.set(key(r, c), v);
      else s.numberFormats.delete(key(r, c));
    });
  }

  set formulas(_input: unknown[][]) {
    throw new Error('Action Plan Checker never writes formulas');
  }

  /** The used part of this range (values only), or a null object. */
  getUsedRangeOrNullObject(_valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(
      this.context,
      this.sheet,
      () => {
        const used = usedBox(this.sheet.target());
        const b = this.box();
        if (!used || !intersects(used, b)) return null;
        return { r0: Math.max(used.r0, b.r0), c0: Math.max(used.c0, b.c0), r1: Math.min(used.r1, b.r1), c1: Math.min(used.c1, b.c1) };
      },
      true,
    );
  }

  getEntireColumn(): RangeProxy {
    return new RangeProxy(this.context, this.sheet, () => {
      const b = this.box();
      return { r0: 0, c0: b.c0, r1: MAX_ROWS - 1, c1: b.c1 };
    });
  }

  select(): void {
    this.context.enqueue(() => {
      this.context.fake.selection = { sheet: this.sheet.target().name, address: boxAddress(this.box()) };
    });
  }

  clear(): void {
    this.context.enqueue(() => {
      const s = this.sheet.target();
      if (s.protected) throw err('AccessDenied', 'The sheet is protected.');
      const b = this.box();
      changedRanges.push({ sheetId: s.id, address: boxAddress(b) });
      for (let r = b.r0; r <= Math.min(b.r1, s.values.length - 1); r++) {
        const width = Math.min(b.c1, (s.values[r]?.length ?? 0) - 1);
        for (let c = b.c0; c <= width; c++) writeValue(s, r, c, '');
      }
      // Range.clear() clears contents and formats (applyTo defaults to "All").
      for (const k of [...s.formulas.keys()]) {
        const [r, c] = k.split(',').map(Number) as [number, number];
        if (r >= b.r0 && r <= b.r1 && c >= b.c0 && c <= b.c1) s.formulas.delete(k);
      }
      for (const k of [...s.numberFormats.keys()]) {
        const [r, c] = k.split(',').map(Number) as [number, number];
        if (r >= b.r0 && r <= b.r1 && c >= b.c0 && c <= b.c1) s.numberFormats.delete(k);
      }
      s.formatLog = s.formatLog.filter((f) => {
        const fb = parseBox(f.address);
        return !fb || !(fb.r0 >= b.r0 && fb.r1 <= b.r1 && fb.c0 >= b.c0 && fb.c1 <= b.c1);
      });
    });
  }
}

class CfCollectionProxy extends Proxy {
  private itemsList: CfProxy[] | null = null;
  constructor(
    context: FakeContext,
    readonly range: RangeProxy,
  ) {
    super(context);
  }

  add(type: string): CfProxy {
    const cf = new CfProxy(this.context, this.range.sheet);
    this.context.enqueue(() => {
      const s = this.range.sheet.target();
      if (s.protected) throw err('AccessDenied', 'The sheet is protected.');
      const b = this.range.box();
      if (b.r0 === 0 && b.r1 === MAX_ROWS - 1) throw new Error('Action Plan Checker must never put rules on whole columns');
      const state: CfState = {
        id: this.context.fake.newCfId(),
        box: b,
        type,
        formula: '',
        fill: null,
        fontColor: null,
        bold: false,
        priority: 0,
      };
      s.conditionalFormats.forEach((x) => x.priority++);
      s.conditionalFormats.unshift(state);
      cf.bind(state);
    });
    return cf;
  }

  load(spec?: string | string[]): this {
    const wanted = props(spec).map((p) => p.replace(/^items\//, ''));
    this.context.enqueue(() => {
      const s = this.range.sheet.target();
      const b = this.range.box();
      const list = s.conditionalFormats
        .filter((x) => intersects(x.box, b))
        .map((state) => {
          const cf = new CfProxy(this.context, this.range.sheet);
          cf.bind(state);
          cf.preload(wanted);
          return cf;
        });
      responseBytes += bytes(list.length * 40);
      pendingLoads.push({ commit: () => (this.itemsList = list), abort: () => undefined });
    });
    return this;
  }

  get items(): CfProxy[] {
    if (!this.itemsList) throw err('PropertyNotLoaded', "The property 'items' is not available.");
    return this.itemsList;
  }
}

class CfProxy extends Proxy {
  state: CfState | null = null;
  constructor(
    context: FakeContext,
    readonly sheet: WorksheetProxy,
  ) {
    super(context);
  }
  bind(state: CfState): void {
    this.state = state;
    this.markResolved(false);
  }
  private target(): CfState {
    const s = this.state;
    if (!s || !this.sheet.target().conditionalFormats.includes(s)) throw err('ItemNotFound', 'The conditional format was deleted.');
    return s;
  }
  preload(wanted: string[]): void {
    const s = this.target();
    this.loadOnCommit(new Map<string, unknown>(wanted.map((p) => [p, p === 'type' ? s.type : p === 'priority' ? s.priority : undefined])));
  }
  get type(): string {
    return this.read('type');
  }
  set priority(value: number) {
    this.context.enqueue(() => {
      const s = this.target();
      const list = this.sheet.target().conditionalFormats;
      const others = list.filter((x) => x !== s).sort((a, b) => a.priority - b.priority);
      others.splice(Math.min(value, others.length), 0, s);
      others.forEach((x, i) => (x.priority = i));
    });
  }
  delete(): void {
    this.context.enqueue(() => {
      const s = this.target();
      const sheet = this.sheet.target();
      if (sheet.protected) throw err('AccessDenied', 'The sheet is protected.');
      sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== s);
      sheet.conditionalFormats.sort((a, b) => a.priority - b.priority).forEach((x, i) => (x.priority = i));
    });
  }
  private customView: unknown = null;
  get custom(): unknown {
    this.customView ??= this.makeCustom();
    return this.customView;
  }
  private makeCustom(): unknown {
    const self = this;
    const ensureCustom = () => {
      const s = self.target();
      if (s.type !== 'Custom') throw err('InvalidArgument', 'This conditional format is not a custom one.');
      return s;
    };
    const ruleLoaded = new Map<string, unknown>();
    return {
      rule: {
        load(spec?: string) {
          const wanted = props(spec);
          self.context.enqueue(() => {
            const s = ensureCustom();
            const values = new Map<string, unknown>(wanted.map((p) => [p, p === 'formula' ? s.formula : undefined]));
            responseBytes += bytes(s.formula);
            pendingLoads.push({ commit: () => values.forEach((v, p) => ruleLoaded.set(p, v)), abort: () => undefined });
          });
        },
        get formula(): string {
          if (!ruleLoaded.has('formula')) throw err('PropertyNotLoaded', "The property 'formula' is not available.");
          return ruleLoaded.get('formula') as string;
        },
        set formula(v: string) {
          self.context.enqueue(() => {
            // Excel refuses a rule whose formula does not parse (the batch fails at its sync); the self-test
            // page checks every rule of ours against a real Excel ("each rule accepted").
            const problem = formulaChecker?.(v) ?? null;
            if (problem !== null)
              throw err('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (${problem})`);
            ensureCustom().formula = v;
          }, bytes(v));
        },
      },
      format: {
        fill: {
          set color(v: string) {
            self.context.enqueue(() => (ensureCustom().fill = v));
          },
        },
        font: {
          set color(v: string) {
            self.context.enqueue(() => (ensureCustom().fontColor = v));
          },
          set bold(v: boolean) {
            self.context.enqueue(() => (ensureCustom().bold = v));
          },
        },
      },
    };
  }
}

class SettingsProxy extends Proxy {
  getItemOrNullObject(name: string): SettingProxy {
    const item = new SettingProxy(this.context, name);
    this.context.enqueue(() => item.resolve());
    return item;
  }
  add(name: string, value: unknown): SettingProxy {
    const item = new SettingProxy(this.context, name);
    this.context.enqueue(() => {
      this.context.fake.settings.set(name, value);
      item.resolve();
    }, bytes(value));
    return item;
  }
}

class SettingProxy extends Proxy {
  constructor(
    context: FakeContext,
    readonly key: string,
  ) {
    super(context);
  }
  resolve(): void {
    this.markResolved(!this.context.fake.settings.has(this.key));
  }
  load(spec?: string | string[]): this {
    this.queueLoad(props(spec), () => this.context.fake.settings.get(this.key));
    return this;
  }
  get value(): unknown {
    return this.read('value');
  }
}

class NamesProxy extends Proxy {
  getItemOrNullObject(name: string): NamedItemProxy {
    const item = new NamedItemProxy(this.context);
    this.context.enqueue(() => item.resolve(this.context.fake.names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null));
    return item;
  }
  add(name: string, reference: RangeProxy, comment?: string): NamedItemProxy {
    const item = new NamedItemProxy(this.context);
    this.context.enqueue(
      () => {
        const fake = this.context.fake;
        if (fake.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
          throw err('ItemAlreadyExists', `The name ${name} already exists.`);
        const state: NameState = {
          name,
          sheetId: reference.sheet.target().id,
          address: boxAddress(reference.box()),
          visible: true,
          comment: comment ?? '',
        };
        fake.names.push(state);
        item.resolve(state);
      },
      bytes(name) + bytes(comment),
    );
    return item;
  }
}

class NamedItemProxy extends Proxy {
  state: NameState | null = null;
  resolve(state: NameState | null): void {
    this.state = state;
    this.markResolved(state === null);
  }
  load(spec?: string | string[]): this {
    this.queueLoad(props(spec), (p) =>
      p === 'name' ? this.state?.name : p === 'visible' ? this.state?.visible : p === 'comment' ? this.state?.comment : undefined,
    );
    return this;
  }
  get name(): string {
    return this.read('name');
  }
  get comment(): string {
    return this.read('comment');
  }
  set visible(v: boolean) {
    this.context.enqueue(() => {
      if (this.state) this.state.visible = v;
    });
  }
  // NamedItem.comment (ExcelApi 1.4): read and write, https://learn.microsoft.com/javascript/api/excel/excel.nameditem#excel-excel-nameditem-comment-member
  set comment(v: string) {
    this.context.enqueue(
      () => {
        if (this.nullObject || !this.state) throw err('ItemNotFound', 'The name does not exist.');
        this.state.comment = v;
      },
      bytes(v),
      'NamedItem.comment',
    );
  }
  delete(): void {
    this.context.enqueue(() => {
      const fake = this.context.fake;
      if (this.nullObject || !this.state) throw err('ItemNotFound', 'The name does not exist.');
      fake.names = fake.names.filter((n) => n !== this.state);
    });
  }
  getRangeOrNullObject(): RangeProxy {
    // Resolved at sync: a name whose sheet has gone refers to #REF! and gives a null range.
    const sheetProxy = new WorksheetProxy(this.context);
    let located: Box | null = null;
    this.context.enqueue(() => {
      const sheet = this.state ? this.context.fake.findSheet(this.state.sheetId) : undefined;
      if (sheet && this.state) {
        sheetProxy.bind(sheet);
        located = parseBox(this.state.address);
      } else sheetProxy.bindNull();
    });
    return new RangeProxy(this.context, sheetProxy, () => located, true);
  }
}

// ---------------------------------------------------------------------------------------------
// Custom XML parts (ExcelApi 1.5): https://learn.microsoft.com/javascript/api/excel/excel.customxmlpartcollection,
// excel.customxmlpartscopedcollection and excel.customxmlpart. Every call is queued and applied at sync; on a host
// before ExcelApi 1.5 each fails there with ApiNotFound, as Office.js does for an API the host lacks.

/** A ClientResult (https://learn.microsoft.com/javascript/api/office/officeextension.clientresult): `value` only after the sync. */
class FakeClientResult<T> {
  private set = false;
  private held: T | undefined;
  get value(): T {
    if (!this.set)
      throw err(
        'PropertyNotLoaded',
        'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
      );
    return this.held as T;
  }
  /** Called inside the sync: the value becomes readable when the whole sync succeeds. */
  resolve(value: T): void {
    responseBytes += bytes(value);
    pendingLoads.push({
      commit: () => {
        this.held = value;
        this.set = true;
      },
      abort: () => undefined,
    });
  }
}

function requireXmlApi(context: FakeContext, call: string): void {
  if (context.fake.apiMinor < 5) throw err('ApiNotFound', `${call} needs ExcelApi 1.5.`);
}

/** The XML check of add and setXml: well-formed, with a root element (Excel stores nothing else). */
function checkPartXml(xml: string): void {
  const why = xmlChecker?.(xml) ?? (/<[\w.:-]+[\s>/]/.test(xml) ? null : 'no root element');
  if (why !== null) throw err('InvalidArgument', `The XML is not valid: ${why}`);
}

class CustomXmlPartScopedProxy extends Proxy {
  private itemsList: CustomXmlPartProxy[] | null = null;
  constructor(
    context: FakeContext,
    /** The namespace a scoped collection holds; null for the whole collection. */
    readonly namespaceUri: string | null,
  ) {
    super(context);
  }

  private matching(): XmlPartState[] {
    requireXmlApi(this.context, this.namespaceUri === null ? 'Workbook.customXmlParts' : 'CustomXmlPartCollection.getByNamespace');
    return this.context.fake.xmlParts.filter((p) => this.namespaceUri === null || p.namespaceUri === this.namespaceUri);
  }

  /** Loads `items` (with `items/id`, `items/namespaceUri`); an empty namespace gives an empty list. */
  load(spec?: string | string[]): this {
    const wanted = props(spec).map((p) => p.replace(/^items\//, ''));
    this.context.enqueue(() => {
      const list = this.matching().map((state) => {
        const part = new CustomXmlPartProxy(this.context);
        part.bind(state);
        part.preload(wanted);
        return part;
      });
      responseBytes += bytes(list.map((p) => p.toJSON()));
      pendingLoads.push({ commit: () => (this.itemsList = list), abort: () => undefined });
    });
    return this;
  }

  get items(): CustomXmlPartProxy[] {
    if (!this.itemsList) throw err('PropertyNotLoaded', "The property 'items' is not available.");
    return this.itemsList;
  }

  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.context.enqueue(() => result.resolve(this.matching().length));
    return result;
  }
}

/** Workbook.customXmlParts: every part (load `items/id,items/namespaceUri`), add, getByNamespace, getItemOrNullObject. */
class CustomXmlPartsProxy extends CustomXmlPartScopedProxy {
  constructor(context: FakeContext) {
    super(context, null);
  }

  /** CustomXmlPartCollection.add(xml): the new part; its namespace is its root element's. */
  add(xml: string): CustomXmlPartProxy {
    const part = new CustomXmlPartProxy(this.context);
    this.context.enqueue(() => {
      requireXmlApi(this.context, 'CustomXmlPartCollection.add');
      checkPartXml(xml);
      const fake = this.context.fake;
      const state = { id: fake.newXmlPartId(), namespaceUri: rootNamespace(xml), xml };
      fake.xmlParts.push(state);
      part.bind(state);
    }, bytes(xml));
    return part;
  }

  /** CustomXmlPartCollection.getByNamespace(uri): the parts whose root is in that namespace, as at each sync. */
  getByNamespace(namespaceUri: string): CustomXmlPartScopedProxy {
    return new CustomXmlPartScopedProxy(this.context, namespaceUri);
  }

  /** CustomXmlPartCollection.getItemOrNullObject(id). */
  getItemOrNullObject(id: string): CustomXmlPartProxy {
    const part = new CustomXmlPartProxy(this.context);
    this.context.enqueue(() => {
      requireXmlApi(this.context, 'CustomXmlPartCollection.getItemOrNullObject');
      const state = this.context.fake.xmlParts.find((p) => p.id === id);
      if (state) part.bind(state);
      else part.bindNull();
    });
    return part;
  }
}

class CustomXmlPartProxy extends Proxy {
  state: XmlPartState | null = null;

  bind(state: XmlPartState): void {
    this.state = state;
    this.markResolved(false);
  }
  bindNull(): void {
    this.state = null;
    this.markResolved(true);
  }

  /** The part as Excel has it now: a deleted part is gone (ItemNotFound), as is a null object's. */
  private live(call: string): XmlPartState {
    requireXmlApi(this.context, call);
    const state = this.state;
    if (this.nullObject || !state || !this.context.fake.xmlParts.includes(state))
      throw err('ItemNotFound', `${call}: the custom XML part does not exist.`);
    return state;
  }

  private prop(p: string): unknown {
    const state = this.live(`CustomXmlPart.${p}`);
    if (p === 'id') return state.id;
    if (p === 'namespaceUri') return state.namespaceUri;
    throw err('InvalidArgument', `CustomXmlPart has no property ${p}`);
  }

  /** For collection loads: fill props now (the caller is already inside a sync). */
  preload(wanted: readonly string[]): void {
    this.loadOnCommit(new Map(wanted.map((p) => [p, this.prop(p)])));
  }

  load(spec?: string | string[]): this {
    this.queueLoad(props(spec), (p) => this.prop(p));
    return this;
  }
  get id(): string {
    return this.read('id');
  }
  get namespaceUri(): string {
    return this.read('namespaceUri');
  }

  /** CustomXmlPart.getXml(): the full XML, readable after the sync. */
  getXml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.context.enqueue(() => result.resolve(this.live('CustomXmlPart.getXml').xml));
    return result;
  }

  /** CustomXmlPart.setXml(xml): a whole-for-whole replacement; the namespace follows the new root. */
  setXml(xml: string): void {
    this.context.enqueue(() => {
      const state = this.live('CustomXmlPart.setXml');
      checkPartXml(xml);
      state.xml = xml;
      state.namespaceUri = rootNamespace(xml);
    }, bytes(xml));
  }

  /** CustomXmlPart.delete(). */
  delete(): void {
    this.context.enqueue(() => {
      const state = this.live('CustomXmlPart.delete');
      const fake = this.context.fake;
      fake.xmlParts = fake.xmlParts.filter((p) => p !== state);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Globals: what Office.js would put on window.

/** Installs `Excel`, `Office` and `OfficeExtension` globals backed by `fake`; returns a function that removes them. */
export function installFakeOffice(
  fake: FakeWorkbook,
  target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>,
): () => void {
  const run = async (first: unknown, second?: unknown): Promise<unknown> => {
    const batch = (typeof first === 'function' ? first : second) as (ctx: FakeContext) => Promise<unknown>;
    const reuse = first instanceof FakeContext ? first : null;
    const options = reuse ? reuse.options : typeof first === 'object' && first !== null ? (first as Record<string, unknown>) : {};
    fake.stats.runs++;
    fake.lastRunOptions = options;
    if (fake.cellEditMode && options.delayForCellEdit && !fake.holdCellEdit) {
      // Excel waits for the user to leave the cell; the fake leaves it at once.
      fake.cellEditMode = false;
    }
    const context = reuse ?? new FakeContext(fake, options);
    const result = await batch(context);
    if (context.pending > 0) await context.sync();
    return result;
  };
  const previous = { Excel: target.Excel, Office: target.Office, OfficeExtension: target.OfficeExtension };
  target.Excel = {
    run,
    ConditionalFormatType: { custom: 'Custom' },
    ChartType: { barClustered: 'BarClustered', columnClustered: 'ColumnClustered' },
    ChartSeriesBy: { columns: 'Columns', rows: 'Rows', auto: 'Auto' },
  };
  target.OfficeExtension = { Error: FakeOfficeError };
  target.Office = {
    HostType: { Excel: 'Excel' },
    EventType: { DialogEventReceived: 'dialogEventReceived', DialogMessageReceived: 'dialogMessageReceived' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    onReady: () => Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }),
    actions: {
      associate: (name: string, fn: unknown) => {
        (target.__officeActions as Record<string, unknown> | undefined) ?? (target.__officeActions = {});
        (target.__officeActions as Record<string, unknown>)[name] = fn;
      },
    },
    context: {
      get officeTheme() {
        return fake.theme;
      },
      // Office.context.diagnostics.platform (Office.PlatformType: "PC", "Mac", "OfficeOnline", ...),
      // https://learn.microsoft.com/javascript/api/office/office.contextinformation#office-office-contextinformation-platform-member
      get diagnostics() {
        return {
          platform: fake.platform === 'web' ? 'OfficeOnline' : fake.platform === 'mac' ? 'Mac' : 'PC',
          host: 'Excel',
          version: '16.0',
        };
      },
      // Office.context.document.url: the file's location, an https URL for OneDrive and SharePoint, a path or ""
      // for a local or new file, https://learn.microsoft.com/javascript/api/office/office.document#office-office-document-url-member
      get document() {
        return { url: fake.documentUrl };
      },
      requirements: {
        isSetSupported: (name: string, version?: string) =>
          name === 'ExcelApi' && Number((version ?? '1.1').split('.')[1] ?? '1') <= fake.apiMinor,
      },
      ui: {
        displayDialogAsync: (url: string, _options: unknown, callback?: (r: unknown) => void) => {
          if (fake.dialogError !== null) {
            callback?.({ status: 'failed', error: { code: fake.dialogError, message: 'The dialog could not be opened.' } });
            return;
          }
          const dialog = {
            close: () => fake.closeDialog(false),
            addEventHandler: (type: string, handler: (arg: unknown) => void) => fake.onDialogEvent(type, handler),
          };
          // Office answers asynchronously.
          setTimeout(() => {
            fake.dialogs.push(url);
            callback?.({ status: 'succeeded', value: dialog });
          }, 0);
        },
      },
    },
  };
  return () => Object.assign(target, previous);
}
