/**
 * The conditional formats, evaluated cell by cell as Excel would (tests/cf/evaluate.ts), colour exactly what
 * the core reads: rating levels, statutory rows, status flags. Mutants of the rules must be caught.
 */
import { analyseSheet } from '../../src/core/analyse';
import { planFormat, type ConditionalRule, type FormatPlan } from '../../src/core/plans/formatPlan';
import { RULE_FORMULA_BUDGET } from '../../src/core/plans/ruleFormulas';
import type { CellValue, SheetSnapshot } from '../../src/core/types';
import { CORPUS } from '../corpus/workbooks';
import { referenceValues } from '../fixtures/reference';
import { OPTIONS, planSheet, rec, snapshot } from '../fixtures/sheets';
import { disagreements } from './agreement';
import { evaluateFormula, evaluatePlan, FormulaSyntaxError } from './evaluate';

function planned(s: SheetSnapshot): { plan: FormatPlan; check: (plan?: FormatPlan) => string[] } {
  const analysis = analyseSheet(s, OPTIONS);
  const plan = planFormat(analysis, s);
  if (!plan) throw new Error(`no table on ${s.name}`);
  return { plan, check: (p = plan) => disagreements(p, s, analysis) };
}

const reference = (): SheetSnapshot => ({ name: 'Appendix 1', origin: 'A1', values: referenceValues() });
const progress = (text: string) => rec(null, { progress: text });
const withId = (rows: CellValue[][]) => rows.map((r, i) => [`R${i + 1}`, ...r.slice(1)]);

