import PDFDocument from 'pdfkit';
import { type ReportFont, reportFonts } from './report-fonts';
import type { Locale } from '@samspill/contracts';
import { LANGUAGE_TAGS } from '../../i18n/locale';

type Struct = PDFKit.PDFStructureElement;

const INK = '#1e2b3c';
const MUTED = '#46505a';
const RULE = '#9aa5b1';

/** Marks content as a structure element of `type` under `parent`, drawn by `draw` now (the tree is attached). */
/** Structure options as pdfkit 0.20 takes them (its type declarations lack the layout attributes). */
type StructOptions = PDFKit.Mixins.StructureElementOptions & { bbox?: [number, number, number, number]; placement?: 'Block' | 'Inline' };

function tag(doc: PDFKit.PDFDocument, parent: Struct, type: string, draw: () => void, options: StructOptions = {}) {
  const element = doc.struct(type, options as PDFKit.Mixins.StructureElementOptions, [draw]);
  parent.add(element);
  element.end();
}

/**
 * A PDF/UA document: tagged (every piece of content is in the structure tree
 * or marked as an artifact), in reading order, with its language, title and
 * embedded fonts. Headings, paragraphs, lists, tables and figures with
 * alternative text are the only building blocks, so no content goes untagged.
 */
export class TaggedDocument {
  readonly doc: PDFKit.PDFDocument;
  readonly root: Struct;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(options: { title: string; subject: string; lang: Locale }) {
    const fonts = reportFonts();
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: 56, bottom: 64, left: 56, right: 56 },
      // PDF/UA: tagged, with the title shown instead of the file name, and the document's language.
      pdfVersion: '1.7',
      // pdfkit 0.20 knows PDF/UA; its type declarations (0.17) do not yet.
      subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
      tagged: true,
      displayTitle: true,
      lang: LANGUAGE_TAGS[options.lang],
      font: fonts.regular,
      bufferPages: true,
      info: { Title: options.title, Subject: options.subject, Author: 'Samspill', Creator: 'Samspill' },
    });
    for (const [name, file] of Object.entries(fonts)) this.doc.registerFont(name, file);
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
  }

  get contentWidth(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  /** Starts a new page when less than `height` points are left on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
    this.doc.x = this.left;
  }

  section(parent: Struct, fill: (section: Struct) => void): void {
    const section = this.doc.struct('Sect');
    parent.add(section);
    fill(section);
    section.end();
  }

  heading(parent: Struct, level: 1 | 2 | 3, text: string): void {
    const size = { 1: 22, 2: 15, 3: 12 }[level];
    // A heading keeps some of what it heads on its page.
    this.ensureSpace(size * 3 + 120);
    if (this.doc.y > this.doc.page.margins.top + 1) this.doc.moveDown({ 1: 1.2, 2: 0.9, 3: 0.5 }[level]);
    tag(this.doc, parent, `H${level}`, () => {
      this.font('bold', size, INK).text(text, this.left, this.doc.y, { width: this.contentWidth });
    });
    this.doc.moveDown(0.3);
  }

  paragraph(parent: Struct, text: string, style: { font?: ReportFont; size?: number; color?: string } = {}): void {
    this.ensureSpace(30);
    tag(this.doc, parent, 'P', () => {
      this.font(style.font ?? 'regular', style.size ?? 10.5, style.color ?? INK).text(text, this.left, this.doc.y, {
        width: this.contentWidth,
      });
    });
    this.doc.moveDown(0.35);
  }

  list(parent: Struct, items: string[]): void {
    const list = this.doc.struct('L');
    parent.add(list);
    for (const item of items) {
      this.ensureSpace(24);
      const y = this.doc.y;
      const entry = this.doc.struct('LI');
      list.add(entry);
      tag(this.doc, entry, 'Lbl', () => {
        this.font('regular', 10.5, INK).text('•', this.left + 4, y, { lineBreak: false });
      });
      tag(this.doc, entry, 'LBody', () => {
        this.font('regular', 10.5, INK).text(item, this.left + 18, y, { width: this.contentWidth - 18 });
      });
      entry.end();
      this.doc.moveDown(0.2);
    }
    list.end();
    this.doc.x = this.left;
    this.doc.moveDown(0.3);
  }

  /**
   * A table with a header row (and, with `rowHeaders`, a header cell at the
   * start of each row), tagged Table/TR/TH/TD with the headers' scope.
   */
  table(parent: Struct, header: string[], rows: string[][], options: { rowHeaders?: boolean; widths?: (number | '*')[] } = {}): void {
    this.ensureSpace(60);
    this.doc.x = this.left;
    this.font('regular', 9.5, INK);
    const th = (text: string, scope: 'column' | 'row') => ({ text, type: 'TH' as const, scope, font: { src: 'bold' } });
    const data = [
      header.map((h) => th(h, 'column')),
      ...rows.map((row) => row.map((cell, i) => (i === 0 && options.rowHeaders ? th(cell, 'row') : { text: cell }))),
    ];
    this.doc.table({
      data,
      structParent: parent,
      position: { x: this.left },
      maxWidth: this.contentWidth,
      columnStyles: options.widths,
      defaultStyle: { padding: [3, 5], border: 0.5, borderColor: RULE },
    } as PDFKit.Mixins.TableOptionsWithData & { structParent: Struct });
    this.doc.x = this.left;
    this.doc.moveDown(0.8);
  }

  /**
   * A figure drawn with vector graphics, tagged Figure with its alternative
   * text and bounding box. Text drawn inside belongs to the figure.
   */
  figure(
    parent: Struct,
    alt: string,
    height: number,
    draw: (frame: { x: number; y: number; width: number; height: number }) => void,
  ): void {
    this.ensureSpace(height + 12);
    const frame = { x: this.left, y: this.doc.y, width: this.contentWidth, height };
    tag(
      this.doc,
      parent,
      'Figure',
      () => {
        this.doc.save();
        draw(frame);
        this.doc.restore();
      },
      { alt, bbox: [frame.x, frame.y, frame.x + frame.width, frame.y + frame.height], placement: 'Block' },
    );
    this.doc.x = this.left;
    this.doc.y = frame.y + height + 8;
  }

  font(font: ReportFont, size: number, color = INK): PDFKit.PDFDocument {
    return this.doc.font(font).fontSize(size).fillColor(color);
  }

  /** Page numbers and the date on every page, marked as pagination artifacts (not content). */
  finish(footer: (page: number, pages: number) => string): Promise<Buffer> {
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      const bottom = this.doc.page.margins.bottom;
      // Writing below the bottom margin would otherwise start a new page.
      this.doc.page.margins.bottom = 0;
      this.doc.markContent('Artifact', { type: 'Pagination' });
      this.font('regular', 8.5, MUTED).text(footer(i - start + 1, count), this.left, this.doc.page.height - 40, {
        width: this.contentWidth,
        align: 'center',
        lineBreak: false,
      });
      this.doc.endMarkedContent();
      this.doc.page.margins.bottom = bottom;
    }
    this.root.end();
    this.doc.end();
    return this.done;
  }
}

export const COLORS = { ink: INK, muted: MUTED, rule: RULE, bar: '#1f5f8b', realised: '#2e7d32', signal: '#b3261e', median: '#6b4fa0' };
