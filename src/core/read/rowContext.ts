import type { CellValue, Finding, Role } from '../types';

/** One table row as the checks see it: its cells by role, where they are, and where findings go. */
export interface RowContext {
  readonly rowNumber: number;
  readonly id: string | null;
  /** "R5", or "The recommendation in row 9" when it has no reference. */
  readonly name: string;
  /** Whether the table has a column for the role. */
  has(role: Role): boolean;
  /** A1 address of the role's cell in this row, or null without a column. */
  at(role: Role): string | null;
  /** True when the role's cell holds an error value (reported once, as CELL_ERROR). */
  errored(role: Role): boolean;
  /** The role's cell as text, trimmed ("" for an error value). */
  text(role: Role): string;
  raw(role: Role): CellValue;
  /** The value in this row of a column given by letter (tick-mark columns). */
  rawAt(letter: string): CellValue;
  /** A1 address in this row of a column given by letter, or null. */
  cellAt(letter: string | null): string | null;
  numberFormat(role: Role): string | undefined;
  report(f: Finding): void;
}
