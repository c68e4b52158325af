import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { referenceValues } from '../fixtures/reference';
import { syntheticPlan } from '../fixtures/plans';
import { axeViolations, cspReports, launch, openPane, ROOT, serveDist, type Media } from './harness';

type Scalar = string | number | boolean;
/** Screenshots for people to look at (never compared): PANE_SHOTS=/some/folder puts them elsewhere. */
const SHOTS = process.env.PANE_SHOTS ?? join(ROOT, 'tests', 'e2e', 'screenshots');
const reference = (): Scalar[][] => referenceValues().map((r) => r.map((v) => (v === null || typeof v === 'object' ? '' : v)));
const scenario = (extra: { protected?: boolean; theme?: string } = {}) => ({
  sheets: [{ name: 'Appendix 1', values: reference(), protected: extra.protected ?? false }],
  theme: extra.theme,
});

let browser: Browser;
let server: Server;
let base: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ({ server, url: base } = await serveDist());
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** The text of the headline tile whose label matches. */
const tile = (page: Page, label: string | RegExp) =>
  page.getByRole('list', { name: 'Headline figures' }).getByRole('listitem').filter({ hasText: label }).textContent();
const runAll = (page: Page) => page.getByRole('button', { name: 'Write status, formats and summary' }).click();
interface FakeView {
  selection: { sheet: string; address: string } | null;
  sheets: { name: string }[];
}
/** Reads the fake workbook's state in the page. */
const fake = (page: Page) =>
  page.evaluate(() => {
    const f = (window as unknown as { __fake: FakeView }).__fake;
    return { selection: f.selection, sheets: f.sheets.map((s) => s.name) };
  });

