import fc from 'fast-check';
import { parseRevisions } from './revisions';

const DOC = '2002-06-18';

describe('[T6] revisions written in one timescale cell (issue 12): current target, first target, count', () => {
  // [text, due, originalDue, revisions], each form as committees write it; dates worked out by hand.
  const forms: [string, string | null, string | null, number][] = [
    ['December 2002 (revised from September 2002)', '2002-12-31', '2002-09-30', 1],
    ['Sept 02, now March 03', '2003-03-31', '2002-09-30', 1],
    ['September 2002 (was June 2002)', '2002-09-30', '2002-06-30', 1],
    ['was June 2002', null, '2002-06-30', 1],
    ['extended to March 2003', '2003-03-31', null, 1],
    ['June 2002, extended to March 2003', '2003-03-31', '2002-06-30', 1],
    ['Revised: 31/03/2003 (originally 30/09/2002)', '2003-03-31', '2002-09-30', 1],
    ['Original: June 2002; Revised: Sept 2002; Revised: Dec 2002', '2002-12-31', '2002-06-30', 2],
    ['March 2003 (originally September 2002, then December 2002)', '2003-03-31', '2002-09-30', 2],
    ['31/03/2002 revised 30/09/2002 revised 31/03/2003', '2003-03-31', '2002-03-31', 2],
    ['Revised target date: Dec 2002 (original target date: Jun 2002)', '2002-12-31', '2002-06-30', 1],
    ['Target date changed from 30/06/2002 to 31/12/2002', '2002-12-31', '2002-06-30', 1],
    ['Revised from 30 September 2002 to 31 December 2002', '2002-12-31', '2002-09-30', 1],
    ['Deferred to April 2003 (from December 2002)', '2003-04-30', '2002-12-31', 1],
    ['Moved to Q2 2003 from Q4 2002', '2003-06-30', '2002-12-31', 1],
    ['Postponed until June 2003', '2003-06-30', null, 1],
    ['Slipped to May 2003', '2003-05-31', null, 1],
    ['New target date March 2003', '2003-03-31', null, 1],
    ['June 2002 (now September 2002)', '2002-09-30', '2002-06-30', 1],
    ['Previously December 2002, now June 2003', '2003-06-30', '2002-12-31', 1],
    ['Rescheduled for autumn 2002', '2002-11-30', null, 1],
    ['Extended to 31 March 2003 and again to 30 June 2003', '2003-06-30', null, 2],
    ['Original date: 30 June 2002. Extended to 31 December 2002. Further extended to 31 March 2003.', '2003-03-31', '2002-06-30', 2],
    ['Brought forward to May 2002 (was July 2002)', '2002-05-31', '2002-07-31', 1],
    ['Sep-02 / Mar-03 (revised)', '2003-03-31', '2002-09-30', 1],
    ['Q4 2002 -> Q2 2003', '2003-06-30', '2002-12-31', 1],
    ['December 2002 (revised from September 2002, originally June 2002)', '2002-12-31', '2002-06-30', 2],
    ['Now due by end of March 2003 (was December 2002)', '2003-03-31', '2002-12-31', 1],
    ['Sept 02 (rev. Dec 02)', '2002-12-31', '2002-09-30', 1],
    ['Orig. June 2002, now Sept 2002', '2002-09-30', '2002-06-30', 1],
    ['Extension agreed to March 2003', '2003-03-31', null, 1],
    ['Carried forward to 2003/04', '2004-03-31', null, 1],
    ['Target: June 2002 Revised: Sept 2002', '2002-09-30', '2002-06-30', 1],
    // no revision: the latest date, nothing slipped
    ['December 2002', '2002-12-31', '2002-12-31', 0],
    [
      'Guidance to be agreed by QPRMG in April 2002.\nCompliance checking timetable to be agreed by QPRMG in May/June 2002',
      '2002-06-30',
      '2002-06-30',
      0,
    ],
    ['Work from June 2002 to September 2002', '2002-09-30', '2002-09-30', 0],
    ['This is now complete', null, null, 0],
    ['', null, null, 0],
  ];
  test.each(forms)('%j: due %s, first %s, %d revision(s)', (text, due, originalDue, revisions) => {
    expect(parseRevisions(text, DOC)).toMatchObject({ due, originalDue, revisions });
  });

  test('the chain lists every target, first to current', () => {
    expect(parseRevisions('March 2003 (originally September 2002, then December 2002)', DOC).chain).toEqual([
      '2002-09-30',
      '2002-12-31',
      '2003-03-31',
    ]);
  });

  test('a malformed document date gives no dates rather than throwing', () => {
    expect(parseRevisions('December 2002', 'not a date')).toEqual({ due: null, originalDue: null, revisions: 0, chain: [] });
  });
});

describe('[T6] parseRevisions on any string', () => {
  const parts = [
    'revised',
    'from',
    'to',
    'now',
    'was',
    'originally',
    'then',
    'Sept 02',
    'March 2003',
    '(',
    ')',
    ',',
    '->',
    'Q2 2003',
    'extended',
  ];
  test('never throws; the due date is the last of the chain; revisions are never negative', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(fc.constantFrom(...parts), { maxLength: 8 }).map((p) => p.join(' ')),
        ),
        (text) => {
          const r = parseRevisions(text, DOC);
          expect(r.revisions).toBeGreaterThanOrEqual(0);
          if (r.due !== null) expect(r.chain[r.chain.length - 1]).toBe(r.due);
          if (r.originalDue !== null) expect(r.chain[0]).toBe(r.originalDue);
        },
      ),
      { numRuns: 500 },
    );
  });
});
