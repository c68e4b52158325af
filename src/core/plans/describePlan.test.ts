import { referenceRuleCount, referenceValues } from '../../../tests/fixtures/reference';
import { OPTIONS } from '../../../tests/fixtures/sheets';
import { analyseSheet } from '../analyse';
import { describePlan, describeWritten, statusColumnWritten } from './describePlan';
import { planFormat } from './formatPlan';
import type { SheetSnapshot } from '../types';

const sheet: SheetSnapshot = { name: 'Appendix 1', origin: 'A1', values: referenceValues() };
const plan = planFormat(analyseSheet(sheet, OPTIONS), sheet);
if (!plan) throw new Error('no plan');
const fresh = { format: plan, statusWritten: false, ourRules: 0, summary: { name: 'Action plan summary', ours: false } };

describe('[F5] what a run will change, in words', () => {
  test('before the first write: formats on the table, a new status column G, the rules, a new summary sheet', () => {
    // The reference table is A5:F18; the status column goes in G, days overdue in H, data checks in I: A5:I18.
    expect(describePlan(fresh)).toEqual([
      'Formats on A5:I18 of "Appendix 1"',
      'Status column G (new), days overdue in H, data checks in I',
      `${referenceRuleCount()} highlight rules for status, ratings and statutory rows`,
      'Summary sheet "Action plan summary" (new)',
    ]);
  });

  test('a second run says what of ours it replaces', () => {
    const again = { ...fresh, statusWritten: true, ourRules: 11, summary: { name: 'Action plan summary', ours: true } };
    const words = describePlan(again);
    expect(words).toContain('Status column G (ours, rewritten), days overdue in H, data checks in I');
    expect(words.find((w) => w.includes('highlight rules'))).toMatch(/, replacing our 11$/);
    expect(words).toContain('Summary sheet "Action plan summary" (replaced: ours)');
  });

  test('Summary only: only the summary sheet is listed', () => {
    expect(describePlan({ ...fresh, format: null })).toEqual(['Summary sheet "Action plan summary" (new)']);
  });

  test('after a run: plain words, no rule counts', () => {
    const words = describeWritten(fresh);
    expect(words).toEqual([
      'Formatted the table A5:I18 on "Appendix 1"',
      'Added the status column G ("Check (auto)"), days overdue in H, data checks in I',
      'Coloured status, ratings and statutory rows',
      'Added the summary sheet "Action plan summary"',
    ]);
    expect(words.join(' ')).not.toMatch(/\d+ rules/);
    expect(describeWritten({ ...fresh, statusWritten: true, summary: { name: 'Action plan summary', ours: true } })).toEqual([
      'Formatted the table A5:I18 on "Appendix 1"',
      'Updated the status column G ("Check (auto)"), days overdue in H, data checks in I',
      'Coloured status, ratings and statutory rows',
      'Rewrote the summary sheet "Action plan summary" in place',
    ]);
  });

  test('the status column counts as ours only when its header cell holds our header', () => {
    expect(statusColumnWritten(plan, sheet)).toBe(false);
    const values = referenceValues().map((row) => [...row]);
    const header = values[4] ?? [];
    header[6] = 'Check (auto)';
    values[4] = header;
    expect(statusColumnWritten(plan, { ...sheet, values })).toBe(true);
  });
});
