/**
 * @jest-environment jsdom
 */
// Issue 20.10: an old Internet Explorer webview cannot run the pane's bundle; it must get a plain message, not an
// endless "Loading...". old-webview.js is plain ES5, loaded before the bundle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SCRIPT = readFileSync(join(__dirname, '../src/taskpane/old-webview.js'), 'utf8');
const PAGE = readFileSync(join(__dirname, '../src/taskpane/taskpane.html'), 'utf8');
const ROOT = /<div id="root">[\s\S]*?<\/div>/.exec(PAGE)?.[0] ?? '';

function load(userAgent: string): void {
  document.body.innerHTML = ROOT;
  Object.defineProperty(window.navigator, 'userAgent', { value: userAgent, configurable: true });
  // The script as the page runs it: a classic script element in the page.
  const script = document.createElement('script');
  script.textContent = SCRIPT;
  document.body.appendChild(script);
}

afterEach(() => jest.useRealTimers());

test('[old webview] Internet Explorer gets a plain message at once, as an alert', () => {
  load('Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko');
  const alert = document.querySelector('[role="alert"]');
  expect(alert?.textContent).toMatch(/old browser engine \(Internet Explorer\).*Nothing in your workbook was read or changed\./);
  expect(document.getElementById('root')?.textContent).not.toMatch(/Loading/);
});

test('[old webview] a modern engine whose pane never started is told after 30 seconds', () => {
  jest.useFakeTimers();
  load('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 Edg/130.0');
  jest.advanceTimersByTime(29_000);
  expect(document.getElementById('root')?.textContent).toMatch(/Loading Action Plan Checker/);
  jest.advanceTimersByTime(2_000);
  expect(document.querySelector('[role="alert"]')).not.toBeNull();
});

test('[old webview] a pane that has started is never replaced', () => {
  jest.useFakeTimers();
  load('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko)');
  const root = document.getElementById('root');
  if (root) root.innerHTML = '<main><h1>Action plan</h1></main>';
  jest.advanceTimersByTime(60_000);
  expect(document.querySelector('[role="alert"]')).toBeNull();
  expect(document.getElementById('root')?.textContent).toBe('Action plan');
});
