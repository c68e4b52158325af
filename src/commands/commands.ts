import { runRibbonSummary } from '../excel/ribbon';

// The ribbon's one-click Summary button (ExecuteFunction "runSummary" in manifest.xml).
runRibbonSummary();
