import { runPlan } from '../../src/excel';
import type { FakeWorkbook } from '../fakes/excelFake';
import { useFakeExcel } from '../fakes/jestFake';
import { referenceValues } from '../fixtures/reference';
import { scalarGrid } from '../corpus/workbooks';

/** The fake refuses a conditional-format formula Excel could not parse, as Excel fails the batch's sync. */
describe('[F3] the strict fake parses every conditional-format formula', () => {
  const current = useFakeExcel();
  let fake: FakeWorkbook;
  beforeEach(() => {
    fake = current();
    fake.addSheet('Plan', [['x'], ['y'], ['z']]);
  });

  const add = (formula: string) =>
    Excel.run(async (context) => {
      const cf = context.workbook.worksheets.getItem('Plan').getRange('A1:A3').conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = formula;
      await context.sync();
    });

  test('a rule with a syntax slip fails its sync (InvalidArgument); a good one is kept', async () => {
    await expect(add('=AND(N("ActionPlanChecker")=0,ISNUMBER(SEARCH("x",$A1))')).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(add('=AND(N("ActionPlanChecker")=0,NOSUCHFUNCTION($A1))')).rejects.toMatchObject({ code: 'InvalidArgument' });
    await add('=AND(N("ActionPlanChecker")=0,ISNUMBER(SEARCH("x",$A1)))');
    const formulas = fake.sheet('Plan').conditionalFormats.map((c) => c.formula);
    expect(formulas).toContain('=AND(N("ActionPlanChecker")=0,ISNUMBER(SEARCH("x",$A1)))');
    expect(formulas.filter((f) => f.includes('NOSUCHFUNCTION') || f.endsWith('$A1))'))).toEqual([]);
  });

  test('every rule the adapter writes on the reference appendix parses', async () => {
    fake.addSheet('Appendix 1', scalarGrid(referenceValues()));
    fake.activate('Appendix 1');
    await runPlan({}, { format: true, summary: false }, undefined, { now: new Date(2026, 10, 26, 10) });
    expect(fake.sheet('Appendix 1').conditionalFormats.length).toBeGreaterThan(5);
  });
});
