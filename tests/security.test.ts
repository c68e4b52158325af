/**
 * @jest-environment jsdom
 */
// Security, tested: no code evaluation, no raw HTML from data, a CSP on every page, Office.js the only outside script.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}
const sources = files(join(ROOT, 'src')).filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f));

test.each(['eval(', 'new Function', 'dangerouslySetInnerHTML', '.innerHTML', 'document.write'])('no source file uses %s', (needle) => {
  for (const f of sources) expect(`${f}: ${readFileSync(f, 'utf8').includes(needle)}`).toBe(`${f}: false`);
});

test.each(['src/taskpane/taskpane.html', 'src/commands/commands.html', 'src/commands/notice.html', 'src/support.html'])(
  '%s ships a Content-Security-Policy that allows scripts only from itself and the Office.js CDN',
  (page) => {
    const doc = new DOMParser().parseFromString(readFileSync(join(ROOT, page), 'utf8'), 'text/html');
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    expect(csp).toContain("default-src 'self'");
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? "'self'";
    expect(scriptSrc.split(/\s+/).every((s) => s === "'self'" || s === 'https://appsforoffice.microsoft.com')).toBe(true);
    expect(csp).not.toContain('unsafe-eval');
    // Office.js from Microsoft's CDN, and our own files by relative path (old-webview.js, served from this origin).
    for (const script of Array.from(doc.querySelectorAll('script[src]')))
      expect(script.getAttribute('src')).toMatch(/^(https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js|[a-z-]+\.js)$/);
  },
);
