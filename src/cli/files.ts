import { randomBytes } from 'node:crypto';
import { constants, promises as fs, unlinkSync, type Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { HostError } from '../core/errors';

/**
 * The command's file handling, done as a careful tool does it: symbolic links resolved, pipes and devices
 * refused before they are opened, outputs written through a temporary file and a rename with the input's
 * permissions, numbered backups, and every failure one plain line (nothing half-written left behind).
 */

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links (a loop)',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many files open',
  EBUSY: 'the file is busy',
  EIO: 'the disk reported an input/output error',
  ETXTBSY: 'the file is busy',
  EEXIST: 'a file of that name is in the way',
};

/** A file-system error in plain words ("permission denied"), never the system's own message. */
export function plainReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ? (REASONS[code] ?? `system error ${code}`) : 'an unexpected error';
}

/** What a non-regular file is, in words; null for a regular file. */
function otherKind(st: Stats): string | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** The largest input read (the largest real action plans are a few megabytes). */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** An input file, read whole, with where it really lives and its permissions. */
export interface InputFile {
  /** The path as the user gave it. */
  readonly path: string;
  /** The real path, symbolic links resolved: what `--in-place` writes. */
  readonly real: string;
  readonly bytes: Uint8Array;
  readonly stat: Stats;
}

/**
 * Reads the input: a symbolic link is followed to the real file, and a directory, pipe, device or socket is
 * refused before it is opened (a pipe would otherwise block forever). Opened non-blocking and checked again,
 * so a file swapped for a pipe in between is refused too.
 */
export async function readInput(path: string): Promise<InputFile> {
  const refuse = (reason: string, cause?: unknown) => new HostError('FileUnreadable', `Cannot read ${path}: ${reason}.`, { cause });
  let real: string;
  let stat: Stats;
  try {
    real = await fs.realpath(path);
    stat = await fs.stat(real);
  } catch (error) {
    throw refuse(plainReason(error), error);
  }
  const kind = otherKind(stat);
  if (kind) throw refuse(`it is ${kind}, not a workbook file`);
  if (stat.size > MAX_INPUT_BYTES)
    throw refuse(`it is ${megabytes(stat.size)}, more than the ${megabytes(MAX_INPUT_BYTES)} this command reads`);
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(real, constants.O_RDONLY | constants.O_NONBLOCK);
    const opened = await handle.stat();
    if (!opened.isFile() || opened.ino !== stat.ino) throw refuse('it changed while it was being opened');
    const bytes = await handle.readFile();
    return { path, real, bytes, stat: opened };
  } catch (error) {
    throw error instanceof HostError ? error : refuse(plainReason(error), error);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** The one line for a write that failed: what, why in plain words, and that the input is as it was. */
function cannotWrite(shown: string, input: InputFile, error: unknown): HostError {
  const message = `Could not write ${shown}: ${plainReason(error)}. Nothing was written; ${input.path} was not changed.`;
  return new HostError('WriteInterrupted', message, { cause: error });
}

/**
 * The real path `--out` writes to (a symbolic link is followed, and stays a link). Refused when it is the
 * input itself under another spelling, a link or a hard link, and when it is a directory, pipe or device.
 */
export async function resolveOutput(out: string, input: InputFile): Promise<string> {
  const refuse = (reason: string) =>
    new HostError('WriteInterrupted', `Not written: --out ${out} ${reason}. ${input.path} was not changed.`);
  const same = 'is the input file itself (another path to it); use --in-place to replace the input (a backup copy is kept)';
  let real: string;
  try {
    real = await fs.realpath(out);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw cannotWrite(out, input, error);
    const link = await fs.lstat(out).catch(() => null);
    if (link?.isSymbolicLink()) throw refuse(`is a symbolic link to a missing file (${await fs.readlink(out)})`);
    // Not there yet: resolve its folder, which may itself be reached through a link.
    const folder = await fs.realpath(dirname(out)).catch(() => resolve(dirname(out)));
    real = join(folder, basename(out));
    if (real === input.real) throw refuse(same);
    return real;
  }
  const stat = await fs.stat(real).catch((error: unknown) => {
    throw cannotWrite(out, input, error);
  });
  const kind = otherKind(stat);
  if (kind) throw refuse(`is ${kind}, not a file`);
  if (real === input.real || (stat.dev === input.stat.dev && stat.ino === input.stat.ino)) throw refuse(same);
  return real;
}

// Temporary files being written: removed on an error, on Ctrl+C (SIGINT), SIGTERM or SIGHUP, and at exit.
const pending = new Set<string>();
const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function removePending(): void {
  for (const path of pending) {
    try {
      unlinkSync(path);
    } catch {
      // Already gone, or never created: nothing to clean.
    }
  }
  pending.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removePending();
  stopWatching();
  // Die of the same signal, as the shell expects (exit status 128 + n), now that nothing is left behind.
  process.kill(process.pid, signal);
}

function startWatching(): void {
  if (process.listeners('exit').includes(removePending)) return;
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on('exit', removePending);
}

function stopWatching(): void {
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.removeListener('exit', removePending);
}

function track(path: string): void {
  pending.add(path);
  startWatching();
}

function untrack(path: string): void {
  pending.delete(path);
  if (pending.size === 0) stopWatching();
}

/** Writes all the bytes to an open file; injectable so tests can simulate a full disk or a slow write. */
export type WriteBytes = (handle: FileHandle, bytes: Uint8Array) => Promise<void>;

const writeAll: WriteBytes = async (handle, bytes) => {
  await handle.writeFile(bytes);
};

/**
 * The backup of the input before `--in-place` replaces it, beside the real file: plan.bak.xlsx, or
 * plan.bak-2.xlsx, plan.bak-3.xlsx ... when those exist (an earlier backup is never overwritten). The
 * extension is kept (plan.xlsm gives plan.bak.xlsm) and so are the permissions.
 */
export async function makeBackup(input: InputFile): Promise<string> {
  const ext = extname(input.real);
  const stem = input.real.slice(0, input.real.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = `${stem}.bak${n === 1 ? '' : `-${n}`}${ext}`;
    try {
      track(candidate);
      await fs.copyFile(input.real, candidate, constants.COPYFILE_EXCL);
    } catch (error) {
      untrack(candidate);
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      // COPYFILE_EXCL means the file was ours: a partial copy is removed.
      await fs.rm(candidate, { force: true }).catch(() => undefined);
      throw error;
    }
    untrack(candidate);
    await fs.chmod(candidate, input.stat.mode & 0o777);
    return candidate;
  }
}

/** How `replaceFile` writes. */
export interface WriteOptions {
  /** Permission bits for the output (the input's). */
  readonly mode: number;
  /** Owner to keep where the process may set it (replacing a file in place). */
  readonly owner?: { readonly uid: number; readonly gid: number };
  /** Called once the new file is complete and before it replaces the target (the backup is made here). */
  readonly beforeRename?: () => Promise<unknown>;
  readonly write?: WriteBytes;
}

/**
 * Writes `bytes` to a temporary file beside `target`, flushed to disk with the given permissions, then
 * renames it over the target: the target is either untouched or complete, and the temporary file never
 * outlives an error or an interruption.
 */
export async function replaceFile(target: string, bytes: Uint8Array, options: WriteOptions): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  track(temp);
  try {
    handle = await fs.open(temp, 'wx', 0o600);
    await (options.write ?? writeAll)(handle, bytes);
    await handle.sync();
    await handle.chmod(options.mode & 0o777);
    if (options.owner && process.getuid?.() === 0) await handle.chown(options.owner.uid, options.owner.gid);
    await handle.close();
    handle = undefined;
    await options.beforeRename?.();
    await fs.rename(temp, target);
  } finally {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    untrack(temp);
  }
}

