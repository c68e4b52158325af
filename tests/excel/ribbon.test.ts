/**
 * @jest-environment jsdom
 */
import { runSummary } from '../../src/excel/ribbon';
import type { FakeWorkbook } from '../fakes/excelFake';
import { useFakeExcel } from '../fakes/jestFake';
import { referenceRuleCount, referenceValues } from '../fixtures/reference';
import { scalarGrid } from '../corpus/workbooks';

const current = useFakeExcel();
let fake: FakeWorkbook;
beforeEach(() => (fake = current()));

const event = () => {
  const e = { completed: jest.fn() };
  return e as typeof e & Office.AddinCommands.Event;
};

describe('the ribbon\u2019s one-click Summary', () => {
  test('runs the whole job, shows the summary sheet and completes the event', async () => {
    fake.addSheet('Appendix 1', scalarGrid(referenceValues()));
    const e = event();
    await runSummary(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(fake.sheets.map((s) => s.name)).toEqual(['Appendix 1', 'Action plan summary']);
    expect(fake.activeSheetId).toBe(fake.sheet('Action plan summary').id);
    expect(fake.sheet('Appendix 1').conditionalFormats).toHaveLength(referenceRuleCount());
    expect(fake.dialogs).toEqual([]);
  });

  test('shows the error in a dialog and still completes the event', async () => {
    fake.addSheet('Appendix 1', scalarGrid(referenceValues()), { protected: true });
    const e = event();
    await runSummary(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(fake.dialogs).toHaveLength(1);
    const url = new URL(fake.dialogs[0] ?? '');
    expect(url.pathname).toMatch(/notice\.html$/);
    expect(url.searchParams.get('text')).toMatch(/protected, so nothing was changed/);
  });

  test('on a sheet with no table it says so and changes nothing', async () => {
    fake.addSheet('Budget', [['Line', 'Amount']]);
    const e = event();
    await runSummary(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(new URL(fake.dialogs[0] ?? '').searchParams.get('text')).toMatch(
      /No action-plan table was found on "Budget"\. Nothing was changed/,
    );
    expect(fake.sheets).toHaveLength(1);
  });
});
