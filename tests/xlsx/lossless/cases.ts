/**
 * The lossless corpus: odd but ordinary workbooks, each a plain plan plus one feature a user's file may
 * carry. Built by code (build.ts); each is applied twice and checked part by part on the raw package.
 */
import { draft, HEAD, NS, sheet, type Cell, type Draft } from './build';

export interface LosslessCase {
  name: string;
  make: (d: Draft) => void;
  /** The analysed sheet (default "Plan"). */
  sheet?: string;
  /** What apply must do instead of writing (the typed error's code). */
  refused?: 'SheetProtected';
  /** Column of the status column, or null when none can be placed. */
  status?: string | null;
  /** The summary sheet's expected name. */
  summary?: string;
}

const plan = (d: Draft) => d.sheets[0] as NonNullable<Draft['sheets'][0]>;
const bin = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) % 256);
const X14 = `xmlns:x14="${NS.x14}"`;
const XM = `xmlns:xm="${NS.xm}"`;
const CT = {
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
};

function legacyComments(d: Draft): void {
  const s = plan(d);
  d.parts['xl/comments1.xml'] =
    `${HEAD}<comments xmlns="${NS.main}"><authors><author>Finance</author></authors><commentList><comment ref="B3" authorId="0"><text><r><rPr><b/><sz val="9"/></rPr><t>Finance:</t></r><r><t xml:space="preserve"> check the wording</t></r></text></comment></commentList></comments>`;
  d.parts['xl/drawings/vmlDrawing1.vml'] =
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;visibility:hidden" fillcolor="#ffffe1"><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:Row>2</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>';
  d.overrides['xl/comments1.xml'] = CT.comments;
  d.defaults.vml = CT.vml;
  s.rels.push(['rId11', 'comments', '../comments1.xml'], ['rId12', 'vmlDrawing', '../drawings/vmlDrawing1.vml']);
  s.children.legacyDrawing = '<legacyDrawing r:id="rId12"/>';
}

function chartParts(d: Draft, n: number, sheetName: string): void {
  d.parts[`xl/charts/chart${n}.xml`] =
    `${HEAD}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS.r}"><c:chart><c:plotArea><c:layout/><c:pieChart><c:varyColors val="1"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'${sheetName}'!$H$3:$H$6</c:f></c:numRef></c:val></c:ser></c:pieChart></c:plotArea></c:chart></c:chartSpace>`;
  d.overrides[`xl/charts/chart${n}.xml`] = CT.chart;
}

function drawingWith(d: Draft, n: number, graphic: string, rels: [string, string, string][]): void {
  d.parts[`xl/drawings/drawing${n}.xml`] =
    `${HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>12</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${graphic}<xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
  d.overrides[`xl/drawings/drawing${n}.xml`] = CT.drawing;
  d.parts[`xl/drawings/_rels/drawing${n}.xml.rels`] =
    `${HEAD}<Relationships xmlns="${NS.pkg}">${rels.map(([id, t, target]) => `<Relationship Id="${id}" Type="${NS.rel}/${t}" Target="${target}"/>`).join('')}</Relationships>`;
}
const chartFrame = (rid: string) =>
  `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS.r}" r:id="${rid}"/></a:graphicData></a:graphic></xdr:graphicFrame>`;

const DV_LIST =
  '<dataValidations count="1"><dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="C3:C6"><formula1>"Head of Finance,Head of HR,Head of IT"</formula1></dataValidation></dataValidations>';

