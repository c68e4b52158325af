import { referenceValues } from '../../tests/fixtures/reference';
import { HEADER, OPTIONS, planSheet, rec, snapshot } from '../../tests/fixtures/sheets';
import { analyseSheet, CoreOptionError } from './analyse';
import type { Analysis, CellValue, RuleId } from './types';

const rules = (a: Analysis, rule: RuleId) => a.findings.filter((f) => f.rule === rule);
const analyse = (values: CellValue[][], options = OPTIONS) => analyseSheet(snapshot(values), options);

describe('the reference appendix (../shared/reference)', () => {
  const a = analyseSheet({ name: 'Appendix 1', origin: 'A1', values: referenceValues() }, OPTIONS);

  test('[T1] finds the header on row 5 and every column', () => {
    expect(a.table).toMatchObject({ headerRow: 5, firstRow: 6, lastRow: 18, firstColumn: 'A', lastColumn: 'F' });
    expect(a.table?.columns).toEqual({
      id: 'A',
      subject: 'B',
      statutory: null,
      lead: 'C',
      timescale: 'D',
      recommendation: 'E',
      progress: 'F',
      rating: null,
      priority: null,
      originalTimescale: null,
      completed: null,
      days: null,
      opinion: null,
    });
  });

  test('[T3] takes the as-at date from the title rows', () => {
    expect(a).toMatchObject({ asAt: '2002-03-31', asAtSource: 'sheet', documentDate: '2002-03-31' });
  });

  test('[S1] 13 recommendations: 6 completely, 4 significantly, 2 moderately, 1 partially', () => {
    expect(a.stats.total).toBe(13);
    expect(a.stats.byRating).toEqual({ completely: 6, significantly: 4, moderately: 2, partially: 1, notMet: 0, excluded: 0, unrated: 0 });
    expect(a.stats.completionRate).toBeCloseTo(6 / 13);
    expect(a.stats.weightedScore).toBeCloseTo((6 + 4 * 0.75 + 2 * 0.5 + 0.25) / 13);
  });

  test('[T5] 3 statutory: R1, R3, R10', () => {
    expect(a.recommendations.filter((r) => r.statutory).map((r) => r.id)).toEqual(['R1', 'R3', 'R10']);
    expect(a.stats.statutory).toMatchObject({ total: 3, completely: 1 });
    expect(a.recommendations[0]?.subject).toBe('Performance information to be included in the plan');
  });

  test('[TIMESCALE_MISSING] R5 has no timescale', () => {
    expect(rules(a, 'TIMESCALE_MISSING').map((f) => [f.id, f.cell])).toEqual([['R5', 'D10']]);
  });

  test('[TIMESCALE_YEAR_INFERRED] R10 is read as May 2002, its year inferred', () => {
    const r10 = a.recommendations.find((r) => r.id === 'R10');
    expect(r10?.timescale).toMatchObject({ kind: 'date', due: '2002-05-31', yearInferred: true });
    expect(rules(a, 'TIMESCALE_YEAR_INFERRED').map((f) => f.id)).toEqual(['R10']);
  });

  test('[T6] every timescale of the appendix is read as an officer would', () => {
    expect(a.recommendations.map((r) => [r.id, r.timescale.kind, r.timescale.due])).toEqual([
      ['R1', 'none', null],
      ['R2', 'date', '2002-03-31'],
      ['R3', 'ongoing', null],
      ['R4', 'date', '2002-09-30'],
      ['R5', 'missing', null],
      ['R6', 'date', '2002-12-31'],
      ['R7', 'date', '2002-06-30'],
      ['R8', 'ongoing', null],
      ['R9', 'date', '2003-03-31'],
      ['R10', 'date', '2002-05-31'],
      ['R11', 'complete', null],
      ['R12', 'date', '2002-07-31'],
      ['R13', 'date', '2002-12-31'],
    ]);
  });

  test('[S1] by lead, leads differing only in case counted together', () => {
    const bv = a.stats.byLead.find((l) => l.lead === 'ACPRS/ Head of Best Value group');
    expect(bv).toMatchObject({ total: 6, completely: 5 });
    expect(a.stats.byLead.reduce((n, l) => n + l.total, 0)).toBe(13);
  });

  test('[OVERDUE] as at a later date, unfinished items with past due dates are overdue', () => {
    const later = analyseSheet({ name: 'Appendix 1', origin: 'A1', values: referenceValues() }, { ...OPTIONS, asAt: '2003-01-31' });
    expect(later.asAtSource).toBe('option');
    expect(later.recommendations.filter((r) => r.overdue).map((r) => [r.id, r.daysOverdue])).toEqual([
      ['R6', 31],
      ['R7', 215],
      ['R13', 31],
    ]);
    expect(later.stats.ageing).toEqual({ '1-30': 0, '31-90': 2, '91-365': 1, over365: 0 });
  });
});

