import { keyMeaning, keyScale, readKey } from './tableKey';

// SPEC (T4) "A table's own key": each colour's meaning is read with the status vocabulary.
describe("[T4] a table's own key", () => {
  test.each([
    ['Progress towards recommendation yet to be established by Committee', 'notRated'],
    ['Recommendation considered complete - no further action', 'complete'],
    ['Recommendation not accepted and thus not progressed', 'excluded'],
    ['Recommendation acknowledged but has not commenced', 'open'],
    ['Recommendation observed to be underway but awaiting decision to progress', 'open'],
    ['Withdrawn by the Committee', 'excluded'],
    ['Suspended pending the review', 'open'],
  ])('"%s" means %s', (text, meaning) => {
    expect(keyMeaning(text)).toBe(meaning);
  });

  test('only rows of a colour label then a meaning are key rows', () => {
    const rows = [
      ['Legend'],
      ['Grey Light', 'Not yet assessed'],
      ['High', 'Fundamental weakness'],
      ['Red', 'Not commenced', 'extra'],
      ['Blue', 'Implemented'],
    ];
    expect(readKey(rows).map((e) => [e.label, e.meaning])).toEqual([
      ['Grey Light', 'notRated'],
      ['Blue', 'complete'],
    ]);
  });

  test('a key that says what the built-in RAG reading says changes nothing; one that differs gives the scale', () => {
    const same = readKey([
      ['Blue', 'Complete'],
      ['Green', 'On track'],
      ['Red', 'Off track'],
    ]);
    expect(keyScale(same, ['Blue', 'Green', 'Red'])).toBeNull();
    const own = readKey([
      ['Grey', 'Yet to be assessed'],
      ['Green', 'Complete'],
    ]);
    const scale = keyScale(own, ['Grey', 'Green', 'Grey']);
    expect(scale?.name).toBe('rag');
    const grey = scale?.levels.find((l) => l.label === 'Grey');
    expect([grey?.complete ?? false, grey?.excluded ?? false]).toEqual([false, false]);
  });

  test('a key whose labels are not most of the status values is not the scale', () => {
    const own = readKey([
      ['Grey', 'Yet to be assessed'],
      ['Green', 'Complete'],
    ]);
    expect(keyScale(own, ['Implemented', 'In progress', 'Grey'])).toBeNull();
  });
});