/** Sheet-shaped variations of the layouts people write, each row a case the colours must get right. */
const VARIATIONS: Record<string, SheetSnapshot> = {
  'two "Recommendation met" phrases: the last counts': planSheet(
    withId([
      progress('Started.\nRecommendation met: partially\nLater: done.\nRecommendation met: completely'),
      progress('Recommendation met: completely\nReopened after audit.\nRecommendation met: not met'),
      progress('Recommendation met: significantly. Recommendation met: moderately.'),
    ]),
  ),
  'odd spacing, case and punctuation': planSheet(
    withId([
      progress('Recommendation met :completely'),
      progress('Recommendation  met - partially'),
      progress('recommendation met:\nsignificantly'),
      progress('RECOMMENDATION MET: Partially.'),
      progress('Recommendation met: partially, with more to do'),
      progress('Recommendation met: Completed'),
      progress('Partially done, no rating line.'),
      progress('Recommendation met: not met'),
      progress('Recommendation met: no'),
      progress('Recommendation met: nothing yet'),
      progress('Recommendation met: in part. The rest follows in 2003 once the new system is live and staff are trained.'),
      progress('Recommendation met - fully met'),
      progress(''),
    ]),
  ),
  'statutory markers in the Subject cell': planSheet(
    withId([
      rec(null, { subject: 'Statutory accounts' }),
      rec(null, { subject: 'Statutory accounts\nStatutory' }),
      rec(null, { subject: 'Statutory accounts\nNon-statutory' }),
      rec(null, { subject: 'Grants\nNonstatutory' }),
      rec(null, { subject: 'Grants\nNot statutory' }),
      rec(null, { subject: 'Grants (Non-statutory)' }),
      rec(null, { subject: 'Grants - Non-statutory' }),
      rec(null, { subject: 'Payroll (Statutory)' }),
      rec(null, { subject: 'Payroll - Statutory' }),
      rec(null, { subject: 'Payroll\nStatutory requirement' }),
      rec(null, { subject: 'Preparation of statutory returns' }),
      rec(null, { subject: 'Payroll\n Statutory ' }),
    ]),
  ),
  'a Statutory column and a Rating column': snapshot([
    ['Position as at 31 March 2002'],
    ['No', 'Subject', 'Statutory', 'Lead', 'Timescales', 'Recommendation', 'Rating'],
    ...(
      [
        ['YES', 'Partially'],
        ['Yes', 'Completely done'],
        ['Y', 'Completed'],
        ['statutory.', 'not met'],
        [true, 'No'],
        ['Non-statutory', 'In part'],
        ['No', 'tbc'],
        ['N', 'Recommendation met: significantly'],
        ['?', 'Moderately'],
        ['*', 'fully'],
      ] as CellValue[][]
    ).map(([statutory, rating], i): CellValue[] => [`R${i + 1}`, 'Subject', statutory ?? null, 'Lead', 'Ongoing', 'Do it', rating ?? null]),
  ]),
  'tick-mark status columns (one marked per row)': snapshot([
    ['Status of implementation'],
    ['No.', 'Recommendation', 'Status after verification', null, null, null],
    [null, null, 'Implemented', 'Under implementation', 'Not implemented', 'Overtaken by events'],
    ['1', 'Do it', 'X', '', '', ''],
    ['2', 'Do it', '', 'x', '', ''],
    ['3', 'Do it', '-', 'No', 'Yes', ''],
    ['4', 'Do it', '', '', '', 'X'],
    ['5', 'Do it', '', '', '', ''],
    ['6', 'Do it', true, false, '', ''],
  ]),
  'a Statutory column with blanks, and markers in the Subject': snapshot([
    ['Position as at 31 March 2002'],
    ['No', 'Subject', 'Statutory', 'Lead', 'Timescales', 'Recommendation', 'Progress'],
    ['R1', 'Payroll\nStatutory', '', 'Lead', 'Ongoing', 'Do it', 'Recommendation met: partially'],
    ['R2', 'Payroll\nStatutory', 'No', 'Lead', 'Ongoing', 'Do it', 'Recommendation met: partially'],
    ['R3', 'Grants\nNon-statutory', '', 'Lead', 'Ongoing', 'Do it', 'Recommendation met: partially'],
    ['R4', 'Grants', 'Yes', 'Lead', 'Ongoing', 'Do it', 'Recommendation met: partially'],
  ]),
  'an implementation-status column and a priority column': snapshot([
    ['Audit Committee - 12 March 2003'],
    ['Ref', 'Recommendation', 'Owner', 'Target date', 'Priority', 'Status'],
    ['1', 'Do it', 'Lead', 'June 2002', 'High', 'Implemented'],
    ['2', 'Do it', 'Lead', 'June 2002', 'high', 'In progress'],
    ['3', 'Do it', 'Lead', 'June 2002', 'Medium', 'Not implemented'],
    ['4', 'Do it', 'Lead', 'June 2002', 'Low', 'Under implementation'],
    ['5', 'Do it', 'Lead', 'June 2002', 'H', 'closed'],
    ['6', 'Do it', 'Lead', 'June 2002', 'Low', 'Awaiting verification'],
  ]),
  'a RAG column': snapshot([
    ['Position as at 31 March 2003'],
    ['Ref', 'Recommendation', 'Owner', 'Target date', 'RAG'],
    ['1', 'Do it', 'Lead', 'June 2002', 'Green'],
    ['2', 'Do it', 'Lead', 'June 2002', 'Amber'],
    ['3', 'Do it', 'Lead', 'June 2002', 'Red'],
    ['4', 'Do it', 'Lead', 'June 2002', 'Blue'],
    ['5', 'Do it', 'Lead', 'June 2002', 'G'],
  ]),
};