describe('task pane in a real browser, on the strict fake Excel', () => {
  test('Run all shows the reference figures: 13 recommendations, 6 met completely, 3 statutory', async () => {
    const { page, foreign, violations } = await openPane(browser, base, scenario());
    await runAll(page);
    await expect(tile(page, /Recom\u00ad?mendations/)).resolves.toContain('13');
    await expect(tile(page, 'Statutory complete')).resolves.toContain('1 of 3');
    const counts = page.getByRole('list', { name: 'Rating counts' });
    await expect(counts.getByRole('listitem').filter({ hasText: 'Completely' }).textContent()).resolves.toContain('6');
    await expect(
      page.getByRole('img', { name: /Ratings: Completely 6, Significantly 4, Moderately 2, Partially 1/ }).count(),
    ).resolves.toBe(1);
    await expect(page.getByRole('status').filter({ hasText: 'recommendations on Appendix 1' }).textContent()).resolves.toContain(
      '13 recommendations',
    );
    expect((await fake(page)).sheets).toEqual(['Appendix 1', 'Action plan summary', 'Action plan chase and checks']);
    await page.screenshot({ path: join(SHOTS, 'results.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(foreign).toEqual([]);
    expect(violations).toEqual([]);
    expect(await cspReports(page)).toEqual([]);
    await page.close();
  });

  test('activating a finding selects its cell in the sheet', async () => {
    const { page } = await openPane(browser, base, scenario());
    await page.getByRole('button', { name: 'Check plan' }).click();
    await page.getByRole('button', { name: /^R5, cell D10:/ }).click();
    await page.waitForFunction(() => (window as unknown as { __fake: { selection: unknown } }).__fake.selection !== null);
    expect((await fake(page)).selection).toEqual({ sheet: 'Appendix 1', address: 'D10' });
    await page.close();
  });

  test('Previous and Next walk the findings cell by cell, selecting each cell in the sheet', async () => {
    const { page } = await openPane(browser, base, scenario());
    await page.getByRole('button', { name: 'Check plan' }).click();
    const next = page.getByRole('button', { name: 'Next', exact: true });
    await next.click();
    await page.waitForFunction(() => (window as unknown as { __fake: { selection: unknown } }).__fake.selection !== null);
    const first = (await fake(page)).selection;
    await next.click();
    await page.waitForFunction(
      (a) => (window as unknown as { __fake: { selection: { address: string } } }).__fake.selection.address !== a,
      first?.address,
    );
    const second = (await fake(page)).selection;
    await page.getByRole('button', { name: 'Previous', exact: true }).click();
    await page.waitForFunction(
      (a) => (window as unknown as { __fake: { selection: { address: string } } }).__fake.selection.address === a,
      first?.address,
    );
    expect(first?.sheet).toBe('Appendix 1');
    expect(second?.address).not.toBe(first?.address);
    await expect(page.getByText(/^1 of \d+: /).count()).resolves.toBe(1);
    await page.close();
  });

  test('results go stale, visibly, when the user changes the sheet; Refresh re-reads', async () => {
    const { page } = await openPane(browser, base, scenario());
    await page.getByRole('button', { name: 'Check plan' }).click();
    await page.getByRole('list', { name: 'Headline figures' }).waitFor();
    await page.evaluate(() =>
      (window as unknown as { __fake: { userEdit: (s: string, a: string, v: string) => Promise<void> } }).__fake.userEdit(
        'Appendix 1',
        'D10',
        'March 2003',
      ),
    );
    await page.getByText('The sheet has changed since these results.').waitFor();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByText('The sheet has changed since these results.').waitFor({ state: 'detached' });
    await expect(page.getByRole('button', { name: /Timescale missing: / }).count()).resolves.toBe(0);
    await page.close();
  });

  test('no table: the pane says which headers it expected; the header row is picked in the sheet and columns from lists', async () => {
    const values = [
      ['Code', 'Matter', 'Person', 'When', 'What', 'How far'],
      ['R1', 'Budgets\nSTATUTORY', 'CFO', 'Sept 2002', 'Set a budget', 'Done.\nRecommendation met: completely'],
      ['R2', 'Staff\nNonstatutory', 'HR', 'TBC', 'Hire', 'Started.\nRecommendation met: partially'],
    ];
    const { page } = await openPane(browser, base, { sheets: [{ name: 'Odd', values }] });
    await page.getByRole('button', { name: 'Check plan' }).click();
    await page.getByText(/No action-plan table on this sheet.*No, Subject, Lead, Timescales, Recommendation and Progress/).waitFor();
    // The card wraps its long text inside the 350-pixel pane: nothing is wider than the pane.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Open Settings' }).click();
    expect(await axeViolations(page)).toEqual([]);
    // The user clicks C1 in the sheet: row 1 is the header.
    await page.evaluate(() =>
      (window as unknown as { __fake: { userSelect: (s: string, a: string) => void } }).__fake.userSelect('Odd', 'C1'),
    );
    await page.getByRole('button', { name: 'Use the selected row as header' }).click();
    await page.getByText('Header row 1, chosen by you.', { exact: false }).waitFor();
    const columns: [string, string][] = [
      ['Reference (No)', 'A: Code'],
      ['Subject', 'B: Matter'],
      ['Lead', 'C: Person'],
      ['Timescale', 'D: When'],
      ['Recommendation', 'E: What'],
      ['Progress', 'F: How far'],
    ];
    for (const [role, option] of columns) {
      await page.getByRole('combobox', { name: `${role} column` }).click();
      await page.getByRole('option', { name: new RegExp(`^${option}`) }).click();
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Check with these columns' }).click();
    await expect(tile(page, /Recom\u00ad?mendations/)).resolves.toContain('2');
    await expect(tile(page, 'Statutory complete')).resolves.toContain('1 of 1');
    // The mapping found the table, so the primary action says what it will change.
    await page.getByRole('list', { name: 'What it will change' }).getByText('Status column G (new)').waitFor();
    await page.close();
  });

  test('a protected sheet shows the adapter\u2019s message and what was not changed', async () => {
    const { page } = await openPane(browser, base, scenario({ protected: true }));
    await runAll(page);
    const alert = page.getByRole('alert');
    await expect(alert.textContent()).resolves.toMatch(/protected.*nothing was changed/i);
    expect((await fake(page)).sheets).toEqual(['Appendix 1']);
    await page.close();
  });

  test('keyboard only: Tab to the primary button (Check plan), Enter, then Tab to a finding and Enter', async () => {
    const { page } = await openPane(browser, base, scenario());
    await page.getByRole('button', { name: 'Check plan' }).waitFor();
    let focused = '';
    for (let i = 0; i < 10 && focused !== 'Check plan'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    }
    expect(focused).toBe('Check plan');
    await page.keyboard.press('Enter');
    await page.getByRole('list', { name: 'Headline figures' }).waitFor();
    for (let i = 0; i < 40 && !focused.startsWith('R5, cell D10'); i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    }
    expect(focused).toMatch(/^R5, cell D10:/);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window as unknown as { __fake: { selection: unknown } }).__fake.selection !== null);
    expect((await fake(page)).selection).toEqual({ sheet: 'Appendix 1', address: 'D10' });
    await page.close();
  });

  test('dark Office theme gives a dark pane', async () => {
    const { page } = await openPane(browser, base, scenario({ theme: '#1F1F1F' }));
    await runAll(page);
    await page.getByRole('list', { name: 'Headline figures' }).waitFor();
    const bg = await page.getByRole('main').evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = (bg.match(/\d+/g) ?? []).map(Number);
    expect((r ?? 255) + (g ?? 255) + (b ?? 255)).toBeLessThan(3 * 80);
    await page.screenshot({ path: join(SHOTS, 'results-dark.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Settings' }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  test('forced colours (high contrast): the figures and rating counts are still there in words', async () => {
    const { page } = await openPane(browser, base, scenario());
    await page.emulateMedia({ forcedColors: 'active' });
    await runAll(page);
    const counts = page.getByRole('list', { name: 'Rating counts' });
    await expect(counts.getByRole('listitem').filter({ hasText: 'Significantly' }).textContent()).resolves.toContain('4');
    await expect(page.getByRole('button', { name: 'Write status, formats and summary' }).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(SHOTS, 'results-forced-colors.png'), fullPage: true });
    await page.close();
  });

  test('a large sheet is analysed in a web worker and gives the same figures', async () => {
    const values = syntheticPlan(3000, { seed: 3 }).map((r) => r.map((v) => (v === null || typeof v === 'object' ? '' : v)));
    const { page, violations } = await openPane(browser, base, { sheets: [{ name: 'Plan', values }] });
    await page.getByRole('button', { name: 'Check plan' }).click();
    await expect(tile(page, /Recom\u00ad?mendations/)).resolves.toContain('3,000');
    // One worker, made once (the quiet check on opening may already have started it) and reused.
    expect(page.workers()).toHaveLength(1);
    expect(violations).toEqual([]);
    expect(await cspReports(page)).toEqual([]);
    await page.close();
  });

  test('outside Excel (Office.js unreachable) the pane says to open it in Excel, within seconds', async () => {
    const { page, foreign } = await openPane(browser, base, null);
    await page.getByText('Open this in Excel').waitFor({ timeout: 6000 });
    expect(foreign).toEqual([]);
    await page.close();
  });
});

/** The three looks: Office's light and dark themes, and Windows high contrast (forced colours). */
const THEMES: { name: string; office?: string; media: Media; background: string }[] = [
  { name: 'light', office: '#FFFFFF', media: {}, background: '#ffffff' },
  { name: 'dark', office: '#1F1F1F', media: {}, background: '#292929' },
  { name: 'high contrast', office: '#FFFFFF', media: { forcedColors: 'active' }, background: '#000000' },
];
/** The theme's page background, read from Fluent's token on the provider (forced colours repaint any computed colour). */
const themeBackground = (page: Page) =>
  page.evaluate(() => {
    const provider = document.querySelector('.fui-FluentProvider');
    return provider ? getComputedStyle(provider).getPropertyValue('--colorNeutralBackground1').trim().toLowerCase() : '';
  });
/** Holds the next run in Excel's cell-edit mode (delayForCellEdit) until `release`, so the busy state can be looked at. */
const holdRuns = (page: Page) =>
  page.evaluate(() => Object.assign((window as unknown as { __fake: object }).__fake, { cellEditMode: true, holdCellEdit: true }));
const release = (page: Page) =>
  page.evaluate(() => Object.assign((window as unknown as { __fake: object }).__fake, { cellEditMode: false, holdCellEdit: false }));
/**
 * What axe leaves to people: `aria-labelledby` pointing at an id that is not in the page, and a button or tab whose
 * spoken name (aria-label) differs from its visible text. Each problem as one line.
 */
const labelProblems = (page: Page) =>
  page.evaluate(() => {
    const dangling = [...document.querySelectorAll('[aria-labelledby]')].flatMap((el) =>
      (el.getAttribute('aria-labelledby') ?? '')
        .split(/\s+/)
        .filter((id) => id && !document.getElementById(id))
        .map((id) => `aria-labelledby="${id}" on ${el.tagName.toLowerCase()}: no such id`),
    );
    const renamed = [...document.querySelectorAll<HTMLElement>('button, [role="button"], [role="tab"]')]
      // Without visible text (an icon-only button, or one not shown, as Fluent's Dropdown keeps its clear button) there is no text to differ from.
      .filter(
        (el) =>
          el.innerText.trim() !== '' && el.hasAttribute('aria-label') && el.getAttribute('aria-label')?.trim() !== el.innerText.trim(),
      )
      .map((el) => `"${el.innerText.trim()}" is spoken as "${el.getAttribute('aria-label') ?? ''}"`);
    return [...dangling, ...renamed];
  });
/** axe's violations and the label problems together: both must be empty in every state. */
const a11y = async (page: Page) => [...(await axeViolations(page)), ...(await labelProblems(page))];
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? document.activeElement?.tagName ?? '');

describe.each(THEMES)('every state in the $name theme is axe-clean', ({ name, office, media, background }) => {
  test('empty, working (focus kept on the busy button), results (focus on the headline), settings', async () => {
    const { page } = await openPane(browser, base, { ...scenario(), theme: office }, undefined, undefined, media);
    const primary = page.getByRole('button', { name: 'Write status, formats and summary' });
    await primary.waitFor();
    expect(await themeBackground(page)).toBe(background);
    expect(await a11y(page)).toEqual([]);

    await holdRuns(page);
    await primary.click();
    await page.getByRole('progressbar').waitFor();
    expect(await primary.getAttribute('aria-disabled')).toBe('true');
    expect(await focusedText(page)).toBe('Write status, formats and summary');
    expect(await a11y(page)).toEqual([]);

    await release(page);
    const headline = page.getByRole('heading', { level: 2, name: /^6 of 13 / });
    await headline.waitFor();
    await page.getByRole('list', { name: 'Findings by rule' }).waitFor();
    expect(await headline.evaluate((h) => h === document.activeElement)).toBe(true);
    expect(await a11y(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, `pane-${name.replace(' ', '-')}.png`), fullPage: true });

    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings for this workbook' }).waitFor();
    expect(await a11y(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, `settings-${name.replace(' ', '-')}.png`), fullPage: true });
    await page.close();
  });

  test('error (a protected sheet) and no table', async () => {
    const { page } = await openPane(browser, base, { ...scenario({ protected: true }), theme: office }, undefined, undefined, media);
    await runAll(page);
    await page.getByRole('alert').waitFor();
    expect(await a11y(page)).toEqual([]);
    await page.close();
    const odd = {
      sheets: [
        {
          name: 'Odd',
          values: [
            ['Code', 'Matter'],
            ['R1', 'Budgets'],
          ],
        },
      ],
      theme: office,
    };
    const second = await openPane(browser, base, odd, undefined, undefined, media);
    await second.page.getByRole('button', { name: 'Check plan' }).click();
    await second.page.getByText('No action-plan table on this sheet.').waitFor();
    expect(await a11y(second.page)).toEqual([]);
    await second.page.close();
  });

  test('"open in Excel" follows the browser\u2019s theme too', async () => {
    const browserMedia: Media = name === 'dark' ? { colorScheme: 'dark' } : { colorScheme: 'light', ...media };
    const { page } = await openPane(browser, base, null, undefined, undefined, browserMedia);
    await page.getByText('Open this in Excel').waitFor({ timeout: 8000 });
    expect(await themeBackground(page)).toBe(background);
    expect(await a11y(page)).toEqual([]);
    await page.close();
  });
});

/** Every finding card drawn, as its box and whether any of its text is cut (clipped sideways or below). */
const cardBoxes = (page: Page) =>
  page.getByRole('list', { name: 'Findings by rule' }).evaluate((list) =>
    [...list.querySelectorAll<HTMLElement>(':scope > [role="listitem"]')].map((item) => {
      const box = item.getBoundingClientRect();
      const cut = [...item.querySelectorAll<HTMLElement>('button, span')].some(
        (el) =>
          el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1 || getComputedStyle(el).textOverflow === 'ellipsis',
      );
      return { top: box.top, bottom: box.bottom, text: item.innerText, cut };
    }),
  );
/** `#rrggbb` as the browser computes it ("rgb(r, g, b)"). */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

describe('the pane answers first, at 350 pixels', () => {
  test('after a run on the reference appendix: the headline and figures, then the buttons; the chase list one link away; cards whole', async () => {
    const { page } = await openPane(browser, base, scenario());
    await runAll(page);
    const headline = page.getByRole('heading', { level: 2, name: /^6 of 13 complete/ });
    await headline.waitFor();
    await page.getByRole('list', { name: 'Findings by rule' }).waitFor();
    // In the order a screen reader reads: the results' first heading is the headline, and nothing but the app's
    // title, Help and the two view tabs comes before it.
    const before = await page.evaluate(() => {
      const h = document.querySelector('#panel-results h2');
      const controls = [...document.querySelectorAll<HTMLElement>('button, input, a, [role="tab"]')];
      return {
        firstHeading: document.querySelector('#panel-results :is(h2, h3)')?.textContent ?? '',
        controlsBefore: controls
          .filter((c) => h && c.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING)
          .map((c) => c.innerText),
      };
    });
    expect(before.firstHeading).toMatch(/^6 of 13 complete/);
    expect(before.controlsBefore).toEqual(['Help', 'Results', 'Settings']);
    // On screen too: the headline and the figures sit above the buttons, within the first screen.
    const top = async (name: string, role: 'button' | 'list' = 'button') =>
      (await page.getByRole(role, { name, exact: true }).boundingBox())?.y ?? 0;
    const figures = await top('Headline figures', 'list');
    expect((await headline.boundingBox())?.y).toBeLessThan(figures);
    expect(figures).toBeLessThan(await top('Check plan'));
    expect(figures).toBeLessThan(900);
    // The safe action is the primary (brand-coloured) button; the writing one is plain.
    const colours = await page.evaluate(() => {
      const bg = (name: string) =>
        getComputedStyle([...document.querySelectorAll('button')].find((b) => b.innerText === name) as Element).backgroundColor;
      const provider = getComputedStyle(document.querySelector('.fui-FluentProvider') as Element);
      return {
        check: bg('Check plan'),
        write: bg('Write status, formats and summary'),
        brand: provider.getPropertyValue('--colorBrandBackground').trim(),
      };
    });
    expect(colours.check).toBe(rgb(colours.brand));
    expect(colours.write).not.toBe(colours.check);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
    await page.screenshot({ path: join(SHOTS, 'first-screen.png') });

    // Finding cards: each whole (wrapped, never cut to a line), none overlapping the next.
    const cards = await cardBoxes(page);
    expect(cards.length).toBeGreaterThan(3);
    expect(cards.filter((c) => c.cut)).toEqual([]);
    for (let i = 1; i < cards.length; i++) expect(cards[i]!.top).toBeGreaterThanOrEqual(cards[i - 1]!.bottom - 0.5);
    // R5's card ends with its advice (SPEC TIMESCALE_MISSING: what to do), shown in full.
    expect(cards.find((c) => c.text.startsWith('R5, cell D10'))?.text).toMatch(/R5 has no timescale in D10\..+\.$/s);
    expect(await a11y(page)).toEqual([]);
    await page.close();
  });

  test('[OVERDUE] one overdue item: the chase list is a link away, and its finding card says "274 days overdue" and the advice', async () => {
    const values = reference();
    // R3 (row 8, rated moderately) due June 2001: at 31 March 2002 that is 31+31+30+31+30+31+31+28+31 = 274 days overdue.
    values[7]![3] = 'June 2001';
    const { page } = await openPane(browser, base, { sheets: [{ name: 'Appendix 1', values }] });
    await page.getByRole('button', { name: 'Check plan' }).click();
    const link = page.getByRole('link', { name: 'Chase list: 1 item' });
    expect((await link.boundingBox())?.y).toBeLessThan(900);
    await link.click();
    const chase = page.getByRole('heading', { level: 2, name: 'Chase list' });
    expect(await chase.evaluate((h) => h === document.activeElement)).toBe(true);
    const box = await chase.boundingBox();
    expect(box?.y).toBeGreaterThanOrEqual(0);
    expect(box?.y).toBeLessThan(900);
    const card = (await cardBoxes(page)).find((c) => c.text.startsWith('R3, cell D8'));
    expect(card?.cut).toBe(false);
    expect(card?.text).toContain('Lead: ACPRS/ Head of Best Value group.');
    expect(card?.text).toContain('is 274 days overdue');
    expect(card?.text).toMatch(/Update the progress and status, or agree a revised timescale\.$/);
    await page.getByRole('button', { name: /^R3, cell D8:/ }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'overdue-card.png') });
    await page.close();
  });
});

