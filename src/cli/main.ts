import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CoreOptionError } from '../core/analyse';
import { formatLong, fromIso, isoFromDate, stampFromDate } from '../core/dates';
import { HostError } from '../core/errors';
import { parseTimescale } from '../core/parseTimescale';
import type { AnalyseOptions } from '../core/types';
import { applyToWorkbook, chooseSheet, loadWorkbook, writeAtomically } from '../xlsx/workbook';
import { humanReport, jsonReport } from './report';

/** Where the command writes; injected so tests can run it in-process. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  stdin: NodeJS.ReadableStream;
}

/** Bad command-line input: exit 2 with a one-line reason. */
class UsageError extends Error {
  override readonly name = 'UsageError';
}

const HELP: Record<string, string> = {
  main: `action-plan: check and format audit action plan progress summaries in .xlsx files, without Excel.

Usage:
  action-plan check <file.xlsx> [--sheet NAME] [--as-at YYYY-MM-DD] [--json]
  action-plan apply <file.xlsx> --out <out.xlsx> [--sheet NAME] [--as-at YYYY-MM-DD] [--no-status-column]
  action-plan apply <file.xlsx> --in-place [...]
  action-plan timescales [--ref YYYY-MM-DD] < phrases.txt

Run "action-plan <command> --help" for each command. Exit codes: 0 no errors found, 1 errors found, 2 could not run.
`,
  check: `action-plan check <file.xlsx> [--sheet NAME] [--as-at YYYY-MM-DD] [--today YYYY-MM-DD] [--json]

Checks the action plan and prints headline figures and findings grouped by severity. Writes nothing.
  --sheet NAME        the sheet to check (default: the first sheet on which a table is found)
  --as-at DATE        the position date (default: the date in the sheet's title rows, else today)
  --today DATE        the date to treat as today (for reproducible reports)
  --json              one JSON object (stable field names) instead of the report
Exit 0 when no finding is an error, 1 when some are, 2 when it cannot run.
`,
  apply: `action-plan apply <file.xlsx> --out <out.xlsx> [--sheet NAME] [--as-at YYYY-MM-DD] [--no-status-column]
action-plan apply <file.xlsx> --in-place [...]

Writes a checked, formatted, flagged and summarised copy: header style, widths, frozen header, filter,
rating colours and statutory highlighting as live rules, a "Check (auto)" status column and a summary sheet.
No value of yours is changed. Running it on its own output changes nothing more.
  --out FILE          where to write the copy (never the input itself)
  --in-place          overwrite the input, after writing FILE.bak.xlsx beside it (every part the
                      command does not change is copied as it was: charts, images, macros, comments...)
  --no-status-column  do not write the status column
  --sheet, --as-at, --today, --json as for check
Exit codes as for check.
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

async function check(args: string[], io: Io, writing: boolean): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      sheet: { type: 'string' },
      'as-at': { type: 'string' },
      today: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
      ...(writing ? { out: { type: 'string' }, 'in-place': { type: 'boolean' }, 'no-status-column': { type: 'boolean' } } : {}),
    },
  });
  const command = writing ? 'apply' : 'check';
  if (values.help) {
    io.out(HELP[command] ?? '');
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`${command} needs exactly one .xlsx file (see action-plan ${command} --help).`);
  const file = positionals[0] ?? '';
  const today = date('today', values.today as string | undefined) ?? isoFromDate(new Date());
  const asAt = date('as-at', values['as-at'] as string | undefined);
  const options: AnalyseOptions = { today, ...(asAt ? { asAt } : {}) };
  let out: string | undefined;
  if (writing) {
    const inPlace = values['in-place'] === true;
    out = values.out as string | undefined;
    if (inPlace && out) throw new UsageError('Use either --out or --in-place, not both.');
    if (!inPlace && !out) throw new UsageError('apply needs --out <out.xlsx> (or --in-place).');
    if (out && resolve(out) === resolve(file))
      throw new UsageError('--out is the input file; use --in-place to overwrite it (a .bak.xlsx copy is kept).');
    if (inPlace) out = file;
  }

  const p = progress(io);
  try {
    p.step(`Reading ${file}`);
    const { workbook, lost } = await loadWorkbook(file);
    p.step(`Checking ${file}`);
    const checked = chooseSheet(workbook, options, values.sheet as string | undefined);
    const { analysis } = checked;
    if (!analysis.table) {
      io.err(
        `No action-plan table found in ${file}${values.sheet ? ` on sheet "${String(values.sheet)}"` : ''}: no header row with columns such as No, Subject, Lead, Timescales, Recommendation and Progress in the first 50 rows.\n`,
      );
      return 2;
    }
    let notes: ReturnType<typeof applyToWorkbook>['notes'] = [];
    let applied: readonly string[] = [];
    if (writing && out) {
      if (out === file && lost.length > 0) {
        throw new HostError(
          'FileWouldLoseContent',
          `Not changed in place: ${file} holds ${lost.join(', ')}, which a rewritten file would lose. Use --out to write a copy instead.`,
        );
      }
      const now = new Date();
      const result = applyToWorkbook(workbook, checked, {
        statusColumn: values['no-status-column'] !== true,
        generatedAt: values.today ? formatLong(fromIso(today) ?? 0) : stampFromDate(now),
      });
      notes = [...result.notes];
      applied = result.applied;
      p.step(`Writing ${out}`);
      if (out === file) {
        const { copyFile } = await import('node:fs/promises');
        await copyFile(file, file.replace(/\.xlsx$/i, '') + '.bak.xlsx');
      }
      await writeAtomically(workbook, out);
      if (lost.length > 0)
        io.err(
          `Note: ${out} lacks the ${lost.join(', ')} of ${file} (the library that writes .xlsx files cannot carry them over). ${file} itself is unchanged.\n`,
        );
    }
    if (values.json) io.out(`${JSON.stringify(jsonReport(analysis, writing ? { output: out, applied, notes, lost } : { lost }))}\n`);
    else {
      io.out(humanReport(analysis, notes));
      if (writing) io.out(`\nWrote ${out}: ${applied.join('; ')}.\n`);
    }
    return analysis.findings.some((f) => f.severity === 'error') ? 1 : 0;
  } finally {
    p.done();
  }
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

/** Runs the command; resolves to the exit code. Never throws: every failure is a one-line reason on stderr and exit 2. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await check(rest, io, false);
      case 'apply':
        return await check(rest, io, true);
      case 'timescales':
        return await timescales(rest, io);
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.out(HELP.main ?? '');
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Unknown command "${command}" (use check, apply or timescales; see action-plan --help).`);
    }
  } catch (error) {
    const known =
      error instanceof UsageError ||
      error instanceof HostError ||
      error instanceof CoreOptionError ||
      (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
    io.err(`action-plan: ${known ? (error as Error).message : `unexpected error: ${(error as Error).stack ?? String(error)}`}\n`);
    return 2;
  }
}
