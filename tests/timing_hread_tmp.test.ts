import { analyseSheet } from '../src/core/analyse';
test('t', () => {
  const rows: any[][] = [['Position as at 31 March 2024'], ['No', 'Subject', 'Lead', 'Timescales', 'Recommendation', 'Progress']];
  for (let i = 1; i <= 10000; i++) rows.push([`R${i}`, 'Subject\nStatutory', `Officer ${i % 40}`, 'March 2025', `Do the thing number ${i} and report back to the committee in time.`, `Some progress made on ${i}.\nRecommendation met: partially`]);
  analyseSheet({ name: 'x', origin: 'A1', values: rows }, { today: '2026-01-01' });
  const t0 = Date.now();
  for (let k = 0; k < 3; k++) analyseSheet({ name: 'x', origin: 'A1', values: rows }, { today: '2026-01-01' });
  console.log('ms per 10k analysis', (Date.now() - t0) / 3);
});
