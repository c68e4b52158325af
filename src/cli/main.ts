import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { CoreOptionError } from '../core/analyse';
import { formatLong, fromIso, isoFromDate } from '../core/dates';
import { HostError } from '../core/errors';
import { compareSnapshots, snapshotOf, type Movement } from '../core/figures/movement';
import { parseTimescale } from '../core/interpret/parseTimescale';
import type { AnalyseOptions } from '../core/types';
import {
  applyToWorkbook,
  chooseSheet,
  loadWorkbookBytes,
  workbookBytes,
  type ApplyResult,
  type CheckedSheet,
  type LoadedWorkbook,
} from '../xlsx/workbook';
import { readInput, resolveOutput, writeOutput, type InputFile, type WriteBytes, type Written } from './files';
import { notAWorkbook } from './identify';
import { movementReport, type ReturnSide } from './movementReport';
import { humanReport, jsonReport } from './report';
import { parseBlock, parseColumns, parseFiscalYear, parseHeaderRow, parseScale, TableOptionError } from './tableOptions';

/** Where the command writes; injected so tests can run it in-process. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  stdin: NodeJS.ReadableStream;
  /** Writes the output's bytes; tests inject a failing one to simulate a full disk. */
  write?: WriteBytes;
}

/** Bad command-line input: exit 2 with a one-line reason. */
class UsageError extends Error {
  override readonly name = 'UsageError';
}

const HELP: Record<string, string> = {
  main: `action-plan: check and format audit action plan progress summaries in .xlsx files, without Excel.

Usage:
  action-plan check <file.xlsx> [--sheet NAME] [--as-at YYYY-MM-DD] [--scale NAME] [--header-row N] [--block N] [--fiscal-year uk|us|au] [--columns id=A,...] [--json]
  action-plan apply <file.xlsx> --out <out.xlsx> [--sheet NAME] [--as-at YYYY-MM-DD] [--no-status-column]
  action-plan apply <file.xlsx> --in-place [...]
  action-plan compare <previous.xlsx> <current.xlsx> [--sheet NAME] [--json]
  action-plan timescales [--ref YYYY-MM-DD] < phrases.txt

Run "action-plan <command> --help" for each command. Exit codes: 0 no errors found, 1 errors found, 2 could not run.
`,
  check: `action-plan check <file.xlsx> [--sheet NAME] [--as-at YYYY-MM-DD] [--today YYYY-MM-DD] [--json]

Checks the action plan and prints headline figures and findings grouped by severity. Writes nothing.
  --sheet NAME        the sheet to check (default: the first sheet on which a table is found)
  --as-at DATE        the position date (default: the date the sheet states, above, under or beside
                      the table, else today)
  --today DATE        the date to treat as today (for reproducible reports)
  --scale NAME|FILE   the status scale: extent (Recommendation met: completely ...), implementation
                      (Implemented / In progress / Not started), rag (Blue/Green/Amber/Red/Grey), percent,
                      or a .json file of levels best first: [{"label","words","weight","complete","excluded"}]
                      (default: the scale that reads most of the table's status values)
  --header-row N      the table's header row (default: found in the first 50 rows)
  --block N           where the sheet holds several tables (one per audit, addressee or year, each
                      with its own header), read table N alone (default: every table with the columns
                      of the header found, as one plan); the report lists the tables found
  --fiscal-year uk|us|au  the body's financial year, for "FY2025" and "Q3 FY2025": uk April to March,
                      us October to September, au July to June (default: US when the sheet writes a
                      year alone as "FY2025" and no "2024/25", else UK; the report says which it assumed)
  --columns ROLE=COL,...  columns by role, overriding what is found: id, subject, statutory, lead,
                      timescale, originalTimescale, recommendation, progress, rating (the status), priority,
                      completed (the date done), days (planned days), opinion (assurance opinion)
  --json              one JSON object (stable field names) instead of the report
  --previous FILE     the previous return of this plan (read at its own as-at date): adds what moved
                      since then, as compare lists it
Exit 0 when no finding is an error, 1 when some are, 2 when it cannot run.
`,
  apply: `action-plan apply <file.xlsx> --out <out.xlsx> [--sheet NAME] [--as-at YYYY-MM-DD] [--no-status-column]
action-plan apply <file.xlsx> --in-place [...]

Writes a checked, formatted, flagged and summarised copy: header style, widths, frozen header, filter,
rating colours and statutory highlighting as live rules, a "Check (auto)" status column and a summary sheet.
No value of yours is changed. Running it on its own output changes nothing more.
  --out FILE          where to write the copy (never the input itself, by any path or link)
  --in-place          replace the input (the real file, if it is a link), keeping the original as
                      FILE.bak.xlsx beside it (FILE.bak-2.xlsx ... when that exists); every part the
                      command does not change is copied as it was (charts, images, macros, comments ...)
The output keeps the input's permissions and is written through a temporary file and a rename, so a
failure or Ctrl+C leaves the input as it was and no partial file.
  --no-status-column  do not write the status column
  --remove-signature  a digitally signed workbook is refused (any change invalidates its signature);
                      with this, the copy is written without the signature, and the run says so
  --previous FILE     the previous return of this plan: the summary sheet gains a "Since <its as-at
                      date>" block (completed, status up and down, newly overdue, added, removed, ...)
  --sheet, --as-at, --today, --scale, --header-row, --block, --fiscal-year, --columns, --json as for check
Exit codes as for check.
`,
  compare: `action-plan compare <previous.xlsx> <current.xlsx> [--sheet NAME] [--today YYYY-MM-DD] [--json]

Compares two returns of one plan and lists what moved: completed, status improved, status worse, newly
overdue, added, removed, due date moved, and open items whose progress text is unchanged. Recommendations
are matched by reference, or by their text where references are missing or renumbered (the report says
which). Each return's as-at date is its own (from its title rows). Writes nothing.
  --sheet NAME        the sheet to compare in each file (a file without it: its first sheet with a table)
  --today DATE        the date to treat as today (a return without an as-at date is taken as at today)
  --scale, --header-row, --block, --fiscal-year, --columns as for check, for both files
  --json              { previous: {file, sheet, asAt, asAtSource}, current: {...}, movement: {matched, completed, ...} }
Exit 0 when compared, 2 when either file cannot be read or has no action-plan table.
`,
  timescales: `action-plan timescales [--ref YYYY-MM-DD]

Reads one timescale phrase per line on standard input and prints one JSON object per line:
{"text","kind","due","yearInferred"}, due as YYYY-MM-DD or null. --ref is the document date that places
two-digit and missing years (default today).
`,
};

