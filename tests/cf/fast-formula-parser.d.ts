/** The few parts of fast-formula-parser (MIT, no bundled typings) that the conditional-format evaluator uses. */
declare module 'fast-formula-parser' {
  export interface CellRef {
    readonly sheet?: string;
    readonly row: number;
    readonly col: number;
  }
  export interface RangeRef {
    readonly sheet?: string;
    readonly from: { readonly row: number; readonly col: number };
    readonly to: { readonly row: number; readonly col: number };
  }
  /** An argument as the parser hands it to a function: the value, already read from any reference. */
  export interface Arg {
    readonly value: unknown;
    readonly isArray?: boolean;
    readonly omitted?: boolean;
  }
  export class FormulaError extends Error {
    constructor(error: string, message?: string, details?: unknown);
    readonly error: string;
    static readonly VALUE: FormulaError;
    static readonly NA: FormulaError;
    static readonly REF: FormulaError;
    static readonly NAME: FormulaError;
    static readonly DIV0: FormulaError;
  }
  export const Types: { readonly NUMBER: number; readonly STRING: number; readonly BOOLEAN: number };
  export const FormulaHelpers: { accept(param: Arg | undefined, type?: number | null, defValue?: unknown): unknown };
  export default class FormulaParser {
    constructor(config: {
      functions?: Record<string, (...args: Arg[]) => unknown>;
      onCell?: (ref: CellRef) => unknown;
      onRange?: (ref: RangeRef) => unknown[][];
    });
    parse(formula: string, position: CellRef & { sheet: string }, allowReturnArray?: boolean): unknown;
  }
}
