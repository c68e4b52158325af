import type { Finding, RuleId, Severity } from '../core/types';
import {
  cellOrder,
  findingLabel,
  flattenGroups,
  groupByRecommendation,
  groupByRule,
  groupCaption,
  initiallyExpanded,
  itemLabel,
  walkOrder,
} from './findingGroups';

const f = (rule: RuleId, severity: Severity, cell: string | null, id: string | null = null): Finding => ({
  rule,
  severity,
  cell,
  row: cell ? cellOrder(cell)[0] : null,
  id,
  message: 'm',
});

const findings = [
  f('RATING_MISSING', 'warning', 'F3', 'R1'),
  f('OVERDUE', 'warning', 'D10', 'R5'),
  f('RATING_MISSING', 'warning', 'F10', 'R5'),
  f('ID_MISSING', 'error', 'A4'),
  f('AS_AT_ASSUMED', 'info', null),
  f('OVERDUE', 'warning', 'AA3', 'R1'),
];

describe('finding groups', () => {
  test('[OVERDUE] Previous/Next walk the cells row by row, left to right (column AA after F)', () => {
    expect(walkOrder(findings).map((x) => x.cell)).toEqual(['F3', 'AA3', 'A4', 'D10', 'F10']);
  });

  test('[ID_MISSING] by rule: errors first, then the most frequent, each with its count of items', () => {
    expect(groupByRule(findings).map((g) => [g.title, g.items.length])).toEqual([
      ['Reference missing', 1],
      ['Not rated', 2],
      ['Overdue', 2],
      ['As-at date assumed', 1],
    ]);
  });

  test('[RATING_MISSING] by recommendation: the whole sheet first, then each row in sheet order', () => {
    expect(groupByRecommendation(findings).map((g) => [g.title, g.items.length])).toEqual([
      ['Whole sheet', 1],
      ['R1, row 3', 2],
      ['No reference, row 4', 1],
      ['R5, row 10', 2],
    ]);
  });

  test('a finding reads the same on screen and to a screen reader', () => {
    expect(findingLabel(findings[1] as Finding)).toBe('Overdue, R5, cell D10');
    expect(findingLabel(findings[4] as Finding)).toBe('As-at date assumed');
  });

  test('[RATING_MISSING] a header counts recommendations once each; repeats on one row are counted as findings', () => {
    const [, unrated] = groupByRule(findings);
    expect(groupCaption(unrated!, 'rule')).toBe('Not rated: 2 recommendations');
    const twice = groupByRule([f('FIELD_MISSING', 'warning', 'B3', 'R1'), f('FIELD_MISSING', 'warning', 'C3', 'R1')]);
    expect(groupCaption(twice[0]!, 'rule')).toBe('Empty cell: 2 findings');
    expect(groupCaption(groupByRecommendation(findings)[1]!, 'recommendation')).toBe('R1, row 3: 2 findings');
  });

  test('[OVERDUE] inside a group a finding drops what its header says', () => {
    expect(itemLabel(findings[1]!, 'rule')).toBe('R5, cell D10');
    expect(itemLabel(findings[1]!, 'recommendation')).toBe('Overdue, cell D10');
    expect(itemLabel(findings[3]!, 'rule')).toBe('Row 4, cell A4');
  });

  test('[ID_MISSING] only the first few short groups start open, and closed groups add no rows', () => {
    const groups = groupByRule([...findings, ...Array.from({ length: 30 }, (_, i) => f('DUE_SOON', 'info', `D${i + 20}`, `R${i + 20}`))]);
    expect(groups.map((g) => g.key)).toEqual(['ID_MISSING', 'RATING_MISSING', 'OVERDUE', 'DUE_SOON', 'AS_AT_ASSUMED']);
    const open = initiallyExpanded(groups);
    expect([...open]).toEqual(['ID_MISSING', 'RATING_MISSING', 'OVERDUE']);
    const rows = flattenGroups(groups, open);
    expect(rows.map((r) => (r.kind === 'group' ? `[${r.group.key}]` : r.finding.cell))).toEqual([
      '[ID_MISSING]',
      'A4',
      '[RATING_MISSING]',
      'F3',
      'F10',
      '[OVERDUE]',
      'D10',
      'AA3',
      '[DUE_SOON]',
      '[AS_AT_ASSUMED]',
    ]);
  });
});
