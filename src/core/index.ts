/** The core's public face: what adapters, the pane and the command may use. */
export * from './types';
export { analyseSheet, CoreOptionError } from './analyse';
export { parseTimescale, parseTimescaleCell } from './parseTimescale';
export { DEFAULT_SCALE, matchLevel, validateScale } from './rating';
export {
  planFormat,
  statusMovedFinding,
  isOurRule,
  isStatusHeader,
  RULE_MARKER,
  statusText,
  type FormatPlan,
  type ConditionalRule,
  type StatusColumnPlan,
} from './formatPlan';
export {
  buildSummary,
  needsLiteral,
  SUMMARY_SHEET_NAME,
  SUMMARY_LIST_LIMIT,
  type SummaryModel,
  type SummaryCell,
  type ChartSpec,
  type SummaryStyle,
} from './summaryModel';
export { RULE_TITLES, SEVERITY, SEVERITY_ORDER } from './findings';
export { STATUS_HEADER, HEADER_SYNONYMS, roleOfHeader } from './findTable';
export { columnLetter, columnIndex, parseAddress, cellAddress, rangeAddress } from './address';
export { isCellError, isErrorCode, looksLikeFormula, cellText } from './cells';
export { isoFromDate, fromIso, toIso, formatLong, isDateFormat, toSerial, fromSerial } from './dates';
export { contrast } from './palette';
export { HostError, type HostErrorCode, type ChangeState } from './errors';
export type { WorkbookSettings, RunParts, RunResult, PlanHost, Analyser } from './host';
