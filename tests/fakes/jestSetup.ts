/** Jest setup: the strict fake checks every conditional-format formula with a real Excel-formula parser. */
import { evaluateFormula, FormulaSyntaxError } from '../cf/evaluate';
import { setFormulaChecker } from './excelFake';

setFormulaChecker((formula) => {
  try {
    evaluateFormula(formula);
    return null;
  } catch (e) {
    return e instanceof FormulaSyntaxError ? e.message : null;
  }
});