describe('[F3] conditional formats agree with the core, evaluated as Excel would', () => {
  test('on the reference appendix', () => {
    expect(planned(reference()).check()).toEqual([]);
  });

  test('[T4] an off-scale last phrase after a rated one: unclear in the core, no colour in Excel', () => {
    const s = planSheet([rec('R1', { progress: 'Recommendation met: partially\nRecommendation met: tbc' })]);
    expect(planned(s).check()).toEqual([]);
  });

  test.each(Object.keys(VARIATIONS))('on sheet variations: %s', (name) => {
    const sheet = VARIATIONS[name];
    if (!sheet) throw new Error(name);
    expect(planned(sheet).check()).toEqual([]);
  });

  const corpus = CORPUS.filter((w) => !('refusal' in w.expect) && w.sheets.every((s) => s.values.length < 1000));
  test.each(corpus.map((w) => w.name))('on the corpus workbook "%s"', (name) => {
    const workbook = corpus.find((w) => w.name === name);
    for (const sheet of workbook?.sheets ?? []) {
      const s: SheetSnapshot = { name: sheet.name, origin: 'A1', values: sheet.values };
      const analysis = analyseSheet(s, OPTIONS);
      const plan = planFormat(analysis, s);
      if (plan) expect(disagreements(plan, s, analysis)).toEqual([]);
    }
  });

  test('the colours are what a person counts by hand on the reference appendix', () => {
    const { plan } = planned(reference());
    const coloured = (purpose: string) =>
      new Set(evaluatePlan(plan, reference()).flatMap((e) => (e.rule.purpose === purpose ? [...e.cells] : [])));
    // Appendix: R1 partially, R3 and R8 moderately; statutory R1, R3, R10 (rows 6, 8, 15).
    expect([...coloured('Rating: partially')]).toEqual(['F6']);
    expect([...coloured('Rating: moderately')].sort()).toEqual(['F13', 'F8']);
    expect([...coloured('Statutory row')].filter((c) => c.startsWith('A'))).toEqual(['A6', 'A8', 'A15']);
  });
});

describe('[F3] every rule is a formula Excel accepts, short enough to edit in Manage Rules', () => {
  const plans = [reference(), ...Object.values(VARIATIONS)].map((s) => planned(s).plan);
  const rules = [...new Map(plans.flatMap((p) => p.rules).map((r) => [r.formula, r])).values()];

  test.each(rules.map((r) => [r.purpose, r.formula.length, r] as const))('%s (%i characters) is within the budget', (_p, _n, rule) => {
    expect(rule.formula.length).toBeLessThanOrEqual(RULE_FORMULA_BUDGET);
  });

  test('every rule parses (a syntax slip would fail the whole batch in Excel)', () => {
    for (const rule of rules) expect(() => evaluateFormula(rule.formula)).not.toThrow();
  });

  test('the budget holds at the bottom of a full sheet (row numbers of seven digits)', () => {
    const deep = { ...reference(), origin: 'A1048500' };
    for (const rule of planned(deep).plan.rules) expect(rule.formula.length).toBeLessThanOrEqual(RULE_FORMULA_BUDGET);
  });

  test('the evaluator rejects what Excel rejects: a broken formula and an unknown function', () => {
    expect(() => evaluateFormula('=AND(N("x")=0,')).toThrow(FormulaSyntaxError);
    expect(() => evaluateFormula('=AND(N("x")=0,NOSUCHFUNCTION(A1))')).toThrow(FormulaSyntaxError);
  });
});

/** A copy of the plan with the rules of one purpose changed. */
function mutate(plan: FormatPlan, purpose: (p: string) => boolean, change: (r: ConditionalRule) => ConditionalRule): FormatPlan {
  let changed = 0;
  const rules = plan.rules.map((r) => (purpose(r.purpose) ? (changed++, change(r)) : r));
  if (changed === 0) throw new Error('the mutant changed nothing');
  return { ...plan, rules };
}
const formula = (from: string | RegExp, to: string) => (r: ConditionalRule) => {
  const f = r.formula.replace(from, to);
  return { ...r, formula: f };
};

