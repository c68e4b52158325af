import { evaluateFormula, shiftFormula } from './evaluate';

describe('the conditional-format evaluator behaves like Excel', () => {
  test('relative references move with the cell, $ parts and text in quotes stay', () => {
    expect(shiftFormula('=AND(N("A1")=0,$F6="B2",F6,F$6,$F$6,CHAR(10),LOG10(A2))', 2, 1)).toBe(
      '=AND(N("A1")=0,$F8="B2",G8,G$6,$F$6,CHAR(10),LOG10(B4))',
    );
  });

  test('SEARCH ignores case and takes wildcards; FIND does neither', () => {
    expect(evaluateFormula('=SEARCH("PART","xx partially")')).toBe(4);
    expect(evaluateFormula('=SEARCH("p?r","x-par")')).toBe(3);
    expect(evaluateFormula('=SEARCH("~?","a?b")')).toBe(2);
    expect(evaluateFormula('=ISNUMBER(FIND("|Y|","|y|"))')).toBe(false);
  });

  test('SUBSTITUTE is case-sensitive and can replace one instance', () => {
    expect(evaluateFormula('=SUBSTITUTE("Met met met","met","x")')).toBe('Met x x');
    expect(evaluateFormula('=SUBSTITUTE("a a a","a","b",2)')).toBe('a b a');
  });

  test('TRIM squeezes spaces but keeps line breaks', () => {
    expect(evaluateFormula('=TRIM("  a   b\nc ")')).toBe('a b\nc');
  });

  test('a blank cell reads as "" and a TRUE cell as "true" in LOWER', () => {
    expect(evaluateFormula('=A1=""', [[null]])).toBe(true);
    expect(evaluateFormula('=LOWER(A1)', [[true]])).toBe('true');
  });

  test('AND and OR pass an error on (so a rule whose word is missing formats nothing)', () => {
    expect(evaluateFormula('=ISERROR(AND(TRUE,SEARCH("x","abc")<5))')).toBe(true);
    expect(evaluateFormula('=ISERROR(OR(FALSE,1/0))')).toBe(true);
    expect(evaluateFormula('=AND(TRUE,1)')).toBe(true);
    expect(evaluateFormula('=OR(FALSE,0)')).toBe(false);
  });

  test('text past 32,767 characters is #VALUE!', () => {
    expect(evaluateFormula('=ISERROR(REPT("x",40000))')).toBe(true);
  });
});
