import { HEADER, OPTIONS, rec, snapshot } from '../../../tests/fixtures/sheets';
import { analyseSheet } from '../analyse';
import { leadingReference, normaliseReference, parseReference } from './references';
import type { CellValue, RuleId } from '../types';

const idRules = (ids: CellValue[]) => {
  const a = analyseSheet(snapshot([HEADER, ...ids.map((id) => rec(id))]), OPTIONS);
  const pick = (rule: RuleId) => a.findings.filter((f) => f.rule === rule).map((f) => f.id);
  return { gaps: pick('ID_SEQUENCE_GAP'), forms: pick('ID_FORMAT'), duplicates: pick('ID_DUPLICATE'), findings: a.findings };
};

describe('[ID rules] reference forms', () => {
  test.each([
    ['R1', { prefix: 'R', number: 1, subs: [], simple: true }],
    ['R 12', { prefix: 'R', number: 12, subs: [], simple: true }],
    ['Rec 4', { prefix: '', number: 4, subs: [], simple: true }],
    ['Rec. 4', { prefix: '', number: 4, subs: [], simple: true }],
    ['Para 78', { prefix: '', number: 78, subs: [], simple: true }],
    ['78', { prefix: '', number: 78, subs: [], simple: true }],
    ['2(a)', { prefix: '', number: 2, subs: ['A'], simple: false }],
    ['1.2', { prefix: '', number: 1, subs: ['2'], simple: false }],
    ['3.1.17', { prefix: '', number: 3, subs: ['1', '17'], simple: false }],
    ['1i)', { prefix: '', number: 1, subs: ['I'], simple: false }],
    ['4b', { prefix: '', number: 4, subs: ['B'], simple: false }],
    ['1(a)(ii)', { prefix: '', number: 1, subs: ['A', 'II'], simple: false }],
    ['R2.1', { prefix: 'R', number: 2, subs: ['1'], simple: false }],
  ])('%j reads as %j', (ref, parsed) => {
    expect(parseReference(ref)).toMatchObject(parsed);
  });

  test.each(['Rec five', '(a)', 'ii)', 'TBC', ''])('%j has no number', (ref) => {
    expect(parseReference(ref)).toBeNull();
  });

  test.each([
    ['R2', 'r 2'],
    ['2(a)', '2a'],
    ['2(a)', '2.a'],
    ['Rec 4', '4'],
    ['Rec. 4', 'REC4'],
    ['Para 78', '78'],
    ['1i)', '1(i)'],
    ['3.1.17', '3.1.17 '],
    ['(a)', 'a)'],
    ['R05', 'R5'],
  ])('[ID_DUPLICATE] %j and %j are the same reference', (a, b) => {
    expect(normaliseReference(a)).toBe(normaliseReference(b));
  });

  test.each([
    ['1.2', '12'],
    ['1.2', '1.20'],
    ['R4', 'R4a'],
    ['R1', 'IA1'],
    ['2(a)', '2(b)'],
  ])('%j and %j are different references', (a, b) => {
    expect(normaliseReference(a)).not.toBe(normaliseReference(b));
  });
});

describe('[ID_SEQUENCE_GAP] [ID_FORMAT] only on a run of simple references that looks like a sequence', () => {
  test.each<[string, CellValue[]]>([
    ['paragraph numbers', [78, 163, 363, 412]],
    ['paragraph numbers as text', ['Para 12', 'Para 15', 'Para 21', 'Para 40']],
    ['hierarchical references', ['1.1', '1.2', '2.1', '3.1.17', '3.2']],
    ['lettered sub-items', ['2(a)', '2(b)', '3', '4(a)', '4(b)']],
    ['roman sub-items', ['1i)', '1ii)', '2i)', '3']],
    ['sub-items under a numbered run', ['1', '2', '2(a)', '2(b)', '3']],
    ['letters alone under a heading', ['1', '(a)', '(b)', '2', '3']],
    // A/76/307 (UN Secretary-General, 2021) cites every other paragraph of the Board's report.
    ['every other paragraph (a regular stride)', [12, 14, 16, 18, 20, 22, 24, 26, 28, 30]],
  ])('%s: no gap, no unusual form', (_name, ids) => {
    const r = idRules(ids);
    expect(r.gaps).toEqual([]);
    expect(r.forms).toEqual([]);
  });

  test('a run with an uneven gap is still a numbering: R1, R2, R4, R6 misses R3 and R5', () => {
    expect(idRules(['R1', 'R2', 'R4', 'R6']).gaps).toEqual(['R4', 'R6']);
  });

  test('a numbered run with sub-items still reports its gap', () => {
    expect(idRules(['1', '2', '2(a)', '4']).gaps).toEqual(['4']);
  });

  test('"Rec" numbering keeps its own words in the message', () => {
    const gap = idRules(['Rec 1', 'Rec 2', 'Rec 4']).findings.find((f) => f.rule === 'ID_SEQUENCE_GAP');
    expect(gap?.message).toContain('Rec 3 is missing');
  });

  test('R1 to R13 with R5 missing: one gap', () => {
    const ids = ['R1', 'R2', 'R3', 'R4', 'R6', 'R7', 'R8', 'R9', 'R10', 'R11', 'R12', 'R13'];
    expect(idRules(ids).gaps).toEqual(['R6']);
  });

  test('a stray prefix and a reference with no number, within a sequence', () => {
    expect(idRules(['R1', 'R2', 'Rec five', 'X3']).forms).toEqual(['Rec five', 'X3']);
  });

  test('[ID_DUPLICATE] 2(a) written twice in two ways', () => {
    expect(idRules(['1', '2(a)', '2a', '3']).duplicates).toEqual(['2a']);
  });

  test('no message says "(null)" or "undefined"', () => {
    const r = idRules(['R1', 'R1', null, 'Rec five', 'X3', 'R7', '', 'Rec 1', 78]);
    for (const f of r.findings) expect(f.message).not.toMatch(/\(null\)|undefined|null/);
  });
});

describe('[R5] leadingReference: the reference written at the start of a recommendation, as written', () => {
  test.each([
    ['1i) The review should be extended', '1i)'],
    ['3.2 Ensure that the register is kept', '3.2'],
    ['R4: Review the budget', 'R4'],
    ['R4 Review the budget', 'R4'],
    ['2(a) The council should', '2(a)'],
    ['78. The council should', '78'],
    ['1. Ensure that', '1'],
    ['1) Ensure that', '1)'],
    ['2 Documented procedures will be extended', '2'],
    ['Rec 4 - Ensure that', 'Rec 4'],
    ['Recommendation 3: Ensure that', 'Recommendation 3'],
    ['3.1.17 Staff should', '3.1.17'],
    ['(a) The council', '(a)'],
    ['ii) The council', 'ii)'],
    ['  R12\u2013 Update the plan', 'R12'],
    ['R12 \u2013 Update the plan', 'R12'],
  ])('%j starts with %j', (text, ref) => {
    expect(leadingReference(text)).toBe(ref);
  });

  test.each([
    'The council should review',
    '12 months of data should be kept',
    '2002 budget to be set',
    '1st April is the deadline',
    '1.5 million records to check',
    'A 12-month review',
    '5 year plan',
    'In 3 months',
    '',
  ])('%j has no leading reference', (text) => {
    expect(leadingReference(text)).toBeNull();
  });
});
