import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { strToU8, zipSync } from 'fflate';
import JSZip from 'jszip';
import { MAX_INPUT_BYTES } from '../../src/cli/files';
import { main } from '../../src/cli/main';
import { sampleWorkbook } from '../../src/cli/sample';
import { loadReference } from '../fixtures/reference';
import { compiledCommand, run } from './helpers';

const root = mkdtempSync(join(tmpdir(), 'apc-files-'));
chmodSync(root, 0o755);
let sample: Buffer;
let counter = 0;
const isRoot = process.getuid?.() === 0;
const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
/** Unprivileged mount namespaces: a real full disk (a tiny tmpfs) and a real read-only file system. */
const namespaces = has('unshare') && spawnSync('unshare', ['-rm', 'true']).status === 0;
const soffice = has('soffice');
const NOBODY = ['--reuid=65534', '--regid=65534', '--clear-groups'];
/** As root, the command can run as nobody (a real EACCES) when setpriv exists and nobody can read the packages. */
const asNobody =
  isRoot &&
  has('setpriv') &&
  spawnSync('setpriv', [...NOBODY, process.execPath, '-e', "require.resolve('exceljs')"], {
    env: { ...process.env, NODE_PATH: join(__dirname, '..', '..', 'node_modules') },
  }).status === 0;

/** A fresh folder (readable by anyone) holding plan.xlsx, a copy of the sample workbook. */
function folder(name = 'plan.xlsx'): { dir: string; plan: string } {
  const dir = join(root, `case-${++counter}`);
  mkdirSync(dir, { mode: 0o755 });
  const plan = join(dir, name);
  writeFileSync(plan, sample, { mode: 0o644 });
  return { dir, plan };
}

const oneLine = (text: string) => text.trim().split('\n').length === 1;
// The plan, our summary and our chase sheet.
const sheetNames = async (file: string) =>
  Object.keys((await JSZip.loadAsync(readFileSync(file))).files).filter((n) => n.startsWith('xl/worksheets/sheet'));
const failing = (code: string) => async (handle: FileHandle, bytes: Uint8Array) => {
  await handle.write(bytes.subarray(0, bytes.length >> 1));
  throw Object.assign(new Error(`${code}: simulated, write`), { code });
};

beforeAll(async () => {
  sample = Buffer.from(await sampleWorkbook(loadReference()).xlsx.writeBuffer());
});

describe('the output keeps the input permissions', () => {
  test.each(['600', '444', '640'])('--in-place on a %s file keeps its mode', async (octal) => {
    const mode = parseInt(octal, 8);
    const { plan } = folder();
    chmodSync(plan, mode);
    const r = await run(['apply', plan, '--in-place']);
    expect(r.code).toBe(0);
    expect(statSync(plan).mode & 0o777).toBe(mode);
    expect(await sheetNames(plan)).toHaveLength(3);
    expect(statSync(join(plan, '..', 'plan.bak.xlsx')).mode & 0o777).toBe(mode);
  });

  test('a copy written with --out takes the permissions of a private input', async () => {
    const { dir, plan } = folder();
    chmodSync(plan, 0o600);
    expect((await run(['apply', plan, '--out', join(dir, 'copy.xlsx')])).code).toBe(0);
    expect(statSync(join(dir, 'copy.xlsx')).mode & 0o777).toBe(0o600);
  });
});

