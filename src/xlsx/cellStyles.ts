import type { FormatPlan } from '../core/plans/formatPlan';
import { childrenExcept, itemAttr, openTag, type StyleBook } from './styles';
import { attr, elementEnd, nextTag, setAttr } from './xml';

/** "#1F4E79" as an ARGB attribute value. */
export const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

const FONT_ORDER = [
  'b',
  'i',
  'strike',
  'condense',
  'extend',
  'outline',
  'shadow',
  'u',
  'vertAlign',
  'sz',
  'color',
  'name',
  'family',
  'charset',
  'scheme',
];

/** A font item with bold and a colour set, everything else (name, size, family) kept. */
export function boldColouredFont(book: StyleBook, font: string, colour: string): string {
  const kids: { local: string; xml: string }[] = [];
  const open = nextTag(font, 0);
  if (open && !open.empty) {
    for (let t = nextTag(font, open.end); t && !t.close;) {
      const end = elementEnd(font, t);
      if (t.local !== 'b' && t.local !== 'color') kids.push({ local: t.local, xml: font.slice(t.start, end) });
      t = nextTag(font, end);
    }
  }
  kids.push({ local: 'b', xml: `<${book.el('b')}/>` }, { local: 'color', xml: `<${book.el('color')} rgb="${argb(colour)}"/>` });
  const rank = (l: string) => (FONT_ORDER.includes(l) ? FONT_ORDER.indexOf(l) : FONT_ORDER.length);
  kids.sort((a, b) => rank(a.local) - rank(b.local));
  return `${openTag(font)}${kids.map((k) => k.xml).join('')}</${book.el('font')}>`;
}

/** A cell format derived from another: new attributes, alignment attributes merged, protection kept. */
function deriveXf(book: StyleBook, xf: string, set: Record<string, string>, alignment: Record<string, string>): string {
  let open = openTag(xf);
  for (const [k, v] of Object.entries(set)) open = setAttr(open, k, v);
  const oldAlign = /<(?:\w+:)?alignment\b[^>]*>/.exec(xf)?.[0] ?? `<${book.el('alignment')}/>`;
  let align = oldAlign.replace(/\s*\/?>$/, '/>');
  for (const [k, v] of Object.entries(alignment)) align = setAttr(align, k, v);
  const rest = childrenExcept(xf, ['alignment']);
  return `${open}${align}${rest}</${book.el('xf')}>`;
}

/** Maps a cell's style index to the table's body and header styles, appending each derived style once. */
export class TableStyles {
  private readonly body = new Map<number, number>();
  private readonly header = new Map<number, number>();
  private readonly borderId: number;
  private readonly fillId: number;

  constructor(
    private readonly book: StyleBook,
    private readonly plan: FormatPlan,
  ) {
    const edge = (side: string) =>
      `<${book.el(side)} style="thin"><${book.el('color')} rgb="${argb(plan.borderColor)}"/></${book.el(side)}>`;
    this.borderId = book.add(
      'borders',
      `<${book.el('border')}>${edge('left')}${edge('right')}${edge('top')}${edge('bottom')}<${book.el('diagonal')}/></${book.el('border')}>`,
    );
    this.fillId = book.add(
      'fills',
      `<${book.el('fill')}><${book.el('patternFill')} patternType="solid"><${book.el('fgColor')} rgb="${argb(plan.header.fill)}"/><${book.el('bgColor')} indexed="64"/></${book.el('patternFill')}></${book.el('fill')}>`,
    );
  }

  /** The style index for a body cell that had style `s` (`s` itself when no cell format can be added). */
  bodyStyle(s: number): number {
    let out = this.body.get(s);
    if (out === undefined) {
      const xf = this.book.get('cellXfs', s);
      const added = this.book.add(
        'cellXfs',
        deriveXf(
          this.book,
          xf,
          { borderId: String(this.borderId), applyBorder: '1', applyAlignment: '1' },
          { vertical: 'top', wrapText: '1' },
        ),
      );
      out = added < 0 ? s : added;
      this.body.set(s, out);
    }
    return out;
  }

  /** The style index for a header cell that had style `s` (`s` itself when no cell format can be added). */
  headerStyle(s: number): number {
    let out = this.header.get(s);
    if (out === undefined && this.book.full) out = s;
    if (out === undefined) {
      const xf = this.book.get('cellXfs', this.bodyStyle(s));
      const fontId = this.book.add(
        'fonts',
        boldColouredFont(this.book, this.book.get('fonts', Number(itemAttr(xf, 'fontId') ?? 0)), this.plan.header.fontColor),
      );
      const added = this.book.add(
        'cellXfs',
        deriveXf(this.book, xf, { fontId: String(fontId), fillId: String(this.fillId), applyFont: '1', applyFill: '1' }, {}),
      );
      out = added < 0 ? s : added;
      this.header.set(s, out);
    }
    return out;
  }
}