function date(label: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (fromIso(value) === null) throw new UsageError(`--${label} must be a real date in the form YYYY-MM-DD, not "${value}".`);
  return value;
}

/** Prints progress on stderr once a file has taken more than two seconds. */
function progress(io: Io): { step: (text: string) => void; done: () => void } {
  const started = Date.now();
  let last = '';
  const timer = setInterval(() => {
    if (last) io.err(`${last} (${Math.round((Date.now() - started) / 1000)} s)\n`);
  }, 2000);
  timer.unref?.();
  return { step: (text) => (last = text), done: () => clearInterval(timer) };
}

/** What `check` and `apply` were asked to do. */
interface Request {
  readonly file: string;
  readonly sheet: string | undefined;
  readonly json: boolean;
  readonly today: string;
  readonly todayGiven: boolean;
  readonly options: AnalyseOptions;
  /** Where `apply` writes; null for `check`. */
  readonly target: { inPlace: true } | { out: string } | null;
  readonly statusColumn: boolean;
  /** A signed workbook may lose its signature (--remove-signature); otherwise it is refused. */
  readonly removeSignature: boolean;
  /** The previous return to compare with (--previous), if any. */
  readonly previous: string | undefined;
}

/** --scale, --header-row, --block, --fiscal-year and --columns: the pane's table settings, on the command line. */
function tableOptions(values: Record<string, unknown>): Partial<AnalyseOptions> {
  try {
    return {
      ...(typeof values.scale === 'string' ? parseScale(values.scale) : {}),
      ...(typeof values['header-row'] === 'string' ? { headerRow: parseHeaderRow(values['header-row']) } : {}),
      ...(typeof values.block === 'string' ? { block: parseBlock(values.block) } : {}),
      ...(typeof values['fiscal-year'] === 'string' ? { fiscalYear: parseFiscalYear(values['fiscal-year']) } : {}),
      ...(typeof values.columns === 'string' ? { columns: parseColumns(values.columns) } : {}),
    };
  } catch (e) {
    if (e instanceof TableOptionError) throw new UsageError(e.message);
    throw e;
  }
}