describe('[F3] the agreement check kills mutants of the rules', () => {
  const ref = planned(reference());
  const two = planned(VARIATIONS['two "Recommendation met" phrases: the last counts'] ?? reference());
  const column = planned(VARIATIONS['a Statutory column and a Rating column'] ?? reference());

  test('the unmutated plans agree (so a failure below is the mutant)', () => {
    expect(ref.check()).toEqual([]);
    expect(two.check()).toEqual([]);
    expect(column.check()).toEqual([]);
  });

  test('a wrong status keyword in a rating rule', () => {
    const m = mutate(ref.plan, (p) => p === 'Rating: partially', formula('"partially "', '"partialy "'));
    expect(ref.check(m)).not.toEqual([]);
  });

  test('a wrong keyword in a status rule', () => {
    const m = mutate(ref.plan, (p) => p.startsWith('Status: Complete'), formula('"Complete"', '"Completed"'));
    expect(ref.check(m)).not.toEqual([]);
  });

  test('a wrong column letter in the rating rules', () => {
    const m = mutate(ref.plan, (p) => p.startsWith('Rating: '), formula(/\$F6/g, '$E6'));
    expect(ref.check(m)).not.toEqual([]);
  });

  test('a wrong column letter in the statutory rule', () => {
    const m = mutate(ref.plan, (p) => p === 'Statutory row', formula(/\$B6/g, '$C6'));
    expect(ref.check(m)).not.toEqual([]);
  });

  test('"Non-statutory" painted as statutory (a plain search for the word)', () => {
    const m = mutate(
      ref.plan,
      (p) => p === 'Statutory row',
      (r) => ({ ...r, formula: '=ISNUMBER(SEARCH("statutory",$B6))' }),
    );
    expect(ref.check(m)).not.toEqual([]);
  });

  test('a tick rule reading the wrong column', () => {
    const ticks = planned(VARIATIONS['tick-mark status columns (one marked per row)'] ?? reference());
    expect(ticks.plan.rules.some((r) => r.purpose === 'Rating: implemented')).toBe(true);
    const m = mutate(ticks.plan, (p) => p === 'Rating: implemented', formula(/\$C(\d+)/g, '$D$1'));
    expect(ticks.check(m)).not.toEqual([]);
  });

  test('"YES" not highlighted in a Statutory column', () => {
    const m = mutate(column.plan, (p) => p === 'Statutory row', formula('|yes|', '|'));
    expect(column.check(m)).not.toEqual([]);
  });

  test('the first "Recommendation met" phrase read instead of the last', () => {
    // The tail after the FIRST phrase: MID from where SEARCH finds it, in place of the last-phrase padding trick.
    const firstPhrase = (r: ConditionalRule): ConditionalRule => {
      const m = /TRIM\(RIGHT\(REPT\("\|",999\)&SUBSTITUTE\((.*),"recommendation met",REPT\(" ",999\)\),999\)\)/.exec(r.formula);
      if (!m?.[1]) throw new Error('rating formula not as expected');
      const text = m[1];
      return { ...r, formula: r.formula.replace(m[0], `TRIM(MID(${text},IFERROR(SEARCH("recommendation met",${text})+18,9^9),999))`) };
    };
    const m = mutate(two.plan, (p) => p.startsWith('Rating: '), firstPhrase);
    expect(two.check(m)).not.toEqual([]);
  });

  test('a shorter word of one level listed above a longer word of another that starts with it', () => {
    // "no" (not met) and "no longer relevant" (withdrawn): the core takes the longer; Excel shows the rule higher in the list.
    const scale = [
      { key: 'done', label: 'Done', weight: 1, synonyms: ['complete'] },
      { key: 'notMet', label: 'Not met', weight: 0, synonyms: ['no'] },
      { key: 'withdrawn', label: 'Withdrawn', weight: null as unknown as number, synonyms: ['no longer relevant'] },
    ];
    const s = planSheet(withId([progress('Recommendation met: no'), progress('Recommendation met: no longer relevant')]));
    const analysis = analyseSheet(s, { ...OPTIONS, ratingScale: scale });
    const plan = planFormat(analysis, s);
    if (!plan) throw new Error('no plan');
    expect(disagreements(plan, s, analysis)).toEqual([]);
    const rating = plan.rules.filter((r) => r.purpose.startsWith('Rating: '));
    const others = plan.rules.filter((r) => !r.purpose.startsWith('Rating: '));
    expect(disagreements({ ...plan, rules: [...others, ...[...rating].reverse()] }, s, analysis)).not.toEqual([]);
  });
});

