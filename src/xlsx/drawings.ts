import type { DrawingSpan } from '../core/plans/statusCovered';
import { readRels, type XlsxPackage } from './package';
import { attr, decode } from './xml';

/**
 * The drawings (pictures, charts, shapes) anchored on a worksheet, as the cells they span, for the core to
 * tell whether one covers the status column. Cell sizes are not known without the sheet's widths, so a
 * one-cell or absolute anchor's extent is taken at Excel's default cell size (64 x 20 pixels).
 */

const EMU_PER_COLUMN = 609_600; // 64 px at 9,525 EMU a pixel
const EMU_PER_ROW = 190_500; // 20 px

const num = (block: string, name: string) => Number(new RegExp(`<(?:[\\w.-]+:)?${name}>\\s*(-?\\d+)\\s*<`).exec(block)?.[1] ?? 0);

/** A from/to marker: its cell, and whether the drawing ends exactly at the cell's top-left corner (offsets 0). */
function marker(block: string | undefined): { column: number; row: number; flush: boolean } | null {
  if (!block) return null;
  return { column: num(block, 'col'), row: num(block, 'row') + 1, flush: num(block, 'colOff') === 0 && num(block, 'rowOff') === 0 };
}

const part = (anchor: string, name: string) =>
  new RegExp(`<(?:[\\w.-]+:)?${name}[\\s>][\\s\\S]*?</(?:[\\w.-]+:)?${name}>`).exec(anchor)?.[0];

/** The cells one anchor element spans. */
function span(anchor: string): DrawingSpan | null {
  const name = decode(attr(/<(?:[\w.-]+:)?cNvPr\b[^>]*>/.exec(anchor)?.[0] ?? '', 'name') ?? 'a drawing');
  const ext = /<(?:[\w.-]+:)?ext\b[^>]*>/.exec(anchor.replace(/<(?:[\w.-]+:)?xfrm[\s>][\s\S]*?<\/(?:[\w.-]+:)?xfrm>/g, ''))?.[0] ?? '';
  const cx = Number(attr(ext, 'cx') ?? 0);
  const cy = Number(attr(ext, 'cy') ?? 0);
  const from = marker(part(anchor, 'from'));
  const to = marker(part(anchor, 'to'));
  if (from && to) {
    // A drawing ending at a cell's very corner does not reach into that cell.
    const end = to.flush ? { column: to.column - 1, row: to.row - 1 } : to;
    return { name, from, to: { column: Math.max(from.column, end.column), row: Math.max(from.row, end.row) } };
  }
  const pos = /<(?:[\w.-]+:)?pos\b[^>]*>/.exec(anchor)?.[0];
  const start = from ?? {
    column: Math.floor(Number(attr(pos ?? '', 'x') ?? 0) / EMU_PER_COLUMN),
    row: Math.floor(Number(attr(pos ?? '', 'y') ?? 0) / EMU_PER_ROW) + 1,
  };
  return {
    name,
    from: start,
    to: {
      column: start.column + Math.max(0, Math.ceil(cx / EMU_PER_COLUMN) - 1),
      row: start.row + Math.max(0, Math.ceil(cy / EMU_PER_ROW) - 1),
    },
  };
}

/** Every drawing anchored on a worksheet part, as the cells it spans (none when it has no drawing part). */
export function sheetDrawings(pkg: XlsxPackage, sheetPart: string): DrawingSpan[] {
  const out: DrawingSpan[] = [];
  const seen = new Set<string>();
  for (const rel of readRels(pkg, sheetPart)) {
    if (rel.external || !/\/drawing$/.test(rel.type)) continue;
    const xml = pkg.text(rel.target);
    if (xml === undefined) continue;
    for (const m of xml.matchAll(/<((?:[\w.-]+:)?(?:twoCellAnchor|oneCellAnchor|absoluteAnchor))[\s>][\s\S]*?<\/\1>/g)) {
      const s = span(m[0]);
      const key = s && `${s.name}|${s.from.column},${s.from.row}|${s.to.column},${s.to.row}`;
      if (s && key && !seen.has(key)) {
        seen.add(key);
        out.push(s);
      }
    }
  }
  return out;
}
