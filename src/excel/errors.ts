import { HostError, type ChangeState } from '../core/errors';

const AFTER_PARTIAL =
  'Some formatting, the status column or the summary sheet may be partly written; no value of yours was changed. Run it again to finish the job.';
const NOTHING = 'Nothing was changed.';

/** The code of an OfficeExtension.Error, or undefined for anything else. */
function officeCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof (error as { code: unknown }).code === 'string') {
    return (error as { code: string }).code;
  }
  return undefined;
}

/** Turns whatever Excel threw into a HostError whose message says what happened and what was changed. */
export function toHostError(error: unknown, changed: ChangeState, sheet?: string): HostError {
  if (error instanceof HostError) return error;
  const code = officeCode(error);
  const tail = changed === 'partial' ? AFTER_PARTIAL : NOTHING;
  const on = sheet ? ` "${sheet}"` : '';
  const make = (kind: ConstructorParameters<typeof HostError>[0], text: string) =>
    new HostError(kind, `${text} ${tail}`, { changed, hostCode: code, cause: error });
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      return make('CellEditMode', 'Excel is busy editing a cell. Press Enter or Esc to leave the cell, then try again.');
    case 'AccessDenied':
      return make(
        'SheetProtected',
        `The sheet${on} or the workbook is protected, so Excel refused the change. Unprotect it (Review > Unprotect Sheet), or use Check only.`,
      );
    case 'ItemNotFound':
      return make(
        'SheetMissing',
        `The sheet${on} could not be found: it may have been renamed or deleted, or a chart sheet is selected. Select the worksheet that holds the action plan and try again.`,
      );
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return make('PayloadTooLarge', 'The sheet is too large for Excel to send in one piece, even in blocks.');
    case 'ApiNotFound':
    case 'NotImplemented':
    case 'UnsupportedFeature':
      return make(
        'UnsupportedHost',
        'This version of Excel does not support what the add-in needs (ExcelApi 1.9 or later: Microsoft 365, Excel 2021 or Excel on the web).',
      );
    case undefined:
      return make('Unknown', `Something unexpected went wrong (${error instanceof Error ? error.message : String(error)}).`);
    default:
      return make('Unknown', `Excel reported an error (${code}${error instanceof Error && error.message ? `: ${error.message}` : ''}).`);
  }
}

/** True for the error Excel gives when a read or write is too large for one request. */
export function isPayloadLimit(error: unknown): boolean {
  const code = officeCode(error);
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

/** True for the error a merged undo group gives when one of its calls cannot be undone. */
export function isUndoNotSupported(error: unknown): boolean {
  return officeCode(error) === 'UndoNotSupported';
}
