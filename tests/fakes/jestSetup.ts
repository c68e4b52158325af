/**
 * Jest setup: the strict fake checks every conditional-format formula with a real Excel-formula parser, and every
 * custom XML part with a namespace-aware XML parser; every property without a seed of its own is seeded.
 */
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { evaluateFormula, FormulaSyntaxError } from '../cf/evaluate';
import { setFormulaChecker, setXmlChecker } from './excelFake';

// CI reads the same generated inputs every run, so a red build is the code's and can be replayed. FC_SEED=<n>
// explores other inputs locally (a failure prints its seed and path); a case it finds becomes a sheet-shaped test.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20_261_208) });

setFormulaChecker((formula) => {
  try {
    evaluateFormula(formula);
    return null;
  } catch (e) {
    return e instanceof FormulaSyntaxError ? e.message : null;
  }
});

setXmlChecker((xml) => {
  const parser = new SaxesParser({ xmlns: true });
  let why: string | null = null;
  let roots = 0;
  parser.on('error', (e) => {
    why ??= e.message;
  });
  parser.on('opentag', () => {
    roots = 1;
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    why ??= e instanceof Error ? e.message : String(e);
  }
  return why ?? (roots === 0 ? 'no root element' : null);
});
