import { analyseSheet } from '../core/analyse';
import { HostError } from '../core/errors';
import { referenceValues } from '../../tests/fixtures/reference';
import { OPTIONS } from '../../tests/fixtures/sheets';
import { syntheticPlan } from '../../tests/fixtures/plans';
import { describeResult, initialState, paneError, paneReducer, refreshAction, STALE_ANNOUNCEMENT } from './paneState';

const analysis = analyseSheet({ name: 'Appendix 1', origin: 'A1', values: referenceValues() }, OPTIONS);
const result = { analysis, applied: [], notes: [], summarySheet: null };

describe('pane state', () => {
  test('a run announces what it found, in words, through the live region', () => {
    let s = paneReducer(initialState, { type: 'settingsLoaded', settings: {} });
    expect(s.phase).toBe('ready');
    s = paneReducer(s, { type: 'start', action: 'runAll' });
    expect(s.phase).toBe('working');
    s = paneReducer(s, { type: 'succeed', result });
    expect(s.announcement).toBe(
      'Checked, formatted and summarised 13 recommendations on Appendix 1: 6 met completely, 0 overdue, 0 not rated, 0 errors to fix.',
    );
  });

  test('the announcement writes counts with thousands separators', () => {
    const big = analyseSheet({ name: 'Plan', origin: 'A1', values: syntheticPlan(1500, { progressChars: [20, 40] }) }, OPTIONS);
    expect(describeResult({ ...result, analysis: big }, 'check')).toMatch(/^Checked 1,500 recommendations on Plan: /);
  });

  test('results go stale when the sheet or the settings change, and fresh on the next run', () => {
    let s = paneReducer(initialState, { type: 'sheetChanged' });
    expect(s.stale).toBe(false);
    s = paneReducer(paneReducer(s, { type: 'start', action: 'check' }), { type: 'succeed', result });
    s = paneReducer(s, { type: 'sheetChanged' });
    expect(s.stale).toBe(true);
    s = paneReducer(paneReducer(s, { type: 'start', action: 'check' }), { type: 'succeed', result });
    expect(s.stale).toBe(false);
  });

  test('errors keep the adapter\u2019s message and code; anything else says nothing was changed', () => {
    expect(paneError(new HostError('SheetProtected', 'The sheet is protected, so nothing was changed.'))).toEqual({
      code: 'SheetProtected',
      message: 'The sheet is protected, so nothing was changed.',
    });
    expect(paneError(new Error('boom'))).toEqual({ code: 'Unknown', message: 'Something went wrong: boom. Nothing was changed.' });
  });

  test('[stale] an edit while a run works is not lost: the result it brings is already stale', () => {
    let s = paneReducer(paneReducer(initialState, { type: 'start', action: 'check' }), { type: 'succeed', result });
    s = paneReducer(s, { type: 'start', action: 'runAll' });
    s = paneReducer(s, { type: 'sheetChanged' });
    expect(s.stale).toBe(false);
    s = paneReducer(s, { type: 'succeed', result });
    expect(s.stale).toBe(true);
    // The next run starts clean.
    s = paneReducer(paneReducer(s, { type: 'start', action: 'check' }), { type: 'succeed', result });
    expect(s.stale).toBe(false);
  });

  test('[stale] going stale is said once in the live region', () => {
    let s = paneReducer(paneReducer(initialState, { type: 'start', action: 'check' }), { type: 'succeed', result });
    s = paneReducer(s, { type: 'sheetChanged' });
    expect(s.announcement).toBe(STALE_ANNOUNCEMENT);
  });

  test('Refresh repeats the write done in this session, or the one whose marks the workbook holds, else only re-reads', () => {
    expect(refreshAction(initialState)).toBe('check');
    let s = paneReducer(paneReducer(initialState, { type: 'start', action: 'format' }), { type: 'succeed', result });
    expect(refreshAction(s)).toBe('format');
    s = paneReducer(paneReducer(s, { type: 'start', action: 'summary' }), {
      type: 'succeed',
      result: { ...result, summarySheet: 'Action plan summary' },
    });
    // Both were written in this session: Refresh updates both.
    expect(refreshAction(s)).toBe('runAll');
    expect(s.marks).toEqual({ formatted: true, summary: 'Action plan summary' });
    expect(refreshAction({ lastWrite: null, marks: { formatted: true, summary: 'Action plan summary' } })).toBe('runAll');
    expect(refreshAction({ lastWrite: null, marks: { formatted: false, summary: null } })).toBe('check');
  });

  test('[F5] a quiet check brings the preview and header without replacing the results on screen', () => {
    const s = paneReducer(initialState, { type: 'probed', result: { ...result, preview: ['Status column G (new)'], header: null } });
    expect(s.preview).toEqual(['Status column G (new)']);
    expect(s.result).toBeNull();
    expect(s.phase).toBe('loading');
  });
});