describe('symbolic links and other paths to the same file', () => {
  test('--in-place through a link writes the real file; the link stays a link; the backup is beside the real file', async () => {
    const { dir, plan } = folder();
    const link = join(dir, 'link.xlsx');
    symlinkSync(plan, link);
    const r = await run(['apply', link, '--in-place']);
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(plan);
    expect(await sheetNames(plan)).toHaveLength(3);
    expect(readFileSync(join(dir, 'plan.bak.xlsx')).equals(sample)).toBe(true);
  });

  test('--out through a link to another file writes that file; the link stays', async () => {
    const { dir, plan } = folder();
    const other = join(dir, 'other.xlsx');
    writeFileSync(other, 'old copy');
    symlinkSync(other, join(dir, 'to-other.xlsx'));
    expect((await run(['apply', plan, '--out', join(dir, 'to-other.xlsx')])).code).toBe(0);
    expect(lstatSync(join(dir, 'to-other.xlsx')).isSymbolicLink()).toBe(true);
    expect(await sheetNames(other)).toHaveLength(3);
  });

  test('--out that is a link to a missing file is refused (the link is not replaced by a file)', async () => {
    const { dir, plan } = folder();
    const link = join(dir, 'dangling.xlsx');
    symlinkSync(join(dir, 'gone', 'x.xlsx'), link);
    const r = await run(['apply', plan, '--out', link]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--out .*dangling\.xlsx is a symbolic link to a missing file \(.*gone\/x\.xlsx\)/);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  test.each([
    ['a symbolic link to the input', (dir: string, plan: string) => (symlinkSync(plan, join(dir, 'l.xlsx')), join(dir, 'l.xlsx'))],
    ['another spelling of its path', (dir: string) => (mkdirSync(join(dir, 'sub')), join(dir, 'sub', '..', '.', 'plan.xlsx'))],
    ['a hard link to the input', (dir: string, plan: string) => (linkSync(plan, join(dir, 'h.xlsx')), join(dir, 'h.xlsx'))],
    ['its name through a linked folder', (dir: string) => (symlinkSync(dir, join(dir, 'alias')), join(dir, 'alias', 'plan.xlsx'))],
  ])('--out that is %s is refused and the input is unchanged', async (_name, make) => {
    const { dir, plan } = folder();
    const out = make(dir, plan);
    const r = await run(['apply', plan, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is the input file itself/);
    expect(oneLine(r.err)).toBe(true);
    expect(readFileSync(plan).equals(sample)).toBe(true);
  });
});

describe('backups', () => {
  test('a second and third --in-place number their backups; the first backup is never overwritten', async () => {
    const { dir, plan } = folder();
    writeFileSync(join(dir, 'plan.bak.xlsx'), 'an older backup');
    expect((await run(['apply', plan, '--in-place'])).code).toBe(0);
    expect((await run(['apply', plan, '--in-place'])).code).toBe(0);
    expect(readFileSync(join(dir, 'plan.bak.xlsx'), 'utf8')).toBe('an older backup');
    expect(readFileSync(join(dir, 'plan.bak-2.xlsx')).equals(sample)).toBe(true);
    expect(await sheetNames(join(dir, 'plan.bak-3.xlsx'))).toHaveLength(3);
    const r = await run(['apply', plan, '--in-place']);
    expect(r.out).toContain(`The original is kept as ${join(dir, 'plan.bak-4.xlsx')}`);
  });

  test('an .xlsm keeps its extension, in place (backup plan.bak.xlsm) and as a copy', async () => {
    const { dir, plan } = folder('plan.xlsm');
    expect((await run(['apply', plan, '--in-place'])).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['plan.bak.xlsm', 'plan.xlsm']);
    expect((await run(['apply', join(dir, 'plan.bak.xlsm'), '--out', join(dir, 'copy.xlsm')])).code).toBe(0);
    expect(existsSync(join(dir, 'copy.xlsm'))).toBe(true);
  });
});

describe('pipes, devices and folders are refused without hanging', () => {
  test('a FIFO as input or output', async () => {
    const { dir, plan } = folder();
    const fifo = join(dir, 'pipe.xlsx');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const read = await run(['check', fifo]);
    expect(read.code).toBe(2);
    expect(read.err).toMatch(/Cannot read .*pipe\.xlsx: it is a pipe \(FIFO\), not a workbook file\./);
    const write = await run(['apply', plan, '--out', fifo]);
    expect(write.code).toBe(2);
    expect(write.err).toMatch(/--out .*pipe\.xlsx is a pipe \(FIFO\), not a file/);
    expect(oneLine(read.err) && oneLine(write.err)).toBe(true);
  });

  test('a device as input or output', async () => {
    const { plan } = folder();
    expect((await run(['check', '/dev/zero'])).err).toMatch(/Cannot read \/dev\/zero: it is a device/);
    const write = await run(['apply', plan, '--out', '/dev/null']);
    expect(write.code).toBe(2);
    expect(write.err).toMatch(/--out \/dev\/null is a device/);
  });

  test('a folder as input (EISDIR) or output', async () => {
    const { dir, plan } = folder();
    const read = await run(['check', dir]);
    expect(read.code).toBe(2);
    expect(read.err).toMatch(/it is a directory, not a workbook file/);
    expect((await run(['apply', plan, '--out', dir])).err).toMatch(/is a directory, not a file/);
  });
});

describe('file-system errors: one line, exit 2, nothing half-written', () => {
  test('an input larger than the command reads is refused before it is read (a sparse file)', async () => {
    const { dir } = folder();
    const huge = join(dir, 'huge.xlsx');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_INPUT_BYTES + 10 * 1024 * 1024);
    const r = await run(['check', huge]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Cannot read .*huge\.xlsx: it is 266 MB, more than the 256 MB this command reads\./);
  });

  test('ENOENT: a missing input; ENOTDIR: an output under a file', async () => {
    const { dir, plan } = folder();
    const missing = await run(['check', join(dir, 'nope.xlsx')]);
    expect(missing.err).toMatch(/Cannot read .*nope\.xlsx: no such file or directory\.\n$/);
    const under = await run(['apply', plan, '--out', join(plan, 'out.xlsx')]);
    expect(under.code).toBe(2);
    expect(under.err).toMatch(/Could not write .*: a part of the path is not a directory\. Nothing was written; .* was not changed\./);
    expect(readdirSync(dir)).toEqual(['plan.xlsx']);
  });

  test.each([
    ['ENOSPC', /no space left on the disk/],
    ['EACCES', /permission denied/],
    ['EROFS', /the file system is read-only/],
    ['EIO', /input\/output error/],
  ])('%s while writing a copy (injected): nothing left behind', async (code, reason) => {
    const { dir, plan } = folder();
    const r = await run(['apply', plan, '--out', join(dir, 'out.xlsx')], '', { write: failing(code) });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(reason);
    expect(oneLine(r.err)).toBe(true);
    expect(readdirSync(dir)).toEqual(['plan.xlsx']);
  });

  test('ENOSPC while writing a copy into new folders (injected): the folders made for it are removed again', async () => {
    const { dir, plan } = folder();
    const r = await run(['apply', plan, '--out', join(dir, 'new', 'deeper', 'out.xlsx')], '', { write: failing('ENOSPC') });
    expect(r.code).toBe(2);
    expect(readdirSync(dir)).toEqual(['plan.xlsx']);
  });

  test('ENOSPC while replacing in place (injected): the input is untouched, no backup or temporary file is left', async () => {
    const { dir, plan } = folder();
    const r = await run(['apply', plan, '--in-place'], '', { write: failing('ENOSPC') });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^action-plan: Could not write .*plan\.xlsx: no space left on the disk\. Nothing was written; .* was not changed\.\n$/,
    );
    expect(readdirSync(dir)).toEqual(['plan.xlsx']);
    expect(readFileSync(plan).equals(sample)).toBe(true);
  });

  (isRoot ? test.skip : test)('EACCES: a folder without write permission (chmod)', async () => {
    const { dir, plan } = folder();
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const r = await run(['apply', plan, '--out', join(locked, 'out.xlsx')]);
    chmodSync(locked, 0o755);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Could not write .*out\.xlsx: permission denied/);
    expect(readdirSync(locked)).toEqual([]);
  });

  (asNobody ? test : test.skip)('EACCES: another user writing into a folder it may not write (as root: the command run as nobody)', () => {
    const { dir, plan } = folder();
    const { cli, nodePath } = compiledCommand();
    const r = spawnSync('setpriv', [...NOBODY, process.execPath, cli, 'apply', plan, '--in-place'], {
      env: { ...process.env, NODE_PATH: nodePath },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^action-plan: Could not write .*plan\.xlsx: permission denied\. Nothing was written; .* was not changed\.\n$/,
    );
    expect(readdirSync(dir)).toEqual(['plan.xlsx']);
    expect(readFileSync(plan).equals(sample)).toBe(true);
  });

  /** Runs the compiled command in a private mount namespace with a tmpfs at `mnt`; prints the folder listing after it. */
  function inNamespace(script: string, mnt: string, args: string[]): { status: number | null; stderr: string; listing: string[] } {
    const { cli, nodePath } = compiledCommand();
    const shell = `${script}; "$NODE" "$CLI" "$@" 2>"$MNT.err"; status=$?; ls -A "$MNT" >"$MNT.ls"; exit $status`;
    const r = spawnSync('unshare', ['-rm', 'sh', '-c', shell, 'sh', ...args], {
      env: { ...process.env, NODE_PATH: nodePath, NODE: process.execPath, CLI: cli, MNT: mnt },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const listing = readFileSync(`${mnt}.ls`, 'utf8').split('\n').filter(Boolean);
    return { status: r.status, stderr: readFileSync(`${mnt}.err`, 'utf8'), listing };
  }

  (namespaces ? test : test.skip)('ENOSPC: a real full disk (a 16 KB tmpfs)', () => {
    const { dir, plan } = folder();
    const mnt = join(dir, 'small');
    mkdirSync(mnt);
    const r = inNamespace('mount -t tmpfs -o size=16k tmpfs "$MNT"', mnt, ['apply', plan, '--out', join(mnt, 'out.xlsx')]);
    expect(r.stderr).toMatch(
      /^action-plan: Could not write .*out\.xlsx: no space left on the disk\. Nothing was written; .* was not changed\.\n$/,
    );
    expect(r.status).toBe(2);
    expect(r.listing).toEqual([]);
  });

  (namespaces ? test : test.skip)('EROFS: a real read-only file system, in place', () => {
    const { dir, plan } = folder();
    const mnt = join(dir, 'ro');
    mkdirSync(mnt);
    const setup = 'mount -t tmpfs tmpfs "$MNT" && cp "$PLAN" "$MNT/plan.xlsx" && mount -o remount,ro "$MNT"';
    process.env.PLAN = plan;
    const r = inNamespace(setup, mnt, ['apply', join(mnt, 'plan.xlsx'), '--in-place']);
    delete process.env.PLAN;
    expect(r.stderr).toMatch(
      /^action-plan: Could not write .*plan\.xlsx: the file system is read-only\. Nothing was written; .* was not changed\.\n$/,
    );
    expect(r.status).toBe(2);
    expect(r.listing).toEqual(['plan.xlsx']);
  });
});

describe('an interrupted write leaves no temporary file', () => {
  test.each(['SIGINT', 'SIGTERM'] as const)('%s in the middle of a write', async (signal) => {
    const { dir } = folder();
    const { dir: built, nodePath } = compiledCommand();
    const target = join(dir, 'out.xlsx');
    const script = `
      const { replaceFile } = require(${JSON.stringify(join(built, 'src', 'cli', 'files.js'))});
      setInterval(() => undefined, 1000);
      replaceFile(${JSON.stringify(target)}, Buffer.alloc(1 << 20), {
        mode: 0o644,
        write: async (handle, bytes) => {
          await handle.write(bytes.subarray(0, 4096));
          process.stdout.write('writing\\n');
          await new Promise(() => undefined);
        },
      });`;
    const child = spawn(process.execPath, ['-e', script], { env: { ...process.env, NODE_PATH: nodePath } });
    await new Promise<void>((resolve) => child.stdout.on('data', () => resolve()));
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toHaveLength(1);
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, s) => resolve(s)));
    child.kill(signal);
    expect(await ended).toBe(signal);
    expect(readdirSync(dir)).toEqual(['plan.xlsx']);
  });
});

