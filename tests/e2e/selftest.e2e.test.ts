/** The self-test page (development builds) in a real browser on the strict fake Excel: every check reports a result. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { SELF_TEST_CHECKS } from '../../src/excel/selfTest';
import { referenceValues } from '../fixtures/reference';
import { DEV_PAGES, DIST, launch, openPane, serveDist } from './harness';

type Scalar = string | number | boolean;
const reference = (): Scalar[][] => referenceValues().map((r) => r.map((v) => (v === null || typeof v === 'object' ? '' : v)));
const OUTCOMES = ['as assumed', 'differs', 'info', 'skipped', 'error'];

let browser: Browser;
let server: Server;
let base: string;

beforeAll(async () => {
  ({ server, url: base } = await serveDist(DEV_PAGES));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('the self-test page on the strict fake Excel', () => {
  test('runs every check, shows each result, leaves the workbook as it was and offers a copyable report', async () => {
    const scenario = { sheets: [{ name: 'Appendix 1', values: reference() }] };
    const { page, foreign, violations } = await openPane(browser, base, scenario, { width: 700, height: 900 }, 'selftest.html');
    const results = page.getByRole('table', { name: 'Self-test results' });
    await expect(results.getByRole('row').count()).resolves.toBe(SELF_TEST_CHECKS.length + 1);

    await page.getByRole('button', { name: 'Run the self-test' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Done:/ })
      .waitFor({ timeout: 20000 });

    for (const check of SELF_TEST_CHECKS) {
      const cells = results.getByRole('row').filter({ hasText: check.name }).getByRole('cell');
      const outcome = (await cells.nth(1).textContent()) ?? '';
      expect([check.name, OUTCOMES.includes(outcome)]).toEqual([check.name, true]);
    }
    const report = await page.getByRole('textbox', { name: 'Report to send back' }).inputValue();
    for (const check of SELF_TEST_CHECKS) expect(report).toContain(`] ${check.id} - ${check.name}: `);
    expect(report).toMatch(/^Summary: \d+ as assumed/m);

    // The scratch sheet is gone; the user's sheet is all that is left.
    const sheets = await page.evaluate(() =>
      (window as unknown as { __fake: { sheets: { name: string }[] } }).__fake.sheets.map((s) => s.name),
    );
    expect(sheets).toEqual(['Appendix 1']);

    await page.getByRole('button', { name: 'Copy report' }).click();
    // The clipboard answer is asynchronous (and headless Chromium may refuse it): wait for either message.
    await page
      .getByRole('status')
      .filter({ hasText: /copied|Ctrl\+C/ })
      .waitFor({ timeout: 5000 });
    expect(foreign).toEqual([]);
    expect(violations).toEqual([]);
    await page.close();
  });

  test('with "Include the steps that need you", it asks for each step in turn, and Done or Skip answers it', async () => {
    const scenario = { sheets: [{ name: 'Appendix 1', values: reference() }] };
    const { page, violations } = await openPane(browser, base, scenario, { width: 700, height: 900 }, 'selftest.html');
    await page.getByRole('checkbox', { name: /Include the steps that need you/ }).check();
    await page.getByRole('button', { name: 'Run the self-test' }).click();
    // Ctrl+Z after a Summary re-run: the fake has no undo, so Done with nothing undone differs from the one undo step assumed.
    await page.getByText(/press Ctrl\+Z once/).waitFor({ timeout: 20000 });
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByText(/Click Home > Summary on the ribbon/).waitFor({ timeout: 20000 });
    await page.getByRole('button', { name: 'Skip this step' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Done:/ })
      .waitFor({ timeout: 20000 });
    const report = await page.getByRole('textbox', { name: 'Report to send back' }).inputValue();
    expect(report).toMatch(/^\[differs\] undo\.ctrlZ - .*status cells still written \(assumed reverted/m);
    expect(report).toMatch(/^\[skipped\] lock\.ribbon - .*skipped by the tester$/m);
    expect(report).toMatch(/^\[as assumed\] lock\.api - /m);
    expect(report).toMatch(/^\[as assumed\] csp - /m);
    const sheets = await page.evaluate(() =>
      (window as unknown as { __fake: { sheets: { name: string }[] } }).__fake.sheets.map((s) => s.name),
    );
    expect(sheets).toEqual(['Appendix 1']);
    expect(violations).toEqual([]);
    await page.close();
  });

  test('the production build (dist/, built by test:e2e) has neither the page nor a link to it', () => {
    expect(existsSync(join(DIST, 'selftest.html'))).toBe(false);
    const scripts = readdirSync(DIST).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const f of scripts) expect([f, readFileSync(join(DIST, f), 'utf8').includes('selftest')]).toEqual([f, false]);
  });

  test('outside Excel it says so and runs nothing', async () => {
    const { page } = await openPane(browser, base, null, { width: 700, height: 600 }, 'selftest.html');
    await page.getByRole('status').filter({ hasText: 'Not running in Excel' }).waitFor({ timeout: 15000 });
    await expect(page.getByRole('button', { name: 'Run the self-test' }).isDisabled()).resolves.toBe(true);
    await page.close();
  });
});