describe('[F3] the check catches the disagreements of the rules before this change', () => {
  // The rules as they were (formatPlan.ts before tests/cf): any "met:<word>" anywhere, and any "statutory" without "non".
  const squash = (ref: string) => `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${ref}," ",""),CHAR(10),""),CHAR(13),"")`;
  const oldRating =
    (words: string[]) =>
    (r: ConditionalRule): ConditionalRule => {
      const ref = /\$[A-Z]+\d+/.exec(r.formula)?.[0] ?? '$F6';
      const tests = words.flatMap((w) => [':', '-'].map((sep) => `ISNUMBER(SEARCH("met${sep}${w.replace(/\s+/g, '')}",${squash(ref)}))`));
      return { ...r, formula: `=OR(${tests.join(',')})` };
    };
  const oldStatutory = (r: ConditionalRule): ConditionalRule => {
    const ref = /\$B\d+/.exec(r.formula)?.[0] ?? '$B6';
    const squashed = `SUBSTITUTE(SUBSTITUTE(${ref}," ",""),"-","")`;
    return {
      ...r,
      formula: `=AND(ISNUMBER(SEARCH("STATUTORY",${ref})),ISERROR(SEARCH("NONSTATUTORY",${squashed})),ISERROR(SEARCH("NOTSTATUTORY",${squashed})))`,
    };
  };

  test('two phrases: the old rules coloured by the first (and by both)', () => {
    const two = planned(VARIATIONS['two "Recommendation met" phrases: the last counts'] ?? reference());
    const words: Record<string, string[]> = {
      'Rating: completely': ['completely', 'complete', 'fully', 'in full'],
      'Rating: not met': ['not met', 'none', 'no'],
      'Rating: partially': ['partially', 'partly', 'in part'],
      'Rating: significantly': ['significantly'],
      'Rating: moderately': ['moderately'],
    };
    const old = { ...two.plan, rules: two.plan.rules.map((r) => (words[r.purpose] ? oldRating(words[r.purpose] ?? [])(r) : r)) };
    expect(two.check(old).join('\n')).toMatch(/counts "notMet"|counts "moderately"/);
  });

  test('"Statutory accounts" without a marker: the old rule painted it', () => {
    const s = VARIATIONS['statutory markers in the Subject cell'] ?? reference();
    const p = planned(s);
    const old = mutate(p.plan, (x) => x === 'Statutory row', oldStatutory);
    expect(p.check(old).join('\n')).toMatch(/"Statutory row" colours A3 /);
  });
});

describe('[F3] known gaps: the colours and the core still differ here (documented in ruleFormulas.ts)', () => {
  test.failing('a blank Rating cell whose Progress has the phrase: the core counts the phrase, the Rating cell stays uncoloured', () => {
    const s = snapshot([
      ['No', 'Subject', 'Recommendation', 'Progress', 'Rating'],
      ['R1', 'x', 'x', 'Recommendation met: partially', ''],
    ]);
    expect(planned(s).check()).toEqual([]);
  });

  test.failing('more than 999 characters after the last phrase: no colour shows', () => {
    const s = planSheet([rec('R1', { progress: `Recommendation met: partially. ${'More narrative. '.repeat(70)}` })]);
    expect(planned(s).check()).toEqual([]);
  });

  test.failing('a non-breaking space (text pasted from Word or the web) between "met" and the word', () => {
    const s = planSheet([rec('R1', { progress: 'Recommendation\u00a0met:\u00a0partially' })]);
    expect(planned(s).check()).toEqual([]);
  });

  test.failing('"[Statutory]", " : Statutory" and a bare capitalised " STATUTORY" at the end of the Subject', () => {
    const s = planSheet([
      rec('R1', { subject: 'Payroll [Statutory]' }),
      rec('R2', { subject: 'Payroll : Statutory' }),
      rec('R3', { subject: 'PAYROLL STATUTORY' }),
      rec('R4', { subject: 'Grants\nNonstatutory' }),
    ]);
    expect(planned(s).check()).toEqual([]);
  });

  test.failing('a statutory marker on a middle line of the Subject cell is not painted', () => {
    const s = planSheet([rec('R1', { subject: 'Payroll\nStatutory\nSee note 3' }), rec('R2', { subject: 'Grants\nNonstatutory' })]);
    expect(planned(s).check()).toEqual([]);
  });
});
