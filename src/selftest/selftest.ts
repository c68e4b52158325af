// Composition root of the self-test page (development builds only): the DOM here, every Office.js call
// in src/excel/selfTest.ts.
import { detectHost } from '../excel/host';
import { formatReport, runSelfTest, SELF_TEST_CHECKS, type CheckResult } from '../excel/selfTest';
import type { Tester } from '../excel/selfTestRuns';

// Listening from the moment the page loads, so the report names every violation of its policy (the meta CSP).
const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => {
  violations.push(
    `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}${e.sourceFile ? ` in ${e.sourceFile}:${e.lineNumber}` : ''}`,
  );
});

function element<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`The self-test page has no #${id}`);
  return el as T;
}

/** One table row per check, "not run" until its result arrives. */
function renderRows(rows: HTMLElement): Map<string, HTMLTableRowElement> {
  const byId = new Map<string, HTMLTableRowElement>();
  rows.replaceChildren();
  for (const check of SELF_TEST_CHECKS) {
    const tr = document.createElement('tr');
    for (const text of [check.name, 'not run', '']) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    rows.append(tr);
    byId.set(check.id, tr);
  }
  return byId;
}

function show(row: HTMLTableRowElement | undefined, result: CheckResult): void {
  const [, outcome, detail] = Array.from(row?.cells ?? []);
  if (outcome) outcome.textContent = result.outcome;
  if (detail) detail.textContent = result.detail;
}

/** Shows what to do in Excel and waits for Done (true) or Skip (false). */
function pageTester(): Tester {
  const box = element('ask');
  const words = element('askWords');
  const done = element<HTMLButtonElement>('askDone');
  const skip = element<HTMLButtonElement>('askSkip');
  return {
    ask: (text) =>
      new Promise<boolean>((resolve) => {
        words.textContent = text;
        box.hidden = false;
        done.focus();
        const answer = (value: boolean) => () => {
          box.hidden = true;
          done.onclick = null;
          skip.onclick = null;
          resolve(value);
        };
        done.onclick = answer(true);
        skip.onclick = answer(false);
      }),
  };
}

async function copy(report: HTMLTextAreaElement, status: HTMLElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(report.value);
  } catch {
    // Office webviews may refuse the clipboard API; selecting the text lets Ctrl+C work.
    report.select();
    if (!document.execCommand('copy')) {
      status.textContent = 'Select the report and press Ctrl+C (or Cmd+C) to copy it.';
      return;
    }
  }
  status.textContent = 'Report copied.';
}

async function main(): Promise<void> {
  const run = element<HTMLButtonElement>('run');
  const status = element('status');
  const report = element<HTMLTextAreaElement>('report');
  const byId = renderRows(element('rows'));
  element<HTMLButtonElement>('copy').addEventListener('click', () => void copy(report, status));
  const host = await detectHost(10000);
  if (host.kind !== 'excel') {
    status.textContent = 'Not running in Excel: open this page from the add-in in Excel (Settings > Run the self-test).';
    return;
  }
  status.textContent = 'Ready.';
  run.disabled = false;
  run.addEventListener('click', async () => {
    run.disabled = true;
    renderRows(element('rows')).forEach((row, id) => byId.set(id, row));
    status.textContent = 'Running…';
    const withYou = element<HTMLInputElement>('withYou').checked;
    const page = { cspViolations: () => violations, ...(withYou ? { tester: pageTester() } : {}) };
    const results = await runSelfTest((r) => show(byId.get(r.id), r), undefined, page);
    report.value = formatReport(results);
    const differ = results.filter((r) => r.outcome === 'differs' || r.outcome === 'error').length;
    status.textContent = `Done: ${results.length} checks, ${differ} differ or failed. Copy the report and send it back.`;
    run.disabled = false;
  });
}

void main();
