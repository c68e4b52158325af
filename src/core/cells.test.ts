import fc from 'fast-check';
import { isBlank, normalise, normalisesTo } from './cells';
import { parseRevisions } from './interpret/revisions';
import { parseTimescale } from './interpret/parseTimescale';

// The shortcuts taken for speed must give exactly the answers of the plain comparisons they replace.
const headerish = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .array(
      fc.constantFrom('Progress', 'PROGRESS', 'progress', 'Lead', 'Officer', 'No.', '#', '\u2019', ' ', '\n', '-', 'İ', 'ß', '2', 'x'),
      {
        maxLength: 8,
      },
    )
    .map((parts) => parts.join('')),
);

describe('[T2] a repeated header is recognised by its words, however long the other cells', () => {
  test('normalisesTo agrees with comparing the normalised texts, for any texts', () => {
    fc.assert(
      fc.property(headerish, headerish, (cell, header) => {
        expect(normalisesTo(cell, normalise(header))).toBe(normalise(cell) === normalise(header));
      }),
      { numRuns: 2000 },
    );
  });

  test('a long progress note never reads as the header, and the header written again always does', () => {
    const note = 'Progress: the review of the framework was reported to the committee in March 2003. '.repeat(20);
    expect(normalisesTo(note, normalise('Progress'))).toBe(false);
    expect(normalisesTo('  PROGRESS ', normalise('Progress'))).toBe(true);
  });

  test('isBlank is true exactly for text that is only white space', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 12 }), (s) => expect(isBlank(s)).toBe(s.trim() === '')),
      { numRuns: 2000 },
    );
    expect(isBlank('\u00a0\u2003\n')).toBe(true);
    expect(isBlank(0)).toBe(false);
    expect(isBlank(null)).toBe(true);
  });
});

describe('[S2] a timescale reads the same however often and in whatever order it is read', () => {
  const texts = [
    'December 2002 (revised from September 2002)',
    'Sept 02, now March 03',
    'March 2003',
    '31/03/2003',
    'Ongoing',
    'Revised: 31/03/2003 (originally 30/09/2002)',
  ];
  test('revisions and due dates do not depend on what was read before', () => {
    const first = texts.map((t) => [parseRevisions(t, '2002-09-30'), parseTimescale(t, '2002-09-30')]);
    const again = [...texts].reverse().map((t) => [parseRevisions(t, '2002-09-30'), parseTimescale(t, '2002-09-30')]);
    expect(again.reverse()).toEqual(first);
    // Another document date reads two-digit years against that date, not the one cached before.
    expect(parseRevisions('Sept 02, now March 03', '1903-01-01').due).not.toBe(parseRevisions('Sept 02, now March 03', '2002-09-30').due);
  });
});