describe('narrow and wide panes', () => {
  test.each([320, 500])('at %i pixels nothing spills sideways, with the results and findings open', async (width) => {
    const { page } = await openPane(browser, base, scenario(), { width, height: 900 });
    await runAll(page);
    await page.getByRole('list', { name: 'Findings by rule' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.getByRole('tab', { name: 'Settings' }).click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.close();
  });
});

describe('the as-at date', () => {
  test('an en-GB user types dd/mm/yyyy; the date is credited to the sheet title, then to the user who chose it', async () => {
    const { page } = await openPane(browser, base, scenario());
    await page.getByRole('button', { name: 'Check plan' }).click();
    await page.getByText('31 March 2002, from the sheet title').waitFor();
    const field = page.getByRole('textbox', { name: 'Position as at (dd/mm/yyyy)' });
    await field.fill('30/06/2002');
    await field.press('Enter');
    await page.getByText('30 June 2002, chosen by you').waitFor();
    expect(await field.inputValue()).toBe('30/06/2002');
    expect(await a11y(page)).toEqual([]);
    await page.close();
  });
});

describe('a 3,000-row plan stays one screen of groups', () => {
  test('[RATING_MISSING] findings are closed groups with counts, settings stay at the top, Next opens the group it walks into', async () => {
    const values = syntheticPlan(3000, { seed: 3 }).map((r) => r.map((v) => (v === null || typeof v === 'object' ? '' : v)));
    const { page } = await openPane(browser, base, { sheets: [{ name: 'Plan', values }] });
    await page.getByRole('button', { name: 'Check plan' }).click();
    const list = page.getByRole('list', { name: 'Findings by rule' });
    await list.waitFor({ timeout: 60000 });
    const unrated = page.getByRole('button', { name: /^\W*Not rated: [\d,]+ recommendations$/ });
    expect(await unrated.getAttribute('aria-expanded')).toBe('false');
    // Every group starts closed on a plan this size: the page is about two screens (one closed group a rule that
    // fires, a line each), not 213,000 pixels.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(2.25 * 900);
    const settings = await page.getByRole('tab', { name: 'Settings' }).boundingBox();
    expect(settings?.y).toBeLessThan(900);
    await unrated.click();
    expect(await unrated.getAttribute('aria-expanded')).toBe('true');
    const drawn = await page.getByRole('button', { name: /^R\d+, cell F\d+:/ }).count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(60);
    expect(await page.evaluate(() => document.querySelectorAll('button').length)).toBeLessThan(100);
    await page.screenshot({ path: join(SHOTS, 'pane-3000-rows.png'), fullPage: true });
    expect(await a11y(page)).toEqual([]);

    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByText(/^1 of [\d,]+: /).waitFor();
    expect(
      await page
        .getByRole('button', { name: /^R1, cell / })
        .first()
        .getAttribute('aria-current'),
    ).toBe('true');
    await page.close();
  }, 90000);
});
/** Evaluates against the fake workbook in the page. */
interface FakeSheets {
  sheet: (name: string) => { values: Scalar[][] };
  sheets: { id: string; name: string }[];
  activeSheetId: string | null;
  selection: { sheet: string; address: string } | null;
  userEdit: (s: string, a: string, v: string) => Promise<void>;
}
const cellOf = (page: Page, sheet: string, row: number, col: number) =>
  page.evaluate(([s, r, c]) => (window as unknown as { __fake: FakeSheets }).__fake.sheet(s as string).values[r as number]?.[c as number], [
    sheet,
    row,
    col,
  ] as const);
const edit = (page: Page, address: string, value: string) =>
  page.evaluate(([a, v]) => (window as unknown as { __fake: FakeSheets }).__fake.userEdit('Appendix 1', a as string, v as string), [
    address,
    value,
  ] as const);

describe('know what it will do, and go back (browser, strict fake)', () => {
  test('[F5] before the first write the pane lists what the button will change; after it, plain words, Go to summary and the undo story', async () => {
    const { page } = await openPane(browser, base, scenario());
    const preview = page.getByRole('list', { name: 'What it will change' });
    await preview.getByText('Formats on A5:I18 of "Appendix 1"').waitFor();
    await expect(preview.getByRole('listitem').allTextContents()).resolves.toEqual([
      'Formats on A5:I18 of "Appendix 1"',
      'Status column G (new), days overdue in H, data checks in I',
      expect.stringMatching(/^\d+ highlight rules for status, ratings and statutory rows$/),
      'Summary sheet "Action plan summary" (new)',
      'Chase list and checks sheet "Action plan chase and checks" (new)',
    ]);
    expect((await fake(page)).sheets).toEqual(['Appendix 1']);
    expect(await axeViolations(page)).toEqual([]);
    await runAll(page);
    // What was written is one line; its detail opens under "What changed".
    await page.getByRole('button', { name: /^What changed \(\d+\)$/ }).click();
    await page
      .getByRole('list', { name: 'What changed' })
      .getByText('Added the summary sheet "Action plan summary"', { exact: false })
      .waitFor();
    await expect(page.getByText(/with \d+ rules/).count()).resolves.toBe(0);
    await expect(preview.count()).resolves.toBe(0);
    // Desktop Excel (the fake plays Windows): adding the sheet cleared the undo history; a file not on OneDrive or
    // SharePoint has no Version History, so none is offered.
    await page.getByText(/^Excel cannot undo all of it in one step\. Running it again is always safe/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'after-first-run.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Go to summary' }).click();
    await page.waitForFunction(() => {
      const f = (window as unknown as { __fake: FakeSheets }).__fake;
      return f.sheets.find((s) => s.id === f.activeSheetId)?.name === 'Action plan summary';
    });
    expect((await fake(page)).selection).toEqual({ sheet: 'Action plan summary', address: 'A1' });
    // Back on the plan's sheet, the second run rewrites our sheet in place, inside one merged undo group (ExcelApi 1.20).
    await page.evaluate(() => (window as unknown as { __fake: { activate: (s: string) => void } }).__fake.activate('Appendix 1'));
    await runAll(page);
    await page.getByText(/^Ctrl\+Z undoes it in one step/).waitFor();
    await page.getByRole('button', { name: /^What changed \(\d+\)$/ }).click();
    await page.getByText('Rewrote the summary sheet "Action plan summary" in place', { exact: false }).waitFor();
    await page.close();
  });

  test('[stale] an edit right after a run (ExcelApi 1.9, no triggerSource) dims the results; Refresh rewrites the status column', async () => {
    const { page } = await openPane(browser, base, { ...scenario(), apiMinor: 9 });
    await runAll(page);
    await page.getByRole('list', { name: 'Headline figures' }).waitFor();
    // R5's timescale (D10) is missing: its data-check cell I10 says so (its state, rated completely, is Complete).
    expect(await cellOf(page, 'Appendix 1', 9, 8)).toBe('Check timescale');
    // Well within two seconds of the run's writes.
    await edit(page, 'D10', 'March 2003');
    await page.getByText('The sheet has changed since these results.', { exact: false }).waitFor();
    const results = page.getByRole('tabpanel', { name: 'Results' });
    // The figures and the findings are drained of colour; the buttons between them keep theirs.
    const filters = () =>
      results.evaluate((el) => [...el.querySelectorAll('[data-results], [aria-label="Actions"]')].map((e) => getComputedStyle(e).filter));
    await expect(filters()).resolves.toEqual(['grayscale(1)', 'none', 'grayscale(1)']);
    await expect(results.getAttribute('aria-describedby')).resolves.toBe('stale-note');
    await page.getByText('Refresh reads the sheet again and updates the formats, status column and summary sheet.').waitFor();
    await page.screenshot({ path: join(SHOTS, 'stale.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByText('The sheet has changed since these results.', { exact: false }).waitFor({ state: 'detached' });
    await expect(filters()).resolves.toEqual(['none', 'none', 'none']);
    expect(await cellOf(page, 'Appendix 1', 9, 8)).not.toBe('Check timescale');
    await page.close();
  });

  test('the Help link opens the support page, which explains each finding', async () => {
    const { page } = await openPane(browser, base, scenario());
    const [help] = await Promise.all([page.waitForEvent('popup'), page.getByRole('link', { name: 'Help' }).click()]);
    await help.waitForLoadState();
    await help.getByRole('heading', { name: 'What each finding means' }).waitFor();
    await expect(help.locator('#TIMESCALE_MISSING').textContent()).resolves.toContain('Timescale missing');
    await help.close();
    await page.close();
  });
});
