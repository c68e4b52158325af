import { columnIndex, columnLetter } from '../address';
import type { Finding } from '../types';
import type { FormatPlan } from './formatPlan';

/**
 * A picture, chart or shape over the status column. Adapters report each drawing of the analysed sheet as
 * the cells it spans; the core decides which cover the status column's cells (F2), and says so: the
 * column is written all the same (it is the user's picture to move), but a status nobody can see is no use.
 */

/** A drawing as an adapter reports it: its name and the cells it spans (0-based columns, 1-based rows). */
export interface DrawingSpan {
  readonly name: string;
  readonly from: { readonly column: number; readonly row: number };
  readonly to: { readonly column: number; readonly row: number };
}

/** STATUS_COLUMN_COVERED for each drawing over the status column's cells (header to last row), in the order given. */
export function statusCoveredFindings(plan: FormatPlan, drawings: readonly DrawingSpan[]): Finding[] {
  const status = plan.status;
  if (!status) return [];
  const column = columnIndex(status.column);
  const [first = '', last = first] = status.range.split(':');
  const top = Number(/\d+$/.exec(status.headerCell)?.[0] ?? /\d+$/.exec(first)?.[0] ?? 1);
  const bottom = Number(/\d+$/.exec(last)?.[0] ?? top);
  return drawings
    .filter((d) => d.from.column <= column && column <= d.to.column && d.from.row <= bottom && top <= d.to.row)
    .map((d) => {
      const anchor = `${columnLetter(d.from.column)}${d.from.row}:${columnLetter(d.to.column)}${d.to.row}`;
      return {
        rule: 'STATUS_COLUMN_COVERED',
        severity: 'warning',
        cell: `${status.column}${top}`,
        row: top,
        id: null,
        message: `The picture or chart "${d.name}" (over ${anchor}) covers the status column ${status.column}, so some statuses cannot be seen. Move or resize it; the column was written all the same.`,
      } satisfies Finding;
    });
}