/** Parses the arguments of check and apply; null after printing --help. */
function request(args: string[], io: Io, writing: boolean): Request | null {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      sheet: { type: 'string' },
      'as-at': { type: 'string' },
      today: { type: 'string' },
      json: { type: 'boolean' },
      scale: { type: 'string' },
      'header-row': { type: 'string' },
      block: { type: 'string' },
      'fiscal-year': { type: 'string' },
      columns: { type: 'string' },
      previous: { type: 'string' },
      help: { type: 'boolean' },
      ...(writing
        ? {
            out: { type: 'string' },
            'in-place': { type: 'boolean' },
            'no-status-column': { type: 'boolean' },
            'remove-signature': { type: 'boolean' },
          }
        : {}),
    },
  });
  const command = writing ? 'apply' : 'check';
  if (values.help) {
    io.out(HELP[command] ?? '');
    return null;
  }
  if (positionals.length !== 1) throw new UsageError(`${command} needs exactly one .xlsx file (see action-plan ${command} --help).`);
  const today = date('today', values.today as string | undefined) ?? isoFromDate(new Date());
  const asAt = date('as-at', values['as-at'] as string | undefined);
  let target: Request['target'] = null;
  if (writing) {
    const inPlace = values['in-place'] === true;
    const out = values.out as string | undefined;
    if (inPlace && out) throw new UsageError('Use either --out or --in-place, not both.');
    if (!inPlace && !out) throw new UsageError('apply needs --out <out.xlsx> (or --in-place).');
    target = out ? { out } : { inPlace: true };
  }
  return {
    file: positionals[0] ?? '',
    sheet: values.sheet as string | undefined,
    json: values.json === true,
    today,
    todayGiven: values.today !== undefined,
    options: { today, ...(asAt ? { asAt } : {}), ...tableOptions(values) },
    target,
    statusColumn: values['no-status-column'] !== true,
    removeSignature: values['remove-signature'] === true,
    previous: values.previous as string | undefined,
  };
}

/** Reads the input carefully and opens it as a workbook; anything else is named plainly (exit 2). */
async function open(file: string): Promise<{ input: InputFile } & LoadedWorkbook> {
  const input = await readInput(file);
  const foreign = notAWorkbook(input.bytes, file);
  if (foreign) throw new HostError('FileUnreadable', foreign);
  return { input, ...(await loadWorkbookBytes(input.bytes, file)) };
}

/**
 * One return of a comparison, analysed; no table is a one-line failure (exit 2). `lenient`: the previous
 * return may lack the sheet named (quarterly returns rename it), and then its first sheet with a table is used.
 */
async function openReturn(file: string, options: AnalyseOptions, sheet: string | undefined, lenient: boolean): Promise<CheckedSheet> {
  const { workbook } = await open(file);
  const named = sheet !== undefined && (!lenient || workbook.info.sheets.some((s) => s.name === sheet)) ? sheet : undefined;
  const checked = chooseSheet(workbook, options, named);
  if (!checked.analysis.table) {
    const why = checked.analysis.findings.find((f) => f.rule === 'TABLE_NOT_FOUND')?.message ?? 'No action-plan table found.';
    throw new HostError('SheetMissing', `${file}${named ? ` (sheet "${named}")` : ''}: ${why} Nothing was written.`);
  }
  return checked;
}

/** The previous return analysed with its own as-at date (from its title rows, never --as-at). */
async function openPrevious(file: string, options: AnalyseOptions, sheet: string | undefined): Promise<CheckedSheet> {
  const { asAt: _current, ...own } = options;
  return openReturn(file, own, sheet, true);
}

/** What moved from one analysed return to the next (SPEC, M2). */
function movementOf(previous: CheckedSheet, current: CheckedSheet): Movement {
  return compareSnapshots(
    snapshotOf(previous.analysis, previous.snapshot),
    snapshotOf(current.analysis, current.snapshot),
    current.analysis.scale.map((l) => l.label),
  );
}

const side = (file: string, c: CheckedSheet): ReturnSide => ({
  file,
  sheet: c.analysis.sheet,
  asAt: c.analysis.asAt,
  asAtSource: c.analysis.asAtSource,
});

/** Applies the plans and writes the output (every part apply does not change is copied as it was). */
async function write(
  req: Request,
  target: { inPlace: true } | { out: string },
  opened: { input: InputFile } & LoadedWorkbook,
  checked: CheckedSheet,
  io: Io,
  movement: Movement | undefined,
): Promise<{ result: ApplyResult; written: Written; shown: string }> {
  const { input, workbook } = opened;
  if ('out' in target) await resolveOutput(target.out, input);
  const result = applyToWorkbook(workbook, checked, {
    statusColumn: req.statusColumn,
    removeSignature: req.removeSignature,
    // A date, never a time: a run on our own output with the same inputs is byte-identical whenever it runs
    // (and the summary keeps its old date when nothing else in it changed; see applyToWorkbook).
    generatedAt: formatLong(fromIso(req.today) ?? 0),
    ...(movement ? { movement } : {}),
  });
  const written = await writeOutput(input, target, await workbookBytes(workbook), io.write);
  return { result, written, shown: 'out' in target ? target.out : req.file };
}

