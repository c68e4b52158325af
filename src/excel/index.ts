/** The Excel adapter: the only place Office.js is used. */
export { createExcelHost, runPlan, loadSettings, saveSettings, selectCell, SETTINGS_KEY } from './excelHost';
export { detectHost, officeTheme, type HostInfo, type OfficeTheme } from './host';
