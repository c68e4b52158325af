/**
 * Evaluates the conditional-format rules of a FormatPlan the way Excel does, cell by cell, with a real
 * Excel-formula engine (fast-formula-parser, MIT), against a sheet's values. It answers "which cells does
 * each rule colour?", so tests can hold the colours to the core's own reading of the rows.
 *
 * Excel behaviour this rests on (cited, since no Excel runs here; the self-test page checks it on a real one):
 * - A rule's formula is written for the top-left cell of the range it applies to, and Excel applies it to
 *   every other cell with its relative references moved by that cell's offset; `$` parts stay put.
 *   ("Use a formula to determine which cells to format": the formula is relative to the active, top-left
 *   cell: https://support.microsoft.com/office/use-conditional-formatting-to-highlight-information-fbd5e0e4-f5ff-4cd6-8b5d-b5f4fb1b4f4d;
 *   Office.js `ConditionalFormatRule.formula`, "the formula, if required, on which to evaluate the
 *   conditional format rule": https://learn.microsoft.com/javascript/api/excel/excel.conditionalformatrule)
 * - The format applies where the formula gives TRUE or a non-zero number; FALSE, 0, text and error values
 *   leave the cell as it is (same support page: "Format values where this formula is true"; an error is
 *   not true). The rating rules rely on it: a word not found is #VALUE!, not FALSE.
 */
import FormulaParser, { FormulaError, FormulaHelpers, Types, type Arg, type CellRef, type RangeRef } from 'fast-formula-parser';
import { columnIndex, columnLetter, parseAddress } from '../../src/core/address';
import { isCellError } from '../../src/core/cells';
import type { ConditionalRule, FormatPlan } from '../../src/core/plans/formatPlan';
import type { CellValue, SheetSnapshot } from '../../src/core/types';

/** Excel's longest text value: longer results of text functions are #VALUE! (Excel specifications and limits). */
export const EXCEL_TEXT_LIMIT = 32767;

/** A formula the engine could not parse, or that calls a function it does not know: in Excel, a rejected rule. */
export class FormulaSyntaxError extends Error {
  override readonly name = 'FormulaSyntaxError';
}

/** The sheet as Excel would hold it after the plan is applied: the snapshot, plus the status column the plan writes. */
export class Grid {
  private readonly cells = new Map<string, CellValue>();

  constructor(snapshot: SheetSnapshot, plan?: FormatPlan | null) {
    const origin = parseAddress(snapshot.origin) ?? { column: 0, row: 1 };
    snapshot.values.forEach((row, r) => row.forEach((v, c) => this.set(origin.row + r, origin.column + c, v)));
    const status = plan?.status;
    if (status) {
      const column = columnIndex(status.column);
      const head = parseAddress(status.headerCell);
      if (head) this.set(head.row, column, status.header);
      const first = parseAddress(status.range.split(':')[0] ?? '');
      status.values.forEach(([v], i) => first && this.set(first.row + i, column, v === '' ? null : v));
    }
    for (const a of plan?.added ?? []) {
      const column = columnIndex(a.column);
      const head = parseAddress(a.headerCell);
      if (head) this.set(head.row, column, a.header);
      const first = parseAddress(a.range.split(':')[0] ?? '');
      a.values.forEach(([v], i) => first && this.set(first.row + i, column, v === '' ? null : v));
    }
  }

  /** 1-based row, 0-based column. */
  get(row: number, column: number): CellValue {
    return this.cells.get(`${row},${column}`) ?? null;
  }

  set(row: number, column: number, value: CellValue): void {
    this.cells.set(`${row},${column}`, value);
  }
}

const TEXT = Types.STRING;
const text = (a: Arg | undefined, fallback?: string): string => FormulaHelpers.accept(a, TEXT, fallback) as string;
const num = (a: Arg | undefined, fallback?: number): number => FormulaHelpers.accept(a, Types.NUMBER, fallback) as number;
const capped = (s: string): string => {
  if (s.length > EXCEL_TEXT_LIMIT) throw FormulaError.VALUE;
  return s;
};
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** AND/OR over their arguments: the first error wins; else booleans and numbers are counted (text ignored). */
function logical(args: Arg[], decide: (trues: number, falses: number) => boolean): unknown {
  let trues = 0;
  let falses = 0;
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (v instanceof FormulaError) throw v;
    if (typeof v === 'boolean' || typeof v === 'number') {
      if (v) trues++;
      else falses++;
    }
  };
  args.forEach((a) => visit(a.value));
  if (trues + falses === 0) throw FormulaError.VALUE;
  return decide(trues, falses);
}