export const CASES: LosslessCase[] = [
  { name: 'a plain plan', make: () => undefined, status: 'G' },
  { name: 'legacy comments (notes) with a VML drawing', make: legacyComments },
  {
    name: 'threaded comments with persons',
    make: (d) => {
      legacyComments(d);
      d.parts['xl/threadedComments/threadedComment1.xml'] =
        `${HEAD}<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="B3" dT="2002-03-31T09:00:00.00" personId="{11111111-1111-1111-1111-111111111111}" id="{22222222-2222-2222-2222-222222222222}"><text>Is the wording right?</text></threadedComment></ThreadedComments>`;
      d.parts['xl/persons/person.xml'] =
        `${HEAD}<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><person displayName="Finance" id="{11111111-1111-1111-1111-111111111111}" userId="finance" providerId="None"/></personList>`;
      d.overrides['xl/threadedComments/threadedComment1.xml'] = 'application/vnd.ms-excel.threadedcomments+xml';
      d.overrides['xl/persons/person.xml'] = 'application/vnd.ms-excel.person+xml';
      plan(d).rels.push([
        'rId13',
        'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment',
        '../threadedComments/threadedComment1.xml',
      ]);
      d.workbookRels.push(['rId90', 'http://schemas.microsoft.com/office/2017/10/relationships/person', 'persons/person.xml']);
    },
  },
  { name: 'data validation: an in-cell list', make: (d) => void (plan(d).children.dataValidations = DV_LIST) },
  {
    name: 'data validation: a list from another sheet (x14 extension)',
    make: (d) => {
      d.sheets.push(sheet('Lists', [['Ongoing'], ['September 2002'], ['March 2003']], 2));
      plan(d).children.extLst =
        `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" ${X14}><x14:dataValidations count="1" ${XM}><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>Lists!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>D3:D6</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>`;
    },
  },
  {
    name: 'data validation over the whole sheet',
    make: (d) =>
      void (plan(d).children.dataValidations =
        '<dataValidations count="1"><dataValidation type="textLength" operator="lessThan" allowBlank="1" showErrorMessage="1" sqref="A1:XFD1048576"><formula1>5000</formula1></dataValidation></dataValidations>'),
    status: null,
  },
  {
    name: 'data validation on the column right of the table',
    make: (d) =>
      void (plan(d).children.dataValidations =
        '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="G1:G1048576"><formula1>"Yes,No"</formula1></dataValidation></dataValidations>'),
    status: 'H',
  },
  {
    name: 'hyperlinks, external and inside the workbook',
    make: (d) => {
      plan(d).children.hyperlinks =
        `<hyperlinks><hyperlink ref="A3" r:id="rId21" tooltip="The report"/><hyperlink ref="A4" location="'Plan'!A1" display="Top"/></hyperlinks>`;
      plan(d).rels.push(['rId21', 'hyperlink', 'https://example.org/reports/r1?a=1&b=2']);
    },
  },
  {
    name: 'user conditional formats: a data bar with its x14 extension',
    make: (d) => {
      const s = plan(d);
      s.rows[2]?.push(null, 10);
      s.rows[3]?.push(null, 20);
      s.children.conditionalFormatting = `<conditionalFormatting sqref="H3:H6"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar><extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" ${X14}><x14:id>{00000000-0000-0000-0000-00000000000A}</x14:id></ext></extLst></cfRule></conditionalFormatting>`;
      s.children.extLst = `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" ${X14}><x14:conditionalFormattings><x14:conditionalFormatting ${XM}><x14:cfRule type="dataBar" id="{00000000-0000-0000-0000-00000000000A}"><x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>H3:H6</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>`;
    },
    status: 'G',
  },
  {
    name: 'user conditional formats: an icon set and an expression rule',
    make: (d) =>
      void (plan(d).children.conditionalFormatting =
        '<conditionalFormatting sqref="A3:A6"><cfRule type="iconSet" priority="2"><iconSet iconSet="3TrafficLights1"><cfvo type="percent" val="0"/><cfvo type="percent" val="33"/><cfvo type="percent" val="67"/></iconSet></cfRule></conditionalFormatting><conditionalFormatting sqref="F3:F6"><cfRule type="expression" dxfId="0" priority="1"><formula>LEN($F3)&gt;30</formula></cfRule></conditionalFormatting>'),
  },
  {
    name: 'sparklines (x14 extension)',
    make: (d) =>
      void (plan(d).children.extLst =
        `<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" ${X14}><x14:sparklineGroups ${XM}><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:colorNegative rgb="FFD00000"/><x14:sparklines><x14:sparkline><xm:f>Plan!A3:A6</xm:f><xm:sqref>J3</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>`),
  },
  {
    name: 'defined names: print titles, a range, a constant with a comment, a local name',
    make: (d) =>
      void (d.workbook.definedNames = `<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">Plan!$2:$2</definedName><definedName name="Leads">Plan!$C$3:$C$6</definedName><definedName name="Rate" comment="a &quot;rate&quot;">0.05</definedName><definedName name="Local" localSheetId="0" hidden="1">Plan!$A$1</definedName></definedNames>`),
  },
  {
    name: 'print setup with printer settings, header and footer, breaks',
    make: (d) => {
      const s = plan(d);
      s.children.printOptions = '<printOptions gridLines="1" horizontalCentered="1"/>';
      s.children.pageMargins = '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>';
      s.children.pageSetup = '<pageSetup paperSize="9" scale="80" fitToHeight="0" orientation="landscape" r:id="rId31"/>';
      s.children.headerFooter =
        '<headerFooter><oddHeader>&amp;C&amp;"Arial,Bold"Action plan</oddHeader><oddFooter>Page &amp;P of &amp;N</oddFooter></headerFooter>';
      s.children.rowBreaks = '<rowBreaks count="1" manualBreakCount="1"><brk id="4" max="16383" man="1"/></rowBreaks>';
      s.children.colBreaks = '<colBreaks count="1" manualBreakCount="1"><brk id="3" max="1048575" man="1"/></colBreaks>';
      s.rels.push(['rId31', 'printerSettings', '../printerSettings/printerSettings1.bin']);
      d.parts['xl/printerSettings/printerSettings1.bin'] = bin(1200, 7);
      d.defaults.bin = 'application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings';
    },
  },
  {
    name: 'a protected sheet',
    make: (d) =>
      void (plan(d).children.sheetProtection =
        '<sheetProtection algorithmName="SHA-512" hashValue="x" saltValue="y" spinCount="100000" sheet="1" objects="1" scenarios="1"/>'),
    refused: 'SheetProtected',
  },
  {
    name: 'a workbook with its structure protected',
    make: (d) =>
      void (d.workbook.workbookProtection =
        '<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="x" workbookSaltValue="y" workbookSpinCount="100000" lockStructure="1"/>'),
    refused: 'SheetProtected',
  },
  {
    name: 'a workbook with only its windows locked',
    make: (d) => void (d.workbook.workbookProtection = '<workbookProtection lockWindows="1"/>'),
  },
  {
    name: 'an external link part and a formula using it',
    make: (d) => {
      plan(d).rows[0]?.push(null, null, null, null, null, null, { f: '[1]Budget!A1', v: 100 });
      d.workbook.externalReferences = '<externalReferences><externalReference r:id="rId41"/></externalReferences>';
      d.workbookRels.push(['rId41', 'externalLink', 'externalLinks/externalLink1.xml']);
      d.parts['xl/externalLinks/externalLink1.xml'] =
        `${HEAD}<externalLink xmlns="${NS.main}"><externalBook xmlns:r="${NS.r}" r:id="rId1"><sheetNames><sheetName val="Budget"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>100</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`;
      d.parts['xl/externalLinks/_rels/externalLink1.xml.rels'] =
        `${HEAD}<Relationships xmlns="${NS.pkg}"><Relationship Id="rId1" Type="${NS.rel}/externalLinkPath" Target="budget.xlsx" TargetMode="External"/></Relationships>`;
      d.overrides['xl/externalLinks/externalLink1.xml'] = 'application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml';
    },
  },
  {
    name: 'a query table with its connection',
    make: (d) => {
      const data = sheet(
        'Data',
        [
          ['Ref', 'Amount'],
          ['R1', 10],
          ['R2', 20],
        ],
        2,
      );
      data.children.tableParts = '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>';
      data.rels.push(['rId1', 'table', '../tables/table1.xml']);
      d.sheets.push(data);
      d.parts['xl/tables/table1.xml'] =
        `${HEAD}<table xmlns="${NS.main}" id="1" name="Query1" displayName="Query1" ref="A1:B3" tableType="queryTable" totalsRowShown="0" connectionId="1"><autoFilter ref="A1:B3"/><tableColumns count="2"><tableColumn id="1" uniqueName="1" name="Ref" queryTableFieldId="1"/><tableColumn id="2" uniqueName="2" name="Amount" queryTableFieldId="2"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
      d.parts['xl/tables/_rels/table1.xml.rels'] =
        `${HEAD}<Relationships xmlns="${NS.pkg}"><Relationship Id="rId1" Type="${NS.rel}/queryTable" Target="../queryTables/queryTable1.xml"/></Relationships>`;
      d.parts['xl/queryTables/queryTable1.xml'] =
        `${HEAD}<queryTable xmlns="${NS.main}" name="Query1" connectionId="1" autoFormatId="16" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="0"><queryTableRefresh nextId="3"><queryTableFields count="2"><queryTableField id="1" name="Ref" tableColumnId="1"/><queryTableField id="2" name="Amount" tableColumnId="2"/></queryTableFields></queryTableRefresh></queryTable>`;
      d.parts['xl/connections.xml'] =
        `${HEAD}<connections xmlns="${NS.main}"><connection id="1" keepAlive="1" name="Query - Budget" description="Connection to the Budget query" type="5" refreshedVersion="6" background="1" saveData="1"><dbPr connection="Provider=Microsoft.Mashup.OleDb.1;Data Source=$Workbook$;Location=Budget" command="SELECT * FROM [Budget]"/></connection></connections>`;
      d.workbookRels.push(['rId42', 'connections', 'connections.xml']);
      d.overrides['xl/tables/table1.xml'] = CT.table;
      d.overrides['xl/queryTables/queryTable1.xml'] = 'application/vnd.openxmlformats-officedocument.spreadsheetml.queryTable+xml';
      d.overrides['xl/connections.xml'] = 'application/vnd.openxmlformats-officedocument.spreadsheetml.connections+xml';
    },
  },
  {
    name: 'an Excel Table over the plan with a totals row',
    make: (d) => {
      const s = plan(d);
      s.rows.push(['Total', null, null, null, null, { f: 'SUBTOTAL(103,PlanTable[Progress])', v: 4 }]);
      s.children.tableParts = '<tableParts count="1"><tablePart r:id="rId51"/></tableParts>';
      s.rels.push(['rId51', 'table', '../tables/table1.xml']);
      d.parts['xl/tables/table1.xml'] =
        `${HEAD}<table xmlns="${NS.main}" id="1" name="PlanTable" displayName="PlanTable" ref="A2:F7" totalsRowCount="1"><autoFilter ref="A2:F6"/><tableColumns count="6"><tableColumn id="1" name="No" totalsRowLabel="Total"/><tableColumn id="2" name="Subject"/><tableColumn id="3" name="Lead"/><tableColumn id="4" name="Timescales"/><tableColumn id="5" name="Recommendation"/><tableColumn id="6" name="Progress" totalsRowFunction="count"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
      d.overrides['xl/tables/table1.xml'] = CT.table;
    },
  },
  {
    name: 'a form control (check box) with its properties',
    make: (d) => {
      legacyComments(d);
      const s = plan(d);
      s.rels.push(['rId61', 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/ctrlProp', '../ctrlProps/ctrlProp1.xml']);
      s.children.controls = `<mc:AlternateContent><mc:Choice Requires="x14"><controls><mc:AlternateContent><mc:Choice Requires="x14"><control shapeId="1026" r:id="rId61" name="Check Box 1"><controlPr defaultSize="0" autoFill="0" autoLine="0" autoPict="0"><anchor moveWithCells="1"><from><xdr:col xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing">8</xdr:col><xdr:colOff xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing">0</xdr:colOff><xdr:row xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing">2</xdr:row><xdr:rowOff xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing">0</xdr:rowOff></from><to><xdr:col xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing">10</xdr:col><xdr:colOff xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing">0</xdr:colOff><xdr:row xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing">3</xdr:row><xdr:rowOff xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing">0</xdr:rowOff></to></anchor></controlPr></control></mc:Choice></mc:AlternateContent></controls></mc:Choice></mc:AlternateContent>`;
      d.parts['xl/ctrlProps/ctrlProp1.xml'] =
        `${HEAD}<formControlPr xmlns="${NS.x14}" objectType="CheckBox" checked="Checked" lockText="1"/>`;
      d.overrides['xl/ctrlProps/ctrlProp1.xml'] = 'application/vnd.ms-excel.controlproperties+xml';
    },
  },
  {
    name: 'a chart sheet and a chart on the plan (drawing and chart part names taken)',
    make: (d) => {
      const s = plan(d);
      s.children.drawing = '<drawing r:id="rId71"/>';
      s.rels.push(['rId71', 'drawing', '../drawings/drawing1.xml']);
      drawingWith(d, 1, chartFrame('rId1'), [['rId1', 'chart', '../charts/chart1.xml']]);
      chartParts(d, 1, 'Plan');
      const cs = sheet('Chart1', [], 2);
      cs.part = 'xl/chartsheets/sheet1.xml';
      cs.chartsheet = `${HEAD}<chartsheet xmlns="${NS.main}" xmlns:r="${NS.r}"><sheetPr/><sheetViews><sheetView zoomToFit="1" workbookViewId="0"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>`;
      cs.rels.push(['rId1', 'drawing', '../drawings/drawing2.xml']);
      drawingWith(d, 2, chartFrame('rId1'), [['rId1', 'chart', '../charts/chart2.xml']]);
      chartParts(d, 2, 'Plan');
      d.sheets.push(cs);
    },
  },
  {
    name: 'an image on the plan',
    make: (d) => {
      const s = plan(d);
      s.children.drawing = '<drawing r:id="rId72"/>';
      s.rels.push(['rId72', 'drawing', '../drawings/drawing1.xml']);
      drawingWith(
        d,
        1,
        `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="Logo"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="${NS.r}" r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>`,
        [['rId1', 'image', '../media/image1.png']],
      );
      d.parts['xl/media/image1.png'] = bin(300, 3);
      d.defaults.png = 'image/png';
    },
  },
  {
    name: 'custom document properties with a sensitivity label',
    make: (d) => {
      const fmtid = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';
      const prop = (pid: number, name: string, value: string) =>
        `<property fmtid="${fmtid}" pid="${pid}" name="${name}"><vt:lpwstr>${value}</vt:lpwstr></property>`;
      d.parts['docProps/custom.xml'] =
        `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${prop(2, 'MSIP_Label_f42aa342-8706-4288-bd11-ebb85995028c_Enabled', 'true')}${prop(3, 'MSIP_Label_f42aa342-8706-4288-bd11-ebb85995028c_Name', 'OFFICIAL-SENSITIVE')}${prop(4, 'MSIP_Label_f42aa342-8706-4288-bd11-ebb85995028c_Method', 'Privileged')}</Properties>`;
      d.overrides['docProps/custom.xml'] = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
      d.packageRels.push(['rId4', 'custom-properties', 'docProps/custom.xml']);
    },
  },
  {
    name: 'a dynamic-array formula with metadata.xml',
    make: (d) => {
      const s = plan(d);
      ['R1', 'R2', 'R3', 'R4'].forEach((v, i) =>
        s.rows[2 + i]?.push(
          null,
          i === 0
            ? { raw: `<c r="@" cm="1" t="str"><f t="array" ref="H3:H6">_xlfn._xlws.SORT(A3:A6)</f><v>${v}</v></c>` }
            : { raw: `<c r="@" t="str"><v>${v}</v></c>` },
        ),
      );
      d.parts['xl/metadata.xml'] =
        `${HEAD}<metadata xmlns="${NS.main}" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`;
      d.overrides['xl/metadata.xml'] = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml';
      d.workbookRels.push(['rId43', 'sheetMetadata', 'metadata.xml']);
    },
    status: 'G',
  },
  {
    name: 'calculation settings (manual, iterative)',
    make: (d) =>
      void (d.workbook.calcPr =
        '<calcPr calcId="191029" calcMode="manual" iterate="1" iterateCount="50" iterateDelta="0.0001" fullPrecision="0"/>'),
  },
  {
    name: 'an .xlsm with a VBA project',
    make: (d) => {
      d.workbookType = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
      d.parts['xl/vbaProject.bin'] = bin(4096, 11);
      d.defaults.bin = 'application/vnd.ms-office.vbaProject';
      d.workbookRels.push(['rId44', 'http://schemas.microsoft.com/office/2006/relationships/vbaProject', 'vbaProject.bin']);
      d.workbook.workbookPr = '<workbookPr codeName="ThisWorkbook" defaultThemeVersion="164011"/>';
    },
  },
  {
    name: '1,500 sheets',
    make: (d) => {
      for (let i = 2; i <= 1500; i++) d.sheets.push(sheet(`Sheet ${i}`, [[`note ${i}`]], i));
    },
  },
  {
    name: 'sheet names with quotes and apostrophes',
    make: (d) => {
      plan(d).name = `O'Brien's "Q1" plan`;
      d.sheets.push(sheet(`It's "done"`, [['x']], 2));
    },
    sheet: `O'Brien's "Q1" plan`,
  },
  {
    name: 'a sheet part not named sheetN.xml',
    make: (d) => {
      plan(d).part = 'xl/worksheets/action_plan_data.xml';
      d.sheets.unshift(sheet('Cover', [['Quarterly report']], 1));
      (d.sheets[0] as { part: string }).part = 'xl/worksheets/cover.xml';
    },
  },
  {
    name: 'shared formulas right of the table',
    make: (d) => {
      const s = plan(d);
      s.rows[2]?.push(null, { raw: '<c r="@"><f t="shared" ref="H3:H6" si="0">LEN(F3)</f><v>49</v></c>' });
      for (let i = 3; i <= 5; i++) s.rows[i]?.push(null, { raw: '<c r="@"><f t="shared" si="0"/><v>30</v></c>' });
    },
    status: 'G',
  },
  {
    name: 'inline strings and rich text in the table',
    make: (d) => {
      const s = plan(d);
      const r2 = s.rows[3] as Cell[];
      r2[0] = { raw: '<c r="@" t="inlineStr"><is><t>R2</t></is></c>' };
      r2[1] = {
        raw: '<c r="@" t="inlineStr"><is><r><rPr><b/><sz val="11"/><rFont val="Arial"/></rPr><t>Staff appraisal</t></r><r><t xml:space="preserve">\nNonstatutory</t></r><rPh sb="0" eb="5"><t>スタッフ</t></rPh></is></c>',
      };
    },
  },
  {
    name: 'date cells and a date1904 workbook',
    make: (d) => {
      const s = plan(d);
      (s.rows[2] as Cell[])[3] = { raw: '<c r="@" s="1"><v>36067</v></c>' };
      (s.rows[3] as Cell[])[3] = { raw: '<c r="@" s="1"><v>35885</v></c>' };
      d.workbook.workbookPr = '<workbookPr date1904="1"/>';
    },
  },
  {
    name: 'error values, cached and from formulas',
    make: (d) => {
      const s = plan(d);
      (s.rows[3] as Cell[])[2] = { raw: '<c r="@" t="e"><v>#N/A</v></c>' };
      (s.rows[4] as Cell[])[3] = { raw: '<c r="@" t="e"><f>1/0</f><v>#DIV/0!</v></c>' };
    },
  },
  {
    name: '_xHHHH_ escapes and control characters in text',
    make: (d) => {
      const s = plan(d);
      (s.rows[2] as Cell[])[4] = 'Report_x000D_ monthly _x005F_x0041_ and a bell \u0007';
      (s.rows[3] as Cell[])[4] = { raw: '<c r="@" t="inlineStr"><is><t>Tab_x0009_here &amp; _x0001_</t></is></c>' };
    },
  },
  {
    name: 'a frozen pane and selection of the user',
    make: (d) =>
      void (plan(d).children.sheetViews =
        '<sheetViews><sheetView tabSelected="1" zoomScale="85" workbookViewId="0"><pane xSplit="1" ySplit="2" topLeftCell="B3" activePane="bottomRight" state="frozen"/><selection pane="topRight"/><selection pane="bottomLeft"/><selection pane="bottomRight" activeCell="C4" sqref="C4"/></sheetView></sheetViews>'),
  },
  {
    name: 'a sheet view without a pane (ours is added)',
    make: (d) =>
      void (plan(d).children.sheetViews =
        '<sheetViews><sheetView showGridLines="0" zoomScale="90" workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews>'),
  },
  {
    name: 'an autofilter and sort state of the user',
    make: (d) => {
      plan(d).children.autoFilter =
        '<autoFilter ref="A2:F6"><filterColumn colId="2"><filters><filter val="Head of HR"/></filters></filterColumn></autoFilter>';
      plan(d).children.sortState = '<sortState ref="A3:F6"><sortCondition ref="A3:A6"/></sortState>';
      d.workbook.definedNames =
        '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">Plan!$A$2:$F$6</definedName></definedNames>';
    },
  },
  {
    name: 'the Progress header merged into the next column',
    make: (d) => {
      plan(d).children.mergeCells = '<mergeCells count="2"><mergeCell ref="F2:G2"/><mergeCell ref="F3:G3"/></mergeCells>';
    },
    status: 'H',
  },
  {
    name: 'formulas showing "" (and one without a cached value) right of the table',
    make: (d) => {
      const s = plan(d);
      s.rows[2]?.push({ f: 'IF(F3="","",IF(LEN(F3)>500,"long",""))', v: '' });
      s.rows[3]?.push({ f: 'IF(F4="","","")', v: '' });
      s.rows[4]?.push({ raw: '<c r="@"><f>IF(1,"","")</f></c>' });
    },
    status: 'H',
  },
  {
    name: "our marker name pointing at a user's sheet",
    make: (d) => {
      d.sheets.push(sheet('Last quarter', [['Action plan summary'], ['kept by the user']], 2));
      d.workbook.definedNames = `<definedNames><definedName name="ActionPlanChecker.Summary" hidden="1">'Last quarter'!$A$1</definedName></definedNames>`;
    },
    summary: 'Action plan summary',
  },
  {
    name: 'a user sheet already named "Action plan summary"',
    make: (d) => void d.sheets.push(sheet('Action plan summary', [['my own notes']], 2)),
    summary: 'Action plan summary (2)',
  },
  {
    name: 'a column range with a style spanning the table',
    make: (d) =>
      void (plan(d).children.cols =
        '<cols><col min="1" max="10" width="12.5" style="2" customWidth="1"/><col min="12" max="12" width="3" hidden="1"/></cols>'),
  },
  {
    name: 'hidden rows and an outline',
    make: (d) => {
      plan(d).rowAttrs[4] = 'hidden="1" outlineLevel="1"';
      plan(d).children.sheetPr =
        '<sheetPr codeName="Sheet1"><tabColor rgb="FF00B050"/><outlinePr summaryBelow="0"/><pageSetUpPr fitToPage="1"/></sheetPr>';
      plan(d).children.sheetFormatPr = '<sheetFormatPr defaultRowHeight="15" outlineLevelRow="1" x14ac:dyDescent="0.25"/>';
    },
  },
  {
    name: 'a worksheet written with an x: namespace prefix',
    make: (d) => {
      d.post = (p) => {
        const xml = new TextDecoder().decode(p['xl/worksheets/sheet1.xml']);
        const prefixed = xml
          .replace(/<(\/?)(?![?]|x14ac:|mc:)([A-Za-z]+)([\s/>])/g, '<$1x:$2$3')
          .replace(`xmlns="${NS.main}"`, `xmlns:x="${NS.main}"`);
        p['xl/worksheets/sheet1.xml'] = new TextEncoder().encode(prefixed);
      };
    },
  },
  {
    name: 'a value in the last cell XFD1048576',
    make: (d) => void (plan(d).extraRowsXml = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'),
  },
  {
    name: 'a plan ending at the right edge of the sheet (column XFD)',
    make: (d) => {
      const s = plan(d);
      s.rows = s.rows.map((row) => [...(Array(16378).fill(null) as Cell[]), ...row]);
    },
    status: null,
  },
  {
    name: 'ignored errors, protected ranges and custom sheet views',
    make: (d) => {
      plan(d).children.ignoredErrors = '<ignoredErrors><ignoredError sqref="A3:A6" numberStoredAsText="1"/></ignoredErrors>';
      plan(d).children.protectedRanges = '<protectedRanges><protectedRange sqref="F3:F6" name="Progress"/></protectedRanges>';
      plan(d).children.customSheetViews =
        '<customSheetViews><customSheetView guid="{33333333-3333-3333-3333-333333333333}" scale="80"><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></customSheetView></customSheetViews>';
    },
  },
  {
    name: 'a minimal package without styles or shared strings (as some tools write)',
    make: (d) => {
      d.post = (p) => {
        const dec = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
        const strings = [...dec(p['xl/sharedStrings.xml']).matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g)].map((m) => m[1] ?? '');
        const sheet = dec(p['xl/worksheets/sheet1.xml']).replace(
          / t="s"><v>(\d+)<\/v>/g,
          (_m, i: string) => ` t="inlineStr"><is><t xml:space="preserve">${strings[Number(i)] ?? ''}</t></is>`,
        );
        p['xl/worksheets/sheet1.xml'] = new TextEncoder().encode(sheet);
        for (const gone of ['xl/styles.xml', 'xl/sharedStrings.xml', 'xl/theme/theme1.xml', 'docProps/app.xml', 'docProps/core.xml'])
          delete p[gone];
        const drop = (name: string, re: RegExp) => (p[name] = new TextEncoder().encode(dec(p[name]).replace(re, '')));
        drop('xl/_rels/workbook.xml.rels', /<Relationship Id="rId\d+" Type="[^"]*\/(styles|sharedStrings|theme)" Target="[^"]*"\/>/g);
        drop(
          '[Content_Types].xml',
          /<Override PartName="\/(xl\/styles|xl\/sharedStrings|xl\/theme\/theme1|docProps\/app|docProps\/core)\.xml" ContentType="[^"]*"\/>/g,
        );
        drop('_rels/.rels', /<Relationship Id="rId[23]" [^>]*\/>/g);
      };
    },
    status: 'G',
  },
  {
    name: 'comments, validations and hyperlinks together, with a hidden second sheet',
    make: (d) => {
      legacyComments(d);
      plan(d).children.dataValidations = DV_LIST;
      plan(d).children.hyperlinks = '<hyperlinks><hyperlink ref="A3" location="Hidden!A1" display="see"/></hyperlinks>';
      const hidden = sheet('Hidden', [['secret']], 2);
      hidden.state = 'hidden';
      d.sheets.push(hidden);
    },
  },
];

/** Builds one case's workbook. */
export function build(c: LosslessCase): Draft {
  const d = draft();
  c.make(d);
  return d;
}
