import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** The repository root: the nearest folder above with a package.json (this file also runs compiled, from .bench/). */
function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
export const ROOT = findRoot(__dirname);
export const DIST = join(ROOT, 'dist');
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.png': 'image/png', '.xml': 'application/xml' };

/** The development build of the self-test page, made by globalSetup (production builds leave it out). */
export const DEV_PAGES = join(ROOT, '.e2e', 'dev');

/** Serves dist/ (or another build folder) on a free localhost port. */
export async function serveDist(root: string = DIST): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Debian's Chromium, headless, with the flags that behave on a closed network. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface Opened {
  page: Page;
  /** Requests to any origin but the local server and the Office.js CDN. */
  foreign: string[];
  /** Content-Security-Policy violations the page reported. */
  violations: string[];
}

/** Media features a test can set before the pane loads (forced colours, colour scheme). */
export type Media = NonNullable<Parameters<Page['emulateMedia']>[0]>;

/**
 * Opens the pane with `scenario` (or with Office.js unreachable when null), watching requests and CSP reports.
 * Motion is reduced unless `media` says otherwise: Fluent then skips its colour transitions, so axe never
 * measures contrast halfway through one.
 */
export async function openPane(
  browser: Browser,
  base: string,
  scenario: unknown | null,
  viewport = { width: 350, height: 900 },
  path = 'taskpane.html',
  media: Media = {},
): Promise<Opened> {
  // A British user: the pane's as-at field follows the browser's language (dd/mm/yyyy here).
  const page = await browser.newPage({ viewport, locale: 'en-GB' });
  await page.emulateMedia({ reducedMotion: 'reduce', ...media });
  const foreign: string[] = [];
  const violations: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(base) && url !== OFFICE_JS && !url.startsWith('data:')) foreign.push(url);
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      ((window as unknown as { __csp?: string[] }).__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  if (scenario === null) {
    await page.route(OFFICE_JS, (route) => route.abort('internetdisconnected'));
  } else {
    const fakeJs = readFileSync(join(ROOT, '.e2e', 'fake-office.js'), 'utf8');
    await page.addInitScript((s) => ((window as unknown as { __scenario: unknown }).__scenario = s), scenario);
    await page.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: fakeJs }));
  }
  await page.goto(`${base}/${path}`);
  return { page, foreign, violations };
}

/** CSP violations recorded in the page. */
export async function cspReports(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/**
 * axe-core's violations on the page as "rule: target (impact)" lines; evaluated through the protocol, so the pane's CSP is
 * untouched. Tabster's focus bumpers (`data-tabster-dummy`, used by Fluent's TabList and RadioGroup) are left out: they are
 * focusable and aria-hidden by design, the known false positive Accessibility Insights also suppresses (microsoft/tabster#288).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: object, o: object) => Promise<AxeResults> } }).axe;
    const results = await axe.run({ include: [document], exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${v.impact ?? ''})`));
  });
}

interface AxeResults {
  violations: { id: string; impact?: string; nodes: { target: string[] }[] }[];
}
