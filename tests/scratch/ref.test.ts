import { analyseSheet } from '../../src/core/analyse';
import { referenceValues } from '../fixtures/reference';
import { OPTIONS } from '../fixtures/sheets';
test('ref', () => {
  const a = analyseSheet({ name: 'Appendix 1', origin: 'A1', values: referenceValues() }, OPTIONS);
  console.log(a.asAt, a.recommendations.map((r) => [r.id, r.level, r.timescale.text.slice(0, 30), r.timescale.due, r.state, r.daysOverdue, r.checks.join('|')].join(' / ')).join('\n'));
  console.log(JSON.stringify(a.stats.byState), a.stats.complete, a.stats.completely, a.stats.unrated);
});