/** An OLE2 compound file with the given stream names in its directory (one FAT sector, one directory sector). */
function compoundFile(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt32LE(1, 0x30);
  header.writeUInt32LE(0, 0x4c);
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  fat.writeUInt32LE(0xfffffffe, 4);
  const directory = Buffer.alloc(512);
  ['Root Entry', ...streams].forEach((name, i) => {
    const utf16 = Buffer.from(name, 'utf16le');
    utf16.copy(directory, i * 128);
    directory.writeUInt16LE(utf16.length + 2, i * 128 + 64);
  });
  return Buffer.concat([header, fat, directory]);
}

describe('files that are not .xlsx workbooks are named plainly (exit 2, one line, no library message)', () => {
  const zip = (files: Record<string, string>) =>
    Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))));
  test.each([
    [
      'encrypted.xlsx',
      () => compoundFile(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']),
      /encrypted\.xlsx is password-protected/,
    ],
    [
      'legacy.xls',
      () => compoundFile(['Workbook', '\u0005SummaryInformation']),
      /legacy\.xls is an Excel 97-2003 \.xls workbook: save it as \.xlsx/,
    ],
    [
      'sheet.ods',
      () => zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }),
      /sheet\.ods is an OpenDocument spreadsheet \(\.ods\)/,
    ],
    [
      'plan.csv',
      () => Buffer.from('No,Subject,Lead\nR1,Audit,Head\n'),
      /plan\.csv is a text file \(CSV or similar\), not an \.xlsx workbook/,
    ],
    ['empty.xlsx', () => Buffer.alloc(0), /empty\.xlsx is empty \(0 bytes\)/],
    ['binary.xlsx', () => Buffer.from([0, 1, 2, 3, 255, 0, 7]), /binary\.xlsx is not an \.xlsx workbook \(it is not a zip package\)/],
    ['truncated.xlsx', () => sample.subarray(0, 2000), /truncated\.xlsx is damaged/],
    ['archive.xlsx', () => zip({ 'notes.txt': 'hello' }), /archive\.xlsx is a zip archive, not an Excel workbook/],
    ['binary.xlsb', () => zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.bin': 'x' }), /binary\.xlsb is an Excel binary workbook/],
    [
      'broken.xlsx',
      () => zip({ '[Content_Types].xml': '<Types/>', '_rels/.rels': '<Relationships', 'xl/workbook.xml': '<workbook' }),
      /broken\.xlsx/,
    ],
  ])('%s', async (name, bytes, reason) => {
    const { dir } = folder();
    const file = join(dir, name);
    writeFileSync(file, bytes());
    const r = await run(['check', file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(reason);
    expect(oneLine(r.err)).toBe(true);
    expect(r.err).not.toMatch(/https?:|zip data|central directory|Error:|\bat \S+ \(/i);
  });

  (soffice ? test : test.skip)(
    'real .xls and .ods files saved by LibreOffice',
    () => {
      const { dir, plan } = folder();
      for (const to of ['xls', 'ods']) {
        spawnSync(
          'soffice',
          ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', to, '--outdir', dir, plan],
          {
            timeout: 120_000,
          },
        );
      }
      return Promise.all([run(['check', join(dir, 'plan.xls')]), run(['check', join(dir, 'plan.ods')])]).then(([xls, ods]) => {
        expect(xls.err).toMatch(/plan\.xls is an Excel 97-2003 \.xls workbook/);
        expect(ods.err).toMatch(/plan\.ods is an OpenDocument spreadsheet/);
      });
    },
    240_000,
  );
});

describe('messages come before the write', () => {
  test('a workbook with parts the command does not read (an image) loses nothing, so no "will lack" warning is given', async () => {
    const { dir, plan } = folder();
    const zipped = await JSZip.loadAsync(sample);
    zipped.file('xl/media/image1.png', 'fake');
    writeFileSync(plan, await zipped.generateAsync({ type: 'nodebuffer' }));
    let err = '';
    const code = await main(['apply', plan, '--out', join(dir, 'copy.xlsx')], {
      out: () => undefined,
      err: (t) => (err += t),
      stdin: new PassThrough(),
    });
    expect(code).toBe(0);
    expect(err).not.toMatch(/lack/);
    const copy = await JSZip.loadAsync(readFileSync(join(dir, 'copy.xlsx')));
    expect(await copy.file('xl/media/image1.png')?.async('string')).toBe('fake');
  });
});
