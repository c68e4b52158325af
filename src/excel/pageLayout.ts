import { footerCodes, headerCodes, type PageSetupState, type PrintPlan } from '../core/plans/printPlan';

/** A sheet's page layout, queued for loading with a read the run already makes (no sync of its own). */
export interface PageLayoutRead {
  readonly layout: Excel.PageLayout;
  readonly group: Excel.HeaderFooterGroup;
  readonly texts: Excel.HeaderFooter;
  readonly titles: Excel.Range;
  readonly area: Excel.RangeAreas;
}

const POINTS_PER_INCH = 72;

/** Queues the loads that tell whose page setup a sheet has (ExcelApi 1.9, the add-in's minimum). */
export function queuePageLayoutRead(sheet: Excel.Worksheet): PageLayoutRead {
  const layout = sheet.pageLayout;
  layout.load('orientation,paperSize,zoom,leftMargin,rightMargin,topMargin,bottomMargin,headerMargin,footerMargin');
  const group = layout.headersFooters;
  group.load('state');
  const texts = group.defaultForAllPages;
  texts.load('leftHeader,centerHeader,rightHeader,leftFooter,centerFooter,rightFooter');
  const titles = layout.getPrintTitleRowsOrNullObject();
  titles.load('address');
  const area = layout.getPrintAreaOrNullObject();
  area.load('address');
  return { layout, group, texts, titles, area };
}

const joined = (...parts: string[]) => parts.filter((p) => p !== '').join('\n');

/** The loaded page layout as the core reads it (after the sync that loaded it). Manual page breaks are not read here. */
export function pageSetupState(read: PageLayoutRead): PageSetupState {
  const { layout, group, texts } = read;
  const zoom = layout.zoom;
  const wide = zoom.horizontalFitToPages ?? null;
  const tall = zoom.verticalFitToPages ?? null;
  const inches = (points: number) => points / POINTS_PER_INCH;
  // First-page or odd/even headers are a choice of the user's even when the default ones are empty.
  const pages = group.state === 'Default' ? '' : `(${group.state} headers and footers)`;
  return {
    orientation: layout.orientation === 'Landscape' ? 'landscape' : 'portrait',
    scale: zoom.scale ?? null,
    fitToPage: wide !== null || tall !== null,
    fitToPagesWide: wide,
    fitToPagesTall: tall,
    headers: joined(pages, texts.leftHeader, texts.centerHeader, texts.rightHeader),
    footers: joined(texts.leftFooter, texts.centerFooter, texts.rightFooter),
    printTitles: !read.titles.isNullObject,
    printArea: !read.area.isNullObject,
    pageBreaks: false,
    margins: {
      left: inches(layout.leftMargin),
      right: inches(layout.rightMargin),
      top: inches(layout.topMargin),
      bottom: inches(layout.bottomMargin),
      header: inches(layout.headerMargin),
      footer: inches(layout.footerMargin),
    },
  };
}

/**
 * Queues a print plan on a sheet where `setup` says it has none of the user's own (P1.2): the page layout, then
 * Excel's own row autofit over the printed rows (Excel measures the wrapped text the core can only estimate). On a
 * sheet with the user's own setup nothing is queued, row heights included: Office.js cannot tell a height the user
 * set from an automatic one. A constant number of calls, whatever the sheet's size.
 */
export function queuePageLayout(sheet: Excel.Worksheet, plan: PrintPlan, setup: boolean): void {
  if (!setup) return;
  const layout = sheet.pageLayout;
  layout.orientation = 'Landscape';
  layout.paperSize = plan.paper;
  // The zoom is set whole (Microsoft: "use x.zoom = {...} instead of x.zoom.scale = ..."); 0 pages tall: as many as
  // needed, as Excel's own recorder writes "Fit All Columns on One Page" (the self-test checks it reads back).
  layout.zoom = { horizontalFitToPages: plan.fitToPagesWide, verticalFitToPages: plan.fitToPagesTall };
  const m = plan.margins;
  layout.setPrintMargins('Inches', { left: m.left, right: m.right, top: m.top, bottom: m.bottom, header: m.header, footer: m.footer });
  if (plan.titleRows) layout.setPrintTitleRows(`$${plan.titleRows.first}:$${plan.titleRows.last}`);
  if (plan.printArea) layout.setPrintArea(plan.printArea);
  const footer = footerCodes(plan.footer);
  const texts = layout.headersFooters.defaultForAllPages;
  texts.leftFooter = footer.left;
  texts.centerFooter = '';
  texts.rightFooter = footer.right;
  // The plan's name on every page (the summary prints without one); a re-run replaces ours whole.
  texts.leftHeader = plan.header ? headerCodes(plan.header).left : '';
  texts.centerHeader = '';
  texts.rightHeader = '';
  sheet.getRange(`${plan.rows.first}:${plan.rows.last}`).format.autofitRows();
}
