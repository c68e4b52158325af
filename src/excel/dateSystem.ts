import { isDateFormat } from '../core/dates';
import type { SheetSnapshot } from '../core/types';

/** Days between Excel's 1900 and 1904 date systems: a 1904 workbook's serials are this much smaller. */
export const DAYS_1904 = 1462;

/**
 * Queues DATE(1904,1,1) as the workbook computes it (Excel.Functions, ExcelApi 1.2). The release API cannot say
 * which date system a workbook uses (`Workbook.use1904DateSystem` is preview only), but worksheet functions follow
 * it: the answer is 0 on the 1904 system of old Mac workbooks and 1462 on the 1900 system. One operation riding on
 * the first sync, no write, nothing read from the user's cells.
 */
export function queueDateSystemProbe(context: Excel.RequestContext): Excel.FunctionResult<number> {
  const probe = context.workbook.functions.date(1904, 1, 1);
  probe.load('value');
  return probe;
}

/** True when the synced probe says the workbook counts days from 1904; false when it cannot say. */
export function isDate1904(probe: Excel.FunctionResult<number>): boolean {
  try {
    return probe.value === 0;
  } catch {
    return false;
  }
}

/** The snapshot with every date-formatted number moved to the 1900 system, as the .xlsx reader does on 1904 files. */
export function to1900Dates(snapshot: SheetSnapshot): SheetSnapshot {
  const formats = snapshot.numberFormats;
  if (!formats) return snapshot;
  const values = snapshot.values.map((row, r) =>
    row.map((v, c) => (typeof v === 'number' && isDateFormat(formats[r]?.[c]) ? v + DAYS_1904 : v)),
  );
  return { ...snapshot, values };
}