describe('[T1] finding the table', () => {
  test('[TABLE_NOT_FOUND] a sheet with no header gives one error and nothing else', () => {
    const a = analyse([['Budget'], ['Line', 'Amount'], ['Rent', 100]]);
    expect(a.table).toBeNull();
    expect(a.findings.map((f) => [f.rule, f.severity])).toEqual([['TABLE_NOT_FOUND', 'error']]);
    expect(a.findings[0]?.message).toContain('"Plan"');
    expect(a.stats.total).toBe(0);
  });

  test('an empty sheet has no table', () => {
    expect(analyse([]).findings[0]?.rule).toBe('TABLE_NOT_FOUND');
  });

  test('synonyms and extra words in header cells', () => {
    const a = analyse([
      ['Rec no.', 'Area', 'Statutory?', 'Responsible officer', 'Target date (agreed)', 'Agreed action', 'Progress update', 'Degree met'],
      ['1', 'Budgets', 'Yes', 'CFO', 'Sept 2002', 'Act', 'Going well', 'Significantly'],
    ]);
    expect(a.table?.columns).toEqual({
      id: 'A',
      subject: 'B',
      statutory: 'C',
      lead: 'D',
      timescale: 'E',
      recommendation: 'F',
      progress: 'G',
      rating: 'H',
      priority: null,
      originalTimescale: null,
      completed: null,
      days: null,
      opinion: null,
    });
    expect(a.recommendations[0]).toMatchObject({ statutory: true, rating: 'significantly' });
  });

  test('"Recommendation met" is the rating column; "Progress ... recommendation met" is progress', () => {
    const a = analyse([
      ['No', 'Recommendation', 'Progress update and degree to which recommendation met', 'Recommendation met'],
      ['R1', 'x', 'y', 'Completely'],
    ]);
    expect(a.table?.columns).toMatchObject({ recommendation: 'B', progress: 'C', rating: 'D' });
  });

  test('the header can be far down and the values need not start at A1', () => {
    const rows: CellValue[][] = Array.from({ length: 30 }, () => [null]);
    const a = analyseSheet({ name: 'P', origin: 'C4', values: [...rows, HEADER, rec('R1')] }, OPTIONS);
    expect(a.table).toMatchObject({ headerRow: 34, firstColumn: 'C', lastColumn: 'H' });
    expect(a.recommendations[0]?.row).toBe(35);
  });

  test('column overrides win over detection, and a bad letter is a misuse error', () => {
    const a = analyseSheet(planSheet([rec('R1', { timescale: 'Soon', recommendation: 'March 2003' })]), {
      ...OPTIONS,
      columns: { timescale: 'E' },
    });
    expect(a.recommendations[0]?.timescale.due).toBe('2003-03-31');
    expect(() => analyseSheet(planSheet([rec('R1')]), { ...OPTIONS, columns: { lead: '12' } })).toThrow(CoreOptionError);
  });

  test('[T2] blank rows inside the table are skipped; a totals row ends it', () => {
    const a = analyseSheet(
      planSheet([rec('R1'), [null, null, null, null, null, null], rec('R2'), ['Total', null, null, null, null, null]]),
      OPTIONS,
    );
    expect(a.recommendations.map((r) => r.id)).toEqual(['R1', 'R2']);
    expect(a.table?.lastRow).toBe(5);
  });

  test('[T3] the as-at option wins; without any date, today', () => {
    expect(analyseSheet(planSheet([rec('R1')]), { ...OPTIONS, asAt: '2002-06-30' })).toMatchObject({
      asAt: '2002-06-30',
      asAtSource: 'option',
    });
    expect(analyseSheet(planSheet([rec('R1')], 'Action plan'), OPTIONS)).toMatchObject({
      asAt: '2026-11-26',
      asAtSource: 'assumed',
      documentDate: null,
    });
    expect(() => analyseSheet(planSheet([rec('R1')]), { ...OPTIONS, asAt: '2002-02-30' })).toThrow(CoreOptionError);
  });

  test.each([
    ['31st March 2002', '2002-03-31'],
    ['March 31 2002', '2002-03-31'],
    ['Position as at 30 September 2002', '2002-09-30'],
    ['Progress as at 05/04/2002', '2002-04-05'],
    ['Report of 1 May 2002, position as at March 2002', '2002-03-31'],
  ])('[T3] as-at date from the title %j', (title, asAt) => {
    expect(analyseSheet(planSheet([rec('R1')], title), OPTIONS)).toMatchObject({ asAt, asAtSource: 'sheet' });
  });

  test('[T3] a date cell in the title rows', () => {
    const s = snapshot([['As at', 37437], HEADER, rec('R1')], {
      numberFormats: [['General', 'd mmm yyyy'], HEADER.map(() => 'General'), HEADER.map(() => 'General')],
    });
    expect(analyseSheet(s, OPTIONS).asAt).toBe('2002-06-30');
  });
});

