/** What builds our sheets' models, loaded when a run first writes them (excelHost.ts): not in the pane's first bundle. */
export { buildChaseSheet } from '../core/plans/chaseSheet';
export { buildSummary } from '../core/plans/summaryModel';
