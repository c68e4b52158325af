import { readFileSync } from 'node:fs';
import { columnIndex } from '../core/address';
import { validateScale } from '../core/interpret/scales';
import type { AnalyseOptions, FiscalYear, RatingLevel, Role } from '../core/types';
import { FISCAL_YEARS, ROLES } from '../core/types';
import { BUILT_IN_SCALE_NAMES } from '../core/vocabulary/scales';

/** A command-line value that cannot be used: the caller turns it into exit 2 with this message. */
export class TableOptionError extends Error {
  override readonly name = 'TableOptionError';
}

/** `--columns id=A,recommendation=C,...`: role -> column letter, as the pane's settings choose them. */
export function parseColumns(text: string): Partial<Record<Role, string>> {
  const out: Partial<Record<Role, string>> = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const [role = '', letter = ''] = part.split('=').map((s) => s.trim());
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new TableOptionError(
        `--columns: "${role}" is not a column role; use ${ROLES.join(', ')} (for example --columns id=A,timescale=D).`,
      );
    }
    if (columnIndex(letter) < 0) throw new TableOptionError(`--columns: "${letter}" for ${role} is not a column letter.`);
    out[role as Role] = letter.toUpperCase();
  }
  return out;
}

/** `--header-row N`: the 1-based worksheet row of the (last) header row. */
export function parseHeaderRow(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 1_048_576)
    throw new TableOptionError(`--header-row must be a row number from 1 to 1048576, not "${text}".`);
  return n;
}

/** Parses --fiscal-year: uk (April-March), us (October-September) or au (July-June). */
export function parseFiscalYear(text: string): FiscalYear {
  const fiscal = FISCAL_YEARS.find((f) => f === text.trim().toLowerCase());
  if (!fiscal)
    throw new TableOptionError(`--fiscal-year must be uk (April to March), us (October to September) or au (July to June), not "${text}".`);
  return fiscal;
}

/** `--block N`: the 1-based number of the table to read, where a sheet holds several (T2). */
export function parseBlock(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new TableOptionError(`--block must be a table number (1, 2, ...), not "${text}".`);
  return n;
}

interface LevelInFile {
  label?: unknown;
  words?: unknown;
  synonyms?: unknown;
  weight?: unknown;
  complete?: unknown;
  excluded?: unknown;
}

function levelFromFile(raw: LevelInFile, i: number, file: string): RatingLevel {
  const label = typeof raw.label === 'string' ? raw.label.trim() : '';
  if (label === '') throw new TableOptionError(`--scale ${file}: level ${i + 1} has no "label".`);
  const words = raw.words ?? raw.synonyms ?? [];
  if (!Array.isArray(words) || !words.every((w) => typeof w === 'string')) {
    throw new TableOptionError(`--scale ${file}: the "words" of "${label}" must be a list of text.`);
  }
  const weight = raw.weight === undefined || raw.weight === null ? null : Number(raw.weight);
  return {
    key: `level${i + 1}`,
    label,
    weight: weight === null || Number.isFinite(weight) ? weight : NaN,
    synonyms: words,
    ...(raw.complete === true ? { complete: true } : {}),
    ...(raw.excluded === true ? { excluded: true } : {}),
  };
}

/**
 * `--scale extent|implementation|rag|percent|FILE.json`: a built-in scale, or a custom one from a file
 * holding a list of levels best first, each `{ "label", "words", "weight", "complete", "excluded" }`.
 */
export function parseScale(value: string): Pick<AnalyseOptions, 'scale' | 'ratingScale'> {
  if ((BUILT_IN_SCALE_NAMES as readonly string[]).includes(value)) return { scale: value as (typeof BUILT_IN_SCALE_NAMES)[number] };
  if (!/\.json$/i.test(value))
    throw new TableOptionError(`--scale must be one of ${BUILT_IN_SCALE_NAMES.join(', ')}, or a .json file of levels, not "${value}".`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(value, 'utf8'));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : 'it is not readable JSON';
    throw new TableOptionError(`--scale ${value}: ${why}.`);
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { levels?: unknown } | null)?.levels;
  if (!Array.isArray(list) || list.length === 0) throw new TableOptionError(`--scale ${value}: expected a list of levels, best first.`);
  const levels = list.map((l, i) => levelFromFile((l ?? {}) as LevelInFile, i, value));
  const problems = validateScale(levels);
  if (problems.length > 0) throw new TableOptionError(`--scale ${value}: ${problems[0]}`);
  return { ratingScale: levels };
}
