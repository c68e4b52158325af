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

type HostErrorKind = ConstructorParameters<typeof HostError>[0];

/** One Excel error code's meaning: the kind of HostError and the words for the user, given the quoted sheet name (or ''). */
interface CodeMeaning {
  readonly kind: HostErrorKind;
  readonly text: (on: string) => string;
}

// Codes from Excel.ErrorCodes (https://learn.microsoft.com/javascript/api/excel/excel.errorcodes), meanings from
// https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling.
const PAYLOAD_TOO_LARGE: CodeMeaning = {
  kind: 'PayloadTooLarge',
  text: () => 'The sheet is too large for Excel to send in one piece, even in blocks.',
};
const UNSUPPORTED_HOST: CodeMeaning = {
  kind: 'UnsupportedHost',
  text: () =>
    'This version of Excel does not support what the add-in needs (ExcelApi 1.9 or later: Microsoft 365, Excel 2021 or Excel on the web).',
};
const USED_AREA_TOO_LARGE: CodeMeaning = {
  kind: 'PayloadTooLarge',
  text: (on) =>
    `The used area of${on || ' the sheet'} is larger than Excel lets an add-in handle at once. Press Ctrl+End to see where Excel thinks the sheet ends, delete the empty rows and columns between the table and that cell, save, then run it again.`,
};

const CODE_MEANINGS: Readonly<Record<string, CodeMeaning>> = {
  InvalidOperationInCellEditMode: {
    kind: 'CellEditMode',
    text: () => 'Excel is busy editing a cell. Press Enter or Esc to leave the cell, then try again.',
  },
  // Older documentation gives this code for cell-edit mode too.
  InvalidOperation: {
    kind: 'ExcelRefused',
    text: (on) =>
      `Excel refused the change on${on || ' the sheet'}: it may be busy editing a cell (press Enter or Esc), or the change conflicts with an Excel table, a filter or merged cells there.`,
  },
  UndoNotSupported: {
    kind: 'ExcelRefused',
    text: () =>
      'Excel could not group the changes into one undo step, even after trying again without grouping. Press Ctrl+Z to check what was undone, then run it again.',
  },
  UnsupportedSheet: {
    kind: 'ChartSheet',
    text: (on) =>
      `The sheet${on} is not an ordinary worksheet (a chart sheet, macro sheet or dialog sheet), so the add-in cannot work on it. Select the worksheet that holds the action plan and try again.`,
  },
  FilteredRangeConflict: {
    kind: 'ExcelRefused',
    text: (on) =>
      `A filter on${on || ' the sheet'} hides rows that the change would touch, so Excel refused it. Clear the filter (Data > Clear), then run it again.`,
  },
  MergedRangeConflict: {
    kind: 'ExcelRefused',
    text: (on) =>
      `Merged cells on${on || ' the sheet'} are in the way (in or right of the table). Unmerge them (Home > Merge & Center), or turn the status column off in Settings, then run it again.`,
  },
  FormulaLengthExceedsLimit: {
    kind: 'ExcelRefused',
    text: () =>
      'Excel refused a conditional-format rule as too long for this version of Excel. Please report this, with your Excel version.',
  },
  ItemAlreadyExists: {
    kind: 'ExcelRefused',
    text: () =>
      'A sheet or name the add-in needed already exists (created at the same moment, perhaps by another run or a co-author). Run it again.',
  },
  AccessDenied: {
    kind: 'SheetProtected',
    text: (on) =>
      `The sheet${on} or the workbook is protected, so Excel refused the change. Unprotect it (Review > Unprotect Sheet), or use Check only.`,
  },
  ItemNotFound: {
    kind: 'SheetMissing',
    text: (on) =>
      `The sheet${on} could not be found: it may have been renamed or deleted, or a chart sheet is selected. Select the worksheet that holds the action plan and try again.`,
  },
  RequestPayloadSizeLimitExceeded: PAYLOAD_TOO_LARGE,
  ResponsePayloadSizeLimitExceeded: PAYLOAD_TOO_LARGE,
  ApiNotFound: UNSUPPORTED_HOST,
  NotImplemented: UNSUPPORTED_HOST,
  // "The source worksheet contains one or more unsupported features": the sheet, not the Excel version.
  UnsupportedFeature: {
    kind: 'ExcelRefused',
    text: (on) =>
      `The sheet${on} holds something Excel will not let an add-in work on (Excel says it "contains one or more unsupported features"). Copy the table to a new sheet (Paste Special > Values and formats) and run it there, or use Check only.`,
  },
  InactiveWorkbook: {
    kind: 'ExcelRefused',
    text: () => 'Another workbook took the focus while the add-in was working. Click in this workbook, then run it again.',
  },
  RangeExceedsLimit: USED_AREA_TOO_LARGE,
  OperationCellsExceedLimit: USED_AREA_TOO_LARGE,
  PivotTableRangeConflict: {
    kind: 'ExcelRefused',
    text: (on) =>
      `A PivotTable on${on || ' the sheet'} is where the add-in would write (the status column beside the table). Move the PivotTable, or turn the status column off in Settings, then run it again.`,
  },
  GeneralException: {
    kind: 'Unknown',
    text: () => 'Excel had an internal error while working. Run it again; if it happens again, save, close and reopen the workbook.',
  },
  RequestAborted: {
    kind: 'Unknown',
    text: () =>
      'Excel stopped the request before it finished (the workbook may have been closed or its session ended). Open it and run it again.',
  },
};

/** The meaning of an error no code in the table explains: unexpected (no code) or Excel's own words. */
function unlistedMeaning(error: unknown, code: string | undefined): CodeMeaning {
  if (code === undefined) {
    return { kind: 'Unknown', text: () => `Something unexpected went wrong (${error instanceof Error ? error.message : String(error)}).` };
  }
  return {
    kind: 'Unknown',
    text: () => `Excel reported an error (${code}${error instanceof Error && error.message ? `: ${error.message}` : ''}).`,
  };
}

/** Turns whatever Excel threw into a HostError whose message says what happened and what was changed. */
export function toHostError(error: unknown, changed: ChangeState, sheet?: string): HostError {
  if (error instanceof HostError) return error;
  const code = officeCode(error);
  const tail = changed === 'partial' ? AFTER_PARTIAL : NOTHING;
  const on = sheet ? ` "${sheet}"` : '';
  // Own properties only: a code such as "toString" must not find Object.prototype's.
  const listed = code !== undefined && Object.prototype.hasOwnProperty.call(CODE_MEANINGS, code) ? CODE_MEANINGS[code] : undefined;
  const meaning = listed ?? unlistedMeaning(error, code);
  return new HostError(meaning.kind, `${meaning.text(on)} ${tail}`, { changed, hostCode: code, cause: error });
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
