import ExcelJS from 'exceljs';
import type { CellValue } from '../core/types';

/** The reference appendix as transcribed in ../shared/reference/action-plan-2001-02.json. */
export interface ReferenceJson {
  title_rows: string[];
  header: string[];
  rows: { no: string; subject: string; statutory: string; lead: string; timescales: string; recommendation: string; progress: string }[];
}

/**
 * The appendix in its original layout, as sheet-shaped values: the title rows, a blank row, the header,
 * then one row per recommendation with statutory status as the second line of the Subject cell and the
 * rating as the last line of the Progress cell.
 */
export function sampleValues(json: ReferenceJson): CellValue[][] {
  const width = json.header.length;
  const pad = (cells: CellValue[]): CellValue[] => [...cells, ...Array<CellValue>(width - cells.length).fill(null)];
  return [
    ...json.title_rows.map((t) => pad([t])),
    pad([]),
    [...json.header],
    ...json.rows.map((r) => [r.no, `${r.subject}\n${r.statutory}`, r.lead, r.timescales, r.recommendation, r.progress]),
  ];
}

/** The sample workbook: the appendix on a sheet "Appendix 1", plainly formatted as the original was. Fixed dates keep it reproducible. */
export function sampleWorkbook(json: ReferenceJson): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Action Plan Checker sample';
  workbook.created = new Date(Date.UTC(2002, 2, 31));
  workbook.modified = new Date(Date.UTC(2002, 2, 31));
  const ws = workbook.addWorksheet('Appendix 1');
  sampleValues(json).forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    cells.forEach((v, c) => {
      if (v !== null && typeof v !== 'object') row.getCell(c + 1).value = v;
    });
  });
  ws.getCell('A2').font = { bold: true };
  [6, 24, 20, 20, 40, 80].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return workbook;
}