/** A differential format for one of our conditional-format rules. */
export function ruleDxf(book: StyleBook, rule: { fill: string; fontColor: string; bold: boolean }): number {
  const e = (l: string) => book.el(l);
  return book.add(
    'dxfs',
    `<${e('dxf')}><${e('font')}>${rule.bold ? `<${e('b')}/>` : ''}<${e('color')} rgb="${argb(rule.fontColor)}"/></${e('font')}><${e('fill')}><${e('patternFill')}><${e('bgColor')} rgb="${argb(rule.fill)}"/></${e('patternFill')}></${e('fill')}></${e('dxf')}>`,
  );
}

/** Looks of the summary sheet's cells, as style indexes appended to the book. */
export type SummaryLook = 'title' | 'subtitle' | 'headline' | 'heading' | 'tableHeader' | 'label' | 'body' | 'line' | 'note' | 'plain';

const FONTS: Record<SummaryLook, string> = {
  title: '<b/><sz val="16"/><color rgb="FF1F4E79"/>',
  subtitle: '<i/><sz val="11"/>',
  headline: '<b/><sz val="12"/><color rgb="FF1A1A1A"/>',
  heading: '<b/><sz val="12"/><color rgb="FF1F4E79"/>',
  tableHeader: '<b/><sz val="11"/><color rgb="FFFFFFFF"/>',
  label: '<sz val="11"/><color rgb="FF333333"/>',
  body: '<sz val="11"/>',
  line: '<sz val="11"/>',
  note: '<i/><sz val="11"/>',
  plain: '<sz val="11"/>',
};

/** How one summary cell looks beyond its run: right-aligned (a figure or its header), or a key swatch's colours. */
export interface SummaryCellLook {
  readonly right?: boolean;
  readonly swatch?: { readonly fill: string; readonly font: string };
}

const solidFill = (book: StyleBook, hex: string) =>
  book.add(
    'fills',
    `<${book.el('fill')}><${book.el('patternFill')} patternType="solid"><${book.el('fgColor')} rgb="${argb(hex)}"/><${book.el('bgColor')} indexed="64"/></${book.el('patternFill')}></${book.el('fill')}>`,
  );

/** The style index for a summary cell's look, number format, quote prefix, alignment and key colours. */
export function summaryStyle(book: StyleBook, look: SummaryLook, numFmtId: number, quote: boolean, extra: SummaryCellLook = {}): number {
  const e = (l: string) => book.el(l);
  let fontXml = FONTS[look];
  if (extra.swatch) fontXml = fontXml.replace(/<color [^>]*\/>/, '') + `<color rgb="${argb(extra.swatch.font)}"/>`;
  fontXml = fontXml.replace(/<(\/?)(\w)/g, `<$1${book.el('')}$2`);
  const fontId = book.add('fonts', `<${e('font')}>${fontXml}<${e('name')} val="Calibri"/><${e('family')} val="2"/></${e('font')}>`);
  const fillId = extra.swatch ? solidFill(book, extra.swatch.fill) : look === 'tableHeader' ? solidFill(book, '#1F4E79') : 0;
  const alignAttrs = [
    // A label block's date (the position date) lines up with the text values beside it instead of sitting right.
    ...(extra.right ? ['horizontal="right"'] : look === 'label' ? ['horizontal="left"'] : []),
    ...(look === 'body' || look === 'line' || look === 'tableHeader' ? ['vertical="top"'] : []),
    ...(look === 'body' || look === 'tableHeader' ? ['wrapText="1"'] : []),
  ];
  const align = alignAttrs.length > 0 ? `<${e('alignment')} ${alignAttrs.join(' ')}/>` : '';
  const attrs =
    `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0" applyFont="1"` +
    `${fillId ? ' applyFill="1"' : ''}${numFmtId ? ' applyNumberFormat="1"' : ''}${align ? ' applyAlignment="1"' : ''}${quote ? ' quotePrefix="1"' : ''}`;
  const added = book.add('cellXfs', align ? `<${e('xf')} ${attrs}>${align}</${e('xf')}>` : `<${e('xf')} ${attrs}/>`);
  return Math.max(0, added); // the default format when no cell format can be added
}

/** The style index a cell tag carries (0 when none). */
export function styleOf(tagText: string): number {
  return Number(attr(tagText, 's') ?? 0);
}