/** SEARCH's find_text as a regular expression: `?` one character, `*` any run, `~` escapes the next (Excel's wildcards). */
function wildcard(find: string): RegExp {
  let out = '';
  for (let i = 0; i < find.length; i++) {
    const ch = find[i] ?? '';
    if (ch === '~' && i + 1 < find.length) out += escapeRegex(find[++i] ?? '');
    else if (ch === '?') out += '[\\s\\S]';
    else if (ch === '*') out += '[\\s\\S]*?';
    else out += escapeRegex(ch);
  }
  return new RegExp(out, 'i');
}

/**
 * Functions where fast-formula-parser 1.0.19 lacks Excel's behaviour, written to Excel's documentation:
 * - SUBSTITUTE is missing (https://support.microsoft.com/office/substitute-function-6434944e-a904-4336-a9b0-1e58df3bc332):
 *   case-sensitive, every occurrence or only the instance_num-th.
 * - SEARCH treats find_text as a JavaScript regular expression and is case-sensitive without wildcards;
 *   Excel's is case-insensitive, with `?`, `*` and `~` (https://support.microsoft.com/office/search-function-9ab04538-0e55-4719-a72e-b6f54513b495).
 * - TRIM strips all white space at the ends only; Excel's removes spaces (character 32) only, at the ends
 *   and runs between words down to one, and leaves line breaks (https://support.microsoft.com/office/trim-function-410388fa-c5df-49c6-b16c-9e5630b479f9).
 * - REPT has no limit; Excel's gives #VALUE! past 32,767 characters (REPT's support page).
 * - AND and OR skip error values; Excel's return the error ("If an argument is an error value, AND returns
 *   the error": a rule whose word is not found is #VALUE!, which must not count as true or false).
 */
const EXCEL_FUNCTIONS: Record<string, (...args: Arg[]) => unknown> = {
  AND: (...args) => logical(args, (t, f) => t > 0 && f === 0),
  OR: (...args) => logical(args, (t) => t > 0),
  SUBSTITUTE: (t, from, to, instance) => {
    const s = text(t);
    const old = text(from);
    const replacement = text(to);
    if (old === '') return s;
    if (instance === undefined || instance.omitted) return capped(s.split(old).join(replacement));
    const n = Math.trunc(num(instance));
    if (n < 1) throw FormulaError.VALUE;
    let at = -1;
    for (let k = 0; k < n; k++) {
      at = s.indexOf(old, at + 1);
      if (at < 0) return s;
    }
    return capped(s.slice(0, at) + replacement + s.slice(at + old.length));
  },
  SEARCH: (find, within, start) => {
    const f = text(find);
    const w = text(within);
    const from = Math.trunc(num(start, 1));
    if (from < 1 || from > w.length + 1) throw FormulaError.VALUE;
    if (f === '') return from;
    const at = w.slice(from - 1).search(wildcard(f));
    if (at < 0) throw FormulaError.VALUE;
    return at + from;
  },
  TRIM: (t) => text(t).replace(/ +/g, ' ').replace(/^ | $/g, ''),
  REPT: (t, times) => {
    const n = Math.trunc(num(times));
    if (n < 0) throw FormulaError.VALUE;
    return capped(text(t).repeat(n));
  },
};

/**
 * The parser's view of a cell value: errors as FormulaError. An empty cell reads as "" (as Excel's is in
 * text functions and in `=""`); the parser would make null 0 or a missing argument. Our rules only read
 * text, so a blank's numeric side (blank = 0) and ISBLANK are not modelled.
 */
function engineValue(v: CellValue): unknown {
  if (isCellError(v)) return new FormulaError(v.error);
  return v ?? '';
}

