import { parseSettings } from './settings';

describe('workbook settings, as stored (any version, or edited by hand)', () => {
  test('a chosen built-in scale is kept; an unknown one is dropped', () => {
    expect(parseSettings('{"scale":"rag"}')).toEqual({ scale: 'rag' });
    expect(parseSettings('{"scale":"traffic lights"}')).toEqual({});
  });

  test('a custom scale may have levels without weights (RAG-like), but not weights outside 0..1', () => {
    const level = (key: string, weight: number | null) => ({ key, label: key, weight, synonyms: [] });
    expect(parseSettings({ ratingScale: [level('done', null), level('open', null)] }).ratingScale).toHaveLength(2);
    expect(parseSettings({ ratingScale: [level('done', 2)] }).ratingScale).toBeUndefined();
  });

  test('[BLOCKS_FOUND] a chosen block number is kept; one that is not a whole number from 1 is dropped', () => {
    expect(parseSettings('{"block":2}')).toEqual({ block: 2 });
    expect(parseSettings('{"block":0}')).toEqual({});
    expect(parseSettings('{"block":"2"}')).toEqual({});
    expect(parseSettings('{"block":1.5}')).toEqual({});
  });

  test('[FISCAL_YEAR_ASSUMED] a chosen financial year is kept; another word is dropped', () => {
    expect(parseSettings('{"fiscalYear":"au"}')).toEqual({ fiscalYear: 'au' });
    expect(parseSettings('{"fiscalYear":"ca"}')).toEqual({});
  });

  test('broken text gives no settings rather than an error', () => {
    expect(parseSettings('{not json')).toEqual({});
  });
});