/** Removes the folders `mkdir -p` created for an output that was then not written, innermost first, while empty. */
async function removeEmptyFolders(innermost: string, outermost: string): Promise<void> {
  for (let dir = innermost; dir.startsWith(outermost); dir = dirname(dir)) {
    if (
      !(await fs.rmdir(dir).then(
        () => true,
        () => false,
      ))
    )
      return;
  }
}

/** What `writeOutput` did. */
export interface Written {
  readonly path: string;
  readonly backup: string | null;
}

/**
 * Writes the command's output: in place (the real file behind a link, after a numbered backup), or to
 * `--out` (its folder created if missing). Any failure is one line saying the input was not changed; a
 * backup made for a write that then failed is removed again.
 */
export async function writeOutput(
  input: InputFile,
  target: { inPlace: true } | { out: string },
  bytes: Uint8Array,
  write?: WriteBytes,
): Promise<Written> {
  const shown = 'out' in target ? target.out : input.path;
  // What this call created, removed again on a failure: a backup, and folders made for --out.
  const made: { backup: string | null; folders: { innermost: string; outermost: string } | null } = { backup: null, folders: null };
  try {
    const real = 'out' in target ? await resolveOutput(target.out, input) : input.real;
    const outermost = 'out' in target ? await fs.mkdir(dirname(real), { recursive: true }) : undefined;
    if (outermost) made.folders = { innermost: dirname(real), outermost };
    await replaceFile(real, bytes, {
      mode: input.stat.mode,
      ...('inPlace' in target ? { owner: { uid: input.stat.uid, gid: input.stat.gid } } : {}),
      ...('inPlace' in target ? { beforeRename: async () => (made.backup = await makeBackup(input)) } : {}),
      ...(write ? { write } : {}),
    });
    return { path: real, backup: made.backup };
  } catch (error) {
    if (made.backup) await fs.rm(made.backup, { force: true }).catch(() => undefined);
    if (made.folders) await removeEmptyFolders(made.folders.innermost, made.folders.outermost);
    throw error instanceof HostError ? error : cannotWrite(shown, input, error);
  }
}