/**
 * The formula as Excel applies it `rows` down and `columns` right of the range's top-left cell: every
 * relative reference moved, `$` parts kept. References are found outside string literals only.
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  let out = '';
  let i = 0;
  const ref = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(!.])/y;
  while (i < formula.length) {
    const ch = formula[i] ?? '';
    if (ch === '"') {
      const end = formula.indexOf('"', i + 1);
      let j = end;
      while (j >= 0 && formula[j + 1] === '"') j = formula.indexOf('"', j + 2);
      const stop = j < 0 ? formula.length : j + 1;
      out += formula.slice(i, stop);
      i = stop;
      continue;
    }
    const before = formula[i - 1] ?? '';
    ref.lastIndex = i;
    const m = /[A-Za-z0-9_.$]/.test(before) ? null : ref.exec(formula);
    if (m) {
      const [, colAbs = '', letters = '', rowAbs = '', digits = ''] = m;
      const column = colAbs ? letters : columnLetter(columnIndex(letters) + columns);
      const row = rowAbs ? digits : String(Number(digits) + rows);
      out += `${colAbs}${column}${rowAbs}${row}`;
      i += m[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** True where Excel would apply the format: TRUE or a non-zero number. */
function applies(result: unknown): boolean {
  const v = Array.isArray(result) ? (result as unknown[][])[0]?.[0] : result;
  return v === true || (typeof v === 'number' && v !== 0);
}

/** A parser reading the grid (one per grid: the callbacks close over it). */
function engine(grid: Grid): FormulaParser {
  return new FormulaParser({
    functions: EXCEL_FUNCTIONS,
    onCell: (r: CellRef) => engineValue(grid.get(r.row, r.col - 1)),
    onRange: (r: RangeRef) => {
      const out: unknown[][] = [];
      for (let row = r.from.row; row <= r.to.row; row++) {
        const line: unknown[] = [];
        for (let col = r.from.col; col <= r.to.col; col++) line.push(engineValue(grid.get(row, col - 1)));
        out.push(line);
      }
      return out;
    },
  });
}

/** Evaluates one formula (with its "=") at a cell; a syntax error or an unknown function throws FormulaSyntaxError. */
export function evaluateAt(parser: FormulaParser, formula: string, row: number, column: number): unknown {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  try {
    return parser.parse(body, { sheet: 'Sheet', row, col: column + 1 });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new FormulaSyntaxError(`Excel would reject the rule formula ${formula.slice(0, 80)}...: ${detail}`);
  }
}

/** The cells (A1 addresses) one rule colours on the grid. */
export function cellsColoured(rule: ConditionalRule, grid: Grid, parser: FormulaParser = engine(grid)): Set<string> {
  const [from = '', to = from] = rule.range.split(':');
  const a = parseAddress(from);
  const b = parseAddress(to);
  if (!a || !b) throw new Error(`Not a range: ${rule.range}`);
  const out = new Set<string>();
  for (let row = a.row; row <= b.row; row++) {
    for (let column = a.column; column <= b.column; column++) {
      const formula = shiftFormula(rule.formula, row - a.row, column - a.column);
      if (applies(evaluateAt(parser, formula, row, column))) out.add(`${columnLetter(column)}${row}`);
    }
  }
  return out;
}

/** Per rule of the plan (same order), the cells it colours on the snapshot with the plan's status column written. */
export function evaluatePlan(plan: FormatPlan, snapshot: SheetSnapshot): { rule: ConditionalRule; cells: Set<string> }[] {
  const grid = new Grid(snapshot, plan);
  const parser = engine(grid);
  return plan.rules.map((rule) => ({ rule, cells: cellsColoured(rule, grid, parser) }));
}

/** Evaluates a single formula at A1 of an otherwise empty grid holding `values` from A1 (for tests of the evaluator). */
export function evaluateFormula(formula: string, values: CellValue[][] = [], at = 'A1'): unknown {
  const grid = new Grid({ name: 'Sheet', origin: 'A1', values });
  const p = parseAddress(at) ?? { column: 0, row: 1 };
  return evaluateAt(engine(grid), formula, p.row, p.column);
}
