import { dayNumber, isValidDate, toIso } from '../core/dates';

/** Reads a British date typed as dd/mm/yyyy (also with dots, dashes or spaces) as ISO; null when it is not one. */
export function parseUkDate(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDate(year, month, day) ? toIso(dayNumber(year, month, day)) : null;
}

/** Shows an ISO date as dd/mm/yyyy, the way an en-GB user reads and types it. */
export function formatUkDate(iso: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}
