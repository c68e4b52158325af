import { dayNumber, isValidDate, toIso } from '../core/dates';

type Part = 'day' | 'month' | 'year';

/** How a locale writes a short date: the order of its parts, the separator, and the pattern shown to the user. */
export interface DateShape {
  readonly order: readonly Part[];
  readonly separator: string;
  /** "dd/mm/yyyy" for en-GB, "mm/dd/yyyy" for en-US, "dd.mm.yyyy" for de-DE. */
  readonly pattern: string;
}

const LETTERS: Record<Part, string> = { day: 'dd', month: 'mm', year: 'yyyy' };
const BRITISH: DateShape = { order: ['day', 'month', 'year'], separator: '/', pattern: 'dd/mm/yyyy' };

/** The short-date shape of `locale`, from the browser's own Intl data (British when the locale is unknown). */
export function dateShape(locale: string): DateShape {
  try {
    const parts = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(
      new Date(2002, 2, 31),
    );
    const order = parts.map((p) => p.type).filter((t): t is Part => t === 'day' || t === 'month' || t === 'year');
    if (order.length !== 3) return BRITISH;
    const separator = parts.find((p, i) => p.type === 'literal' && i > 0 && i < parts.length - 1)?.value ?? '/';
    return { order, separator, pattern: order.map((p) => LETTERS[p]).join(separator) };
  } catch {
    return BRITISH;
  }
}

/** Reads a date typed in the locale's order (any of / . - or spaces between the parts) as ISO; null when it is not one. */
export function parseLocaleDate(text: string, locale: string): string | null {
  const groups = text.trim().split(/[\s/.-]+/);
  const { order } = dateShape(locale);
  if (groups.length !== 3 || groups.some((g) => !/^\d+$/.test(g))) return null;
  const value = (part: Part) => groups[order.indexOf(part)] ?? '';
  if (!/^\d{4}$/.test(value('year')) || value('day').length > 2 || value('month').length > 2) return null;
  const [year, month, day] = [Number(value('year')), Number(value('month')), Number(value('day'))];
  return isValidDate(year, month, day) ? toIso(dayNumber(year, month, day)) : null;
}

/** Shows an ISO date in the locale's short form with two-digit day and month ("31/03/2002" for en-GB). */
export function formatLocaleDate(iso: string | undefined, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!m) return '';
  const shape = dateShape(locale);
  const parts: Record<Part, string> = { year: m[1] ?? '', month: m[2] ?? '', day: m[3] ?? '' };
  return shape.order.map((p) => parts[p]).join(shape.separator);
}

/** The browser's language (Office's web view follows Office's), British English when there is none. */
export function browserLocale(): string {
  return (typeof navigator !== 'undefined' && navigator.language) || 'en-GB';
}
