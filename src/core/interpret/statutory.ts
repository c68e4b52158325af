import { normalise } from '../cells';

const YES = new Set(['statutory', 'yes', 'y', 'true', 's', 'statutory requirement']);
const NO = new Set(['non statutory', 'nonstatutory', 'not statutory', 'no', 'n', 'false', 'ns', 'discretionary']);

/** Reads a statutory cell: true, false, or null when the text is not a statutory marker. */
export function readStatutory(text: string): boolean | null {
  const n = normalise(text);
  if (YES.has(n)) return true;
  if (NO.has(n)) return false;
  return null;
}

/** A marker found in a Subject cell, and the subject with the marker taken out. */
export interface SubjectMarker {
  readonly statutory: boolean | null;
  readonly subject: string;
}

// Trailing marker in brackets or after a dash ("... (Statutory)", "... - Non-statutory"), or in capitals ("... STATUTORY").
const TRAILING_RE =
  /(?:\s*[([]\s*((?:non|not)?[\s-]?statutory)\s*[)\]]|\s+[-\u2013:]\s*((?:non|not)?[\s-]?statutory)|\s+((?:NON|NOT)?[\s-]?STATUTORY))\s*$/i;

/**
 * Finds the statutory status written inside a Subject cell: a line of its own (as in the
 * reference appendix) or a trailing marker. "Nonstatutory" is never read as statutory.
 */
export function subjectMarker(subject: string): SubjectMarker {
  if (!/statutory/i.test(subject)) return { statutory: null, subject: subject.trim() };
  // The usual layout, the marker alone on the last line, without splitting the cell.
  const trimmedEnd = subject.trimEnd();
  const lastBreak = trimmedEnd.lastIndexOf('\n');
  if (lastBreak > 0) {
    const last = trimmedEnd.slice(lastBreak + 1).trim();
    const status = readStatutory(last);
    const rest = trimmedEnd.slice(0, lastBreak).trim();
    if (status !== null && /statutory/i.test(last) && rest !== '') return { statutory: status, subject: rest };
  }
  const lines = subject
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  for (let i = lines.length - 1; i >= 1; i--) {
    const status = readStatutory(lines[i] ?? '');
    if (status !== null && /statutory/i.test(lines[i] ?? '')) {
      return { statutory: status, subject: lines.filter((_, j) => j !== i).join('\n') };
    }
  }
  const m = TRAILING_RE.exec(subject.trimEnd());
  const word = m ? (m[1] ?? m[2] ?? m[3]) : undefined;
  if (m && word !== undefined && (m[3] === undefined || m[3] === m[3].toUpperCase())) {
    return { statutory: readStatutory(word), subject: subject.slice(0, m.index).trim() };
  }
  return { statutory: null, subject: subject.trim() };
}
