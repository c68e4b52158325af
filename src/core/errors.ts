/** Why a host could not do what was asked: a broken environment, never a problem in the user's data. */
export type HostErrorCode =
  | 'NotInExcel'
  | 'CellEditMode'
  | 'SheetProtected'
  | 'SheetMissing'
  | 'ChartSheet'
  | 'PayloadTooLarge'
  | 'UnsupportedHost'
  | 'WriteInterrupted'
  /** Excel refused a change that conflicts with the sheet (a table, a filter, merged cells, a name, an undo group). */
  | 'ExcelRefused'
  | 'FileUnreadable'
  | 'Unknown';

/** What had been changed in the workbook when the error happened. */
export type ChangeState = 'nothing' | 'partial';

/**
 * A typed error from a host adapter. `message` is plain words for the user and always says what was and
 * was not changed; `hostCode` is the host's own code (an Office.js error code) where there is one.
 */
export class HostError extends Error {
  override readonly name = 'HostError';
  readonly code: HostErrorCode;
  readonly changed: ChangeState;
  readonly hostCode: string | undefined;

  constructor(code: HostErrorCode, message: string, options: { changed?: ChangeState; hostCode?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.changed = options.changed ?? 'nothing';
    this.hostCode = options.hostCode;
  }
}