describe('findings', () => {
  test('[COLUMN_MISSING] a table without a lead or timescale column', () => {
    const a = analyse([
      ['No', 'Subject', 'Recommendation', 'Progress'],
      ['R1', 'S\nStatutory', 'R', 'Recommendation met: completely'],
    ]);
    const missing = rules(a, 'COLUMN_MISSING');
    expect(missing.map((f) => f.message)).toEqual([expect.stringContaining('Lead'), expect.stringContaining('Timescale')]);
    expect(missing[0]).toMatchObject({ cell: 'A1', row: 1, severity: 'warning' });
  });

  test('[T5] statutory not recorded anywhere: no finding about it, and no statutory split', () => {
    const a = analyse([HEADER, rec('R1', { subject: 'Budgets' }), rec('R2', { subject: 'Staffing' })]);
    expect(a.findings.filter((f) => /statutory/i.test(f.message))).toEqual([]);
    expect(a.stats.recordsStatutory).toBe(false);
  });

  test('[ID_MISSING] a row with no reference', () => {
    const a = analyse([HEADER, rec('R1'), rec(null)]);
    expect(rules(a, 'ID_MISSING')).toEqual([expect.objectContaining({ cell: 'A3', row: 3, id: null, severity: 'error' })]);
    expect(a.recommendations[1]?.checks).toContain('No reference');
  });

  test('[ID_DUPLICATE] a reference used twice, reported on the later use', () => {
    const a = analyse([HEADER, rec('R1'), rec('R2'), rec('r 2')]);
    const dup = rules(a, 'ID_DUPLICATE');
    expect(dup).toEqual([expect.objectContaining({ cell: 'A4', id: 'r 2', severity: 'error' })]);
    expect(dup[0]?.message).toContain('row 3');
    expect(a.recommendations[2]?.checks).toContain('Duplicate reference');
  });

  test('[ID_SEQUENCE_GAP] R4 then R7: R5 to R6 missing', () => {
    const a = analyse([HEADER, rec('R3'), rec('R4'), rec('R7')]);
    expect(rules(a, 'ID_SEQUENCE_GAP')).toEqual([
      expect.objectContaining({ cell: 'A4', id: 'R7', message: expect.stringContaining('R5 to R6 are missing') }),
    ]);
  });

  test('[ID_SEQUENCE_GAP] numeric references (1, 2, 4) are checked too', () => {
    const a = analyse([HEADER, rec(1), rec(2), rec(4)]);
    expect(rules(a, 'ID_SEQUENCE_GAP').map((f) => f.message)).toEqual([expect.stringContaining('3 is missing')]);
    expect(rules(a, 'ID_FORMAT')).toHaveLength(0);
  });

  test('[ID_FORMAT] a reference with no number, or a stray prefix', () => {
    const a = analyse([HEADER, rec('R1'), rec('R2'), rec('Rec five'), rec('X3')]);
    expect(rules(a, 'ID_FORMAT').map((f) => f.id)).toEqual(['Rec five', 'X3']);
  });

  test('[FIELD_MISSING] empty lead, recommendation and progress cells', () => {
    const a = analyse([HEADER, ['R1', 'S\nStatutory', '', 'Ongoing', '  ', null]]);
    expect(rules(a, 'FIELD_MISSING').map((f) => f.cell)).toEqual(['C2', 'E2', 'F2']);
    expect(rules(a, 'FIELD_MISSING')[0]?.message).toBe('R1 has no lead officer in C2. Fill it in so the report is complete.');
  });

  test('[STATUTORY_MISSING] when the table records statutory status, a row without it is flagged', () => {
    const a = analyse([HEADER, rec('R1', { subject: 'Budgets\nSTATUTORY' }), rec('R2', { subject: 'Staffing' })]);
    expect(rules(a, 'STATUTORY_MISSING')).toEqual([expect.objectContaining({ cell: 'B3', id: 'R2' })]);
  });

  test('[STATUTORY_UNKNOWN] a statutory column cell that is not a marker', () => {
    const a = analyse([
      ['No', 'Subject', 'Statutory', 'Recommendation'],
      ['R1', 'S', 'Maybe', 'x'],
      ['R2', 'S', 'N', 'x'],
      ['R3', 'S', true, 'x'],
    ]);
    expect(rules(a, 'STATUTORY_UNKNOWN')).toEqual([expect.objectContaining({ cell: 'C2', message: expect.stringContaining('"Maybe"') })]);
    expect(a.recommendations.map((r) => r.statutory)).toEqual([null, false, true]);
  });

  test('[T5] "Nonstatutory" is not statutory, and a trailing marker in the Subject counts', () => {
    const a = analyse([
      HEADER,
      rec('R1', { subject: 'A\nNonstatutory' }),
      rec('R2', { subject: 'B (Statutory)' }),
      rec('R3', { subject: 'C - Non-statutory' }),
    ]);
    expect(a.recommendations.map((r) => [r.statutory, r.subject])).toEqual([
      [false, 'A'],
      [true, 'B'],
      [false, 'C'],
    ]);
  });

  test('[TIMESCALE_UNPARSED] a timescale with no readable date', () => {
    const a = analyse([HEADER, rec('R1', { timescale: 'soonish' })]);
    expect(rules(a, 'TIMESCALE_UNPARSED')).toEqual([
      expect.objectContaining({ cell: 'D2', message: expect.stringContaining('"soonish"') }),
    ]);
    expect(a.recommendations[0]?.checks).toContain('Check timescale');
    expect(a.recommendations[0]?.state).toBe('No date');
  });

  test('[TIMESCALE_NO_DEADLINE] a stated dependency with no date', () => {
    const a = analyse([HEADER, rec('R1', { timescale: 'TBC' })]);
    expect(rules(a, 'TIMESCALE_NO_DEADLINE')).toEqual([expect.objectContaining({ severity: 'info', cell: 'D2' })]);
  });

  test('[TIMESCALE_COMPLETE_MISMATCH] timescale says complete, rating below completely', () => {
    const a = analyse([
      HEADER,
      rec('R1', { timescale: 'Complete', progress: 'Recommendation met: significantly' }),
      rec('R2', { timescale: 'Complete', progress: 'Recommendation met: completely' }),
    ]);
    expect(rules(a, 'TIMESCALE_COMPLETE_MISMATCH')).toEqual([
      expect.objectContaining({ id: 'R1', message: expect.stringContaining('"significantly"') }),
    ]);
  });

  test('[RATING_MISSING] [S1] no "Recommendation met" line: Not rated, neither complete nor overdue (its date passed, but nothing says it is open)', () => {
    const a = analyseSheet(planSheet([rec('R1', { progress: 'Work continues.', timescale: 'Jan 2002' }), rec('R2')]), OPTIONS);
    expect(rules(a, 'RATING_MISSING')).toEqual([expect.objectContaining({ cell: 'F3', id: 'R1' })]);
    expect(rules(a, 'OVERDUE')).toEqual([]);
    expect(a.stats).toMatchObject({ unrated: 1, rated: 1, overdue: 0, complete: 0 });
    expect(a.recommendations[0]).toMatchObject({ state: 'Not rated', checks: [], daysOverdue: 0 });
  });

  test('[T4] ratings however they are spaced', () => {
    const a = analyse([
      HEADER,
      rec('R1', { progress: 'x\nRecommendation met :completely' }),
      rec('R2', { progress: 'x\nrecommendation MET:   Significantly.' }),
      rec('R3', { progress: 'x\nRecommendation met:\nmoderately' }),
      rec('R4', { progress: 'x Recommendation met - not at all' }),
    ]);
    expect(a.recommendations.map((r) => r.rating)).toEqual(['completely', 'significantly', 'moderately', 'notMet']);
  });

  test('[RATING_UNKNOWN] "Recommendation met: mostly" is not on the scale', () => {
    const a = analyse([HEADER, rec('R1', { progress: 'Recommendation met: mostly' })]);
    expect(rules(a, 'RATING_UNKNOWN')).toEqual([expect.objectContaining({ cell: 'F2', message: expect.stringContaining('"mostly"') })]);
    expect(a.recommendations[0]).toMatchObject({ rating: null, state: 'Not rated', checks: ['Rating unclear'] });
    expect(a.stats.unrated).toBe(1);
  });

  test('[RATING_CONFLICT] two different ratings: the last counts and both are named', () => {
    const a = analyse([HEADER, rec('R1', { progress: 'Recommendation met: partially\nLater: Recommendation met: completely' })]);
    expect(rules(a, 'RATING_CONFLICT')).toEqual([expect.objectContaining({ message: expect.stringContaining('"completely" is counted') })]);
    expect(a.recommendations[0]?.rating).toBe('completely');
  });

  test('[RATING_CONFLICT] a rating column wins over the progress text', () => {
    const a = analyse([
      ['No', 'Recommendation', 'Progress', 'Rating'],
      ['R1', 'x', 'Recommendation met: partially', 'Moderately'],
    ]);
    expect(a.recommendations[0]?.rating).toBe('moderately');
    expect(rules(a, 'RATING_CONFLICT')[0]?.cell).toBe('D2');
  });

  test('[OVERDUE] a statutory item overdue is an error; a non-statutory one a warning; complete items never', () => {
    const a = analyseSheet(
      planSheet([
        rec('R1', { subject: 'A\nSTATUTORY', timescale: 'Sept 2001' }),
        rec('R2', { subject: 'B\nNonstatutory', timescale: 'March 2002', progress: 'Recommendation met: significantly' }),
        rec('R3', { timescale: 'Jan 2002', progress: 'Recommendation met: completely' }),
      ]),
      OPTIONS,
    );
    expect(rules(a, 'OVERDUE').map((f) => [f.id, f.severity, f.cell])).toEqual([['R1', 'error', 'D3']]);
    expect(a.recommendations[0]).toMatchObject({ overdue: true, daysOverdue: 182 });
    expect(a.recommendations[1]).toMatchObject({ overdue: false });
    const nonStatutory = analyseSheet(planSheet([rec('R1', { timescale: 'Sept 2001' })]), OPTIONS);
    expect(rules(nonStatutory, 'OVERDUE')[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining('182 days overdue') });
  });

  test('[DUE_SOON] due within 30 days and not complete', () => {
    const a = analyseSheet(planSheet([rec('R1', { timescale: '20 April 2002' }), rec('R2', { timescale: '15 May 2002' })]), OPTIONS);
    expect(rules(a, 'DUE_SOON').map((f) => f.id)).toEqual(['R1']);
    expect(a.recommendations[0]).toMatchObject({ state: 'Due soon', daysToDue: 20 });
  });

  test('[CELL_ERROR] an error value in a table cell, not checked further', () => {
    const a = analyse([HEADER, ['R1', 'S\nStatutory', { error: '#N/A' }, { error: '#REF!' }, 'x', 'Recommendation met: partially']]);
    expect(rules(a, 'CELL_ERROR').map((f) => [f.cell, f.severity, f.id])).toEqual([
      ['C2', 'error', 'R1'],
      ['D2', 'error', 'R1'],
    ]);
    expect(rules(a, 'CELL_ERROR')[0]?.message).toMatch(/^R1: cell C2 in row 2 shows the error #N\/A/);
    expect(rules(a, 'FIELD_MISSING')).toHaveLength(0);
    expect(rules(a, 'TIMESCALE_UNPARSED')).toHaveLength(0);
    expect(a.recommendations[0]?.checks).toContain('Cell error');
  });

  test('findings are sorted errors first, then by row', () => {
    const a = analyseSheet(planSheet([rec('R1', { timescale: 'TBC' }), rec(null)]), OPTIONS);
    expect(a.findings.map((f) => f.severity)).toEqual(['error', 'info']);
  });
});

describe('[T4] status scales, read per table', () => {
  const table = (status: string, rows: [string, string, string][]) =>
    analyseSheet(
      snapshot([
        ['Audit Committee - 12 March 2003'],
        ['Ref', 'Recommendation', 'Target date', status],
        ...rows.map(([id, due, s]) => [id, 'Do it', due, s]),
      ]),
      OPTIONS,
    );

  test('[T4] implementation status: Implemented complete, In progress not, Withdrawn excluded from completion', () => {
    const a = table('Implementation status', [
      ['1', 'June 2002', 'Implemented'],
      ['2', 'June 2002', 'Under implementation'],
      ['3', 'June 2002', 'Not implemented'],
      ['4', 'June 2002', 'Withdrawn'],
      ['5', 'June 2002', 'Closure requested'],
    ]);
    expect(a.table?.scale).toBe('implementation');
    expect(a.recommendations.map((r) => [r.id, r.level, r.complete, r.excluded])).toEqual([
      ['1', 'Implemented', true, false],
      ['2', 'In progress', false, false],
      ['3', 'Not started', false, false],
      ['4', 'Overtaken by events / not applicable', false, true],
      ['5', 'Closure requested', false, false],
    ]);
    // Complete 1 of the 4 counted; overdue: 2, 3 and 5 (due 30 June 2002, as at 12 March 2003), not the withdrawn 4.
    expect(a.stats).toMatchObject({ total: 5, complete: 1, excluded: 1, overdue: 3, weightedScore: null });
    expect(a.stats.completionRate).toBeCloseTo(1 / 4);
  });

  test('[T4] RAG: Blue complete, Green on track (not complete), Grey excluded', () => {
    const a = table('RAG status', [
      ['1', 'June 2003', 'Blue'],
      ['2', 'June 2003', 'Green'],
      ['3', 'June 2003', 'Amber'],
      ['4', 'June 2003', 'Red'],
      ['5', 'June 2003', 'Grey'],
    ]);
    expect(a.table?.scale).toBe('rag');
    expect(a.stats).toMatchObject({ complete: 1, excluded: 1 });
    expect(a.stats.byLevel).toMatchObject({ 'Blue (complete)': 1, Green: 1, Amber: 1, Red: 1 });
  });

  test('[T4] percent complete: 100% complete; the weighted score is the mean percentage', () => {
    const a = table('% complete', [
      ['1', 'June 2003', '100%'],
      ['2', 'June 2003', '75% complete'],
      ['3', 'June 2003', '0%'],
    ]);
    expect(a.table?.scale).toBe('percent');
    expect(a.stats.complete).toBe(1);
    expect(a.stats.weightedScore).toBeCloseTo((1 + 0.75 + 0) / 3);
  });

  test('[COMPLETION_CONFLICT] [S1] "Complete" as the whole update beside a Green or Red status: the status is counted, the conflict named', () => {
    const a = analyseSheet(
      snapshot([
        ['Ref', 'Recommendation', 'Target date', 'RAG', 'Update'],
        ['1', 'x', 'June 2003', 'Green', 'Complete'],
        ['2', 'x', 'June 2003', 'Red', 'Complete'],
        ['3', 'x', 'June 2003', 'Red', 'Slow going'],
      ]),
      { ...OPTIONS, asAt: '2003-09-30' },
    );
    expect(a.recommendations.map((r) => [r.complete, r.level, r.state])).toEqual([
      [false, 'Green', 'Overdue'],
      [false, 'Red', 'Overdue'],
      [false, 'Red', 'Overdue'],
    ]);
    expect(a.stats).toMatchObject({ complete: 0, overdue: 3, byLevel: expect.objectContaining({ Green: 1, Red: 2 }) });
    expect(rules(a, 'COMPLETION_CONFLICT')).toEqual([
      expect.objectContaining({ id: '1', cell: 'E2', message: expect.stringContaining('D2') }),
      expect.objectContaining({ id: '2', cell: 'E3', message: expect.stringContaining('D3') }),
    ]);
    expect(a.recommendations.map((r) => r.checks)).toEqual([['Status contradicted'], ['Status contradicted'], []]);
  });

  test('[T1] tick-mark columns under level names in a two-row header are the status; the sub-header is not a recommendation', () => {
    const a = analyseSheet(
      snapshot([
        ['Para', 'Recommendation', 'Target date', 'Status after verification', '', '', ''],
        ['', '', '', 'Implemented', 'Under implementation', 'Not implemented', 'Overtaken by events'],
        ['78', 'a', '2021', 'X', '', '', ''],
        ['163', 'b', '2021', '', 'X', '', ''],
        ['363', 'c', '2021', '', '', '', 'X'],
      ]),
      { ...OPTIONS, asAt: '2022-06-30' },
    );
    expect(a.table).toMatchObject({ headerRow: 2, firstHeaderRow: 1, statusTicks: ['D', 'E', 'F', 'G'], scale: 'implementation' });
    expect(a.recommendations.map((r) => [r.id, r.level, r.complete, r.excluded, r.overdue])).toEqual([
      ['78', 'Implemented', true, false, false],
      ['163', 'In progress', false, false, true],
      ['363', 'Overtaken by events / not applicable', false, true, false],
    ]);
    expect(a.findings.filter((f) => f.rule.startsWith('ID_'))).toEqual([]);
  });

  test('[RATING_MISSING] a table that never records a status gets no per-row warning; "Done" still counts', () => {
    const a = analyseSheet(
      snapshot([
        ['Action plan', 'By whom', 'By when', 'Progress'],
        ['Do a', 'Head of Service', 'June 2002', 'Done'],
        ['Do b', 'Head of Service', 'June 2002', 'Started'],
      ]),
      { ...OPTIONS, asAt: '2002-09-30' },
    );
    expect(rules(a, 'RATING_MISSING')).toEqual([]);
    expect(a.recommendations.map((r) => r.complete)).toEqual([true, false]);
    expect(a.recommendations.map((r) => r.state)).toEqual(['Complete', 'Overdue']);
  });
});

describe('[T1] headers and layouts', () => {
  test.each([
    [
      ['Ref', 'Finding', 'Who by?', 'BY (DATE)', 'IMPROVEMENTS PLANNED', 'Action taken to date'],
      { id: 'A', subject: 'B', lead: 'C', timescale: 'D', recommendation: 'E', progress: 'F' },
    ],
    [
      ['Para', 'Recommendation', 'Recommendation made to:', 'Agreed implementation date', 'Management response', 'Priority'],
      { id: 'A', recommendation: 'B', lead: 'C', timescale: 'D', priority: 'F' },
    ],
    [
      ['No.', 'Issue', 'Department responsible', 'Original target date', 'Revised target date', 'RAG status'],
      { id: 'A', subject: 'B', lead: 'C', originalTimescale: 'D', timescale: 'E', rating: 'F' },
    ],
    [
      ['Ref', 'Recommendation', 'Action owner', 'Target completion date', 'Action taken or planned', '% complete'],
      { id: 'A', recommendation: 'B', lead: 'C', timescale: 'D', progress: 'E', rating: 'F' },
    ],
  ])('header words %j', (header, columns) => {
    const a = analyse([header, ['1', 'x', 'y', 'June 2003', 'z', 'w']]);
    expect(a.table?.columns).toMatchObject(columns);
  });

  test('a blank header over a column of references is the reference column', () => {
    const a = analyse([
      ['', 'Recommendation', 'Lead', 'Target date'],
      ['SC1', 'x', 'y', 'June 2003'],
      ['SC2', 'x', 'y', 'June 2003'],
    ]);
    expect(a.table?.columns.id).toBe('A');
    expect(a.recommendations.map((r) => r.id)).toEqual(['SC1', 'SC2']);
  });

  test('[T2] the reference appendix with its own footer line under it still gives 13, 6/4/2/1', () => {
    const values: CellValue[][] = [...referenceValues(), [], ['MPA DA April 18 v2']];
    const a = analyseSheet({ name: 'Appendix 1', origin: 'A1', values }, OPTIONS);
    expect(a.stats).toMatchObject({ total: 13, complete: 6 });
    expect(a.stats.byLevel).toMatchObject({ Completely: 6, Significantly: 4, Moderately: 2, Partially: 1 });
    expect(a.table?.lastRow).toBe(18);
  });

  test('[T2] a footer line under the table (a document code in column A) is not a recommendation', () => {
    const a = analyseSheet(planSheet([rec('R1'), rec('R2'), ['MPA DA April 18 v2']]), OPTIONS);
    expect(a.recommendations.map((r) => r.id)).toEqual(['R1', 'R2']);
  });

  test('[TABLE_NOT_FOUND] the message names the closest row and how to point at the table', () => {
    const a = analyse([['Title'], ['Ref', 'Notes about it', 'Misc']]);
    expect(a.findings[0]?.message).toMatch(/closest was row 2.*Reference \(No\) in A.*--header-row/);
  });

  test('[T6] priority: an overdue top-priority item is an error; statistics by priority', () => {
    const a = analyseSheet(
      snapshot([
        ['Ref', 'Recommendation', 'Target date', 'Priority', 'Status'],
        ['1', 'x', 'June 2002', 'High', 'In progress'],
        ['2', 'x', 'June 2002', 'Low', 'In progress'],
        ['3', 'x', 'June 2002', 'Medium', 'Implemented'],
      ]),
      { ...OPTIONS, asAt: '2002-09-30' },
    );
    expect(rules(a, 'OVERDUE').map((f) => [f.id, f.severity])).toEqual([
      ['1', 'error'],
      ['2', 'warning'],
    ]);
    expect(a.stats.byPriority.map((p) => [p.priority, p.total, p.overdue])).toEqual([
      ['High', 1, 1],
      ['Medium', 1, 0],
      ['Low', 1, 1],
    ]);
  });
});

describe('[S2] slippage: original against revised target dates', () => {
  const a = analyseSheet(
    snapshot([
      ['Audit Committee - 30 June 2003'],
      ['Ref', 'Recommendation', 'Owner', 'Original target date', 'Revised target date', 'Status'],
      ['1', 'a', 'Finance', 'March 2003', 'September 2003', 'In progress'],
      ['2', 'b', 'Finance', 'March 2003', 'May 2003', 'In progress'],
      ['3', 'c', 'HR', 'March 2003', '', 'Implemented'],
      ['4', 'd', 'HR', 'June 2003', 'June 2003', 'Not started'],
      ['5', 'e', 'HR', 'December 2002', 'December 2003 (revised from September 2003)', 'In progress'],
    ]),
    OPTIONS,
  );
  const by = (id: string) => a.recommendations.find((r) => r.id === id);

  test('[S2] the revised date is the due date; days slipped are counted from the first target', () => {
    // 31 March -> 30 September 2003: 30 + 31 + 30 + 31 + 31 + 30 = 183 days; -> 31 May: 61 days.
    expect(a.recommendations.map((r) => [r.id, r.timescale.due, r.originalDue, r.revisions, r.slippedDays])).toEqual([
      ['1', '2003-09-30', '2003-03-31', 1, 183],
      ['2', '2003-05-31', '2003-03-31', 1, 61],
      ['3', '2003-03-31', '2003-03-31', 0, 0],
      ['4', '2003-06-30', '2003-06-30', 0, 0],
      ['5', '2003-12-31', '2002-12-31', 2, 365],
    ]);
    expect(by('2')).toMatchObject({ overdue: true, daysOverdue: 30 });
    expect(by('1')?.overdue).toBe(false);
  });

  test('[SLIPPED] [SLIPPED_REPEATEDLY] over 180 days or moved twice is a warning; once and less is a note', () => {
    expect(a.findings.filter((f) => f.rule.startsWith('SLIPPED')).map((f) => [f.id, f.rule, f.severity])).toEqual([
      ['1', 'SLIPPED_REPEATEDLY', 'warning'],
      ['5', 'SLIPPED_REPEATEDLY', 'warning'],
      ['2', 'SLIPPED', 'info'],
    ]);
    expect(by('2')).toMatchObject({ state: 'Overdue', daysOverdue: 30, checks: ['Slipped 1x (+61 days)'] });
  });

  test('[S2] statistics: slipped, past the original date, median slippage, by lead', () => {
    expect(a.stats).toMatchObject({ slipped: 3, pastOriginal: 3, medianSlippage: 183 });
    expect(a.stats.byLead.map((l) => [l.lead, l.slipped, l.pastOriginal])).toEqual([
      ['Finance', 2, 2],
      ['HR', 1, 1],
    ]);
  });
});

describe('no finding is noise', () => {
  test('[COLUMN_MISSING] a tracker without a Subject column is not told to add one', () => {
    const a = analyse([
      ['No.', 'Recommendation', 'Department responsible', 'Target completion date', 'Implementation status', 'Comments'],
      ['1', 'Adopt a risk register', 'Finance', 'March 2021', 'Implemented', ''],
      ['2', 'Review fees', 'Planning', 'June 2021', 'Partially implemented', ''],
    ]);
    expect(rules(a, 'COLUMN_MISSING')).toEqual([]);
  });

  test('[FIELD_MISSING] an empty update is asked for on an open item only, not on an implemented one', () => {
    const a = analyse([
      ['No.', 'Recommendation', 'Department responsible', 'Target completion date', 'Implementation status', 'Comments'],
      ['1', 'Adopt a risk register', 'Finance', 'March 2021', 'Implemented', ''],
      ['2', 'Review fees', 'Planning', 'June 2021', 'Partially implemented', ''],
    ]);
    expect(rules(a, 'FIELD_MISSING').map((f) => f.cell)).toEqual(['F3']);
  });
});
