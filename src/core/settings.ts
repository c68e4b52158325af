import { columnIndex } from './address';
import { fromIso } from './dates';
import type { WorkbookSettings } from './host';
import { validateScale } from './interpret/rating';
import { BUILT_IN_SCALE_NAMES } from './vocabulary/scales';
import type { RatingLevel, Role } from './types';
import { FISCAL_YEARS, ROLES } from './types';

/**
 * Reads settings stored in a workbook (JSON text written by any version, or edited by hand),
 * keeping only what is valid: a bad entry is dropped, never trusted.
 */
export function parseSettings(stored: unknown): WorkbookSettings {
  let raw: unknown = stored;
  if (typeof stored === 'string') {
    try {
      raw = JSON.parse(stored);
    } catch {
      return {};
    }
  }
  if (typeof raw !== 'object' || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const out: { -readonly [K in keyof WorkbookSettings]: WorkbookSettings[K] } = {};
  if (typeof r.asAt === 'string' && fromIso(r.asAt) !== null) out.asAt = r.asAt;
  if (typeof r.statusColumn === 'boolean') out.statusColumn = r.statusColumn;
  if (typeof r.headerRow === 'number' && Number.isInteger(r.headerRow) && r.headerRow >= 1 && r.headerRow <= 1_048_576)
    out.headerRow = r.headerRow;
  const fiscal = FISCAL_YEARS.find((f) => f === r.fiscalYear);
  if (fiscal) out.fiscalYear = fiscal;
  if (typeof r.block === 'number' && Number.isInteger(r.block) && r.block >= 1 && r.block <= 10_000) out.block = r.block;
  if (typeof r.columns === 'object' && r.columns !== null) {
    const columns: Partial<Record<Role, string>> = {};
    for (const role of ROLES) {
      const v = (r.columns as Record<string, unknown>)[role];
      if (typeof v === 'string' && (v === '' || columnIndex(v) >= 0)) columns[role] = v.toUpperCase();
    }
    if (Object.keys(columns).length > 0) out.columns = columns;
  }
  if (typeof r.scale === 'string' && (BUILT_IN_SCALE_NAMES as readonly string[]).includes(r.scale))
    out.scale = r.scale as (typeof BUILT_IN_SCALE_NAMES)[number];
  if (Array.isArray(r.ratingScale)) {
    const levels = r.ratingScale.filter(
      (l): l is RatingLevel =>
        typeof l === 'object' &&
        l !== null &&
        typeof l.key === 'string' &&
        typeof l.label === 'string' &&
        (typeof l.weight === 'number' || l.weight === null) &&
        Array.isArray(l.synonyms) &&
        l.synonyms.every((s: unknown) => typeof s === 'string'),
    );
    if (levels.length > 0 && validateScale(levels).length === 0) out.ratingScale = levels;
  }
  return out;
}