async function check(args: string[], io: Io, writing: boolean): Promise<number> {
  const req = request(args, io, writing);
  if (!req) return 0;
  const { file } = req;
  const p = progress(io);
  try {
    p.step(`Reading ${file}`);
    const opened = await open(file);
    p.step(`Checking ${file}`);
    const checked = chooseSheet(opened.workbook, req.options, req.sheet);
    const { analysis } = checked;
    if (!analysis.table) {
      const why = analysis.findings.find((f) => f.rule === 'TABLE_NOT_FOUND')?.message ?? 'No action-plan table found.';
      io.err(`${file}${req.sheet ? ` (sheet "${req.sheet}")` : ''}: ${why} Nothing was written.\n`);
      return 2;
    }
    let previous: { side: ReturnSide; movement: Movement } | undefined;
    if (req.previous !== undefined) {
      p.step(`Reading ${req.previous}`);
      const before = await openPrevious(req.previous, req.options, req.sheet);
      previous = { side: side(req.previous, before), movement: movementOf(before, checked) };
    }
    let done: Awaited<ReturnType<typeof write>> | null = null;
    if (req.target) {
      p.step(`Writing ${'out' in req.target ? req.target.out : file}`);
      done = await write(req, req.target, opened, checked, io, previous?.movement);
    }
    // `lost` stays in the --json contract; apply copies every part it does not change, so it is always empty.
    const lost: string[] = [];
    const notes = done ? done.result.notes : [];
    if (req.json) {
      const extra = done ? { output: done.shown, applied: done.result.applied, notes, lost, backup: done.written.backup } : { lost };
      const since = previous ? { previous: previous.side, movement: previous.movement } : {};
      io.out(`${JSON.stringify(jsonReport(analysis, { ...extra, ...since }))}\n`);
    } else {
      io.out(humanReport(analysis, notes));
      if (previous) io.out(`\n${movementReport(previous.side, side(file, checked), previous.movement)}`);
      if (done) {
        const kept = done.written.backup ? ` The original is kept as ${done.written.backup}.` : '';
        io.out(`\nWrote ${done.shown}: ${done.result.applied.join('; ')}.${kept}\n`);
      }
    }
    return analysis.findings.some((f) => f.severity === 'error') ? 1 : 0;
  } finally {
    p.done();
  }
}

/** `compare`: what moved between two returns of one plan. Writes nothing; exit 0, or 2 when it cannot compare. */
async function compare(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      sheet: { type: 'string' },
      today: { type: 'string' },
      json: { type: 'boolean' },
      scale: { type: 'string' },
      'header-row': { type: 'string' },
      block: { type: 'string' },
      'fiscal-year': { type: 'string' },
      columns: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    io.out(HELP.compare ?? '');
    return 0;
  }
  const [before, after] = positionals;
  if (positionals.length !== 2 || before === undefined || after === undefined)
    throw new UsageError('compare needs two .xlsx files, the previous return then the current one (see action-plan compare --help).');
  const today = date('today', values.today) ?? isoFromDate(new Date());
  const options: AnalyseOptions = { today, ...tableOptions(values) };
  const previous = await openPrevious(before, options, values.sheet);
  const current = await openReturn(after, options, values.sheet, false);
  const movement = movementOf(previous, current);
  if (values.json) io.out(`${JSON.stringify({ previous: side(before, previous), current: side(after, current), movement })}\n`);
  else io.out(movementReport(side(before, previous), side(after, current), movement));
  return 0;
}

async function timescales(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { ref: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    io.out(HELP.timescales ?? '');
    return 0;
  }
  const ref = date('ref', values.ref) ?? isoFromDate(new Date());
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) io.out(`${JSON.stringify(parseTimescale(line, ref))}\n`);
  return 0;
}

/**
 * The one line a failure prints: our own errors' plain message; anything else (a bug) its first line,
 * with the stack only when ACTION_PLAN_DEBUG is set. Web addresses are dropped: they come from libraries.
 */
function failure(error: unknown): string {
  const known =
    error instanceof UsageError ||
    error instanceof HostError ||
    error instanceof CoreOptionError ||
    (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
  const message = error instanceof Error ? error.message : String(error);
  if (!known && process.env.ACTION_PLAN_DEBUG) return `unexpected error: ${(error as Error).stack ?? message}`;
  const line = (message.split('\n')[0] ?? '')
    .replace(/\s*\([^()]*https?:\/\/[^()]*\)/g, '')
    .replace(/\s*https?:\/\/\S+/g, '')
    .trim();
  return known ? line : `unexpected error (please report it, with the file if you can): ${line}`;
}

/** Runs the command; resolves to the exit code. Never throws: every failure is a one-line reason on stderr and exit 2. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await check(rest, io, false);
      case 'apply':
        return await check(rest, io, true);
      case 'compare':
        return await compare(rest, io);
      case 'timescales':
        return await timescales(rest, io);
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.out(HELP.main ?? '');
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Unknown command "${command}" (use check, apply, compare or timescales; see action-plan --help).`);
    }
  } catch (error) {
    io.err(`action-plan: ${failure(error)}\n`);
    return 2;
  }
}
