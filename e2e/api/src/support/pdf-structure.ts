import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObject,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
} from 'pdf-lib';

/** A structure element as read back from the file. */
export interface StructNode {
  type: string;
  alt: string | null;
  /** Attributes (/A) by key, for table headers' /Scope and figures' /BBox. */
  attributes: Record<string, string>;
  children: StructNode[];
  /** Marked-content ids and references directly below the element. */
  contentItems: number;
}

/**
 * Reads back what a PDF/UA checker looks at first: the catalog's MarkInfo,
 * Lang, ViewerPreferences and metadata, the structure tree with alternative
 * texts, the fonts, and whether every piece of page content is tagged or an
 * artifact. (veraPDF checks far more; see the report's test for what is not.)
 */
export class PdfStructure {
  private constructor(readonly pdf: PDFDocument) {}

  static async load(bytes: Uint8Array): Promise<PdfStructure> {
    return new PdfStructure(await PDFDocument.load(bytes, { updateMetadata: false }));
  }

  private lookup(value: PDFObject | undefined): PDFObject | undefined {
    return value instanceof PDFRef ? this.pdf.context.lookup(value) : value;
  }

  private dict(value: PDFObject | undefined): PDFDict | undefined {
    const found = this.lookup(value);
    return found instanceof PDFDict ? found : undefined;
  }

  private text(value: PDFObject | undefined): string | null {
    const found = this.lookup(value);
    return found instanceof PDFString || found instanceof PDFHexString ? found.decodeText() : null;
  }

  get catalog(): PDFDict {
    return this.pdf.catalog;
  }

  catalogName(key: string): string | null {
    const value = this.lookup(this.catalog.get(PDFName.of(key)));
    return value ? value.toString() : null;
  }

  get lang(): string | null {
    return this.text(this.catalog.get(PDFName.of('Lang')));
  }

  get marked(): boolean {
    return (
      this.dict(this.catalog.get(PDFName.of('MarkInfo')))
        ?.get(PDFName.of('Marked'))
        ?.toString() === 'true'
    );
  }

  get displaysTitle(): boolean {
    return (
      this.dict(this.catalog.get(PDFName.of('ViewerPreferences')))
        ?.get(PDFName.of('DisplayDocTitle'))
        ?.toString() === 'true'
    );
  }

  get title(): string | null {
    const info = this.dict(this.pdf.context.trailerInfo.Info);
    return this.text(info?.get(PDFName.of('Title')));
  }

  /** The XMP metadata as text (PDF/UA identifies itself there). */
  get metadata(): string {
    const stream = this.lookup(this.catalog.get(PDFName.of('Metadata')));
    if (!(stream instanceof PDFRawStream)) return '';
    return Buffer.from(decodePDFRawStream(stream).decode()).toString('utf8');
  }

  /** From the header line, `%PDF-1.7`. */
  get version(): string {
    return this.pdf.context.header.toString().match(/%PDF-(\d+\.\d+)/)?.[1] ?? '';
  }

  /** The structure tree below StructTreeRoot, or null when the file has none. */
  structureTree(): StructNode[] | null {
    const root = this.dict(this.catalog.get(PDFName.of('StructTreeRoot')));
    if (!root) return null;
    return this.childrenOf(root.get(PDFName.of('K')));
  }

  private childrenOf(k: PDFObject | undefined): StructNode[] {
    const value = this.lookup(k);
    const items = value instanceof PDFArray ? value.asArray() : value ? [value] : [];
    return items.flatMap((item) => {
      const element = this.dict(item);
      if (!element || !element.get(PDFName.of('S'))) return [];
      return [this.node(element)];
    });
  }

  private node(element: PDFDict): StructNode {
    const k = this.lookup(element.get(PDFName.of('K')));
    const items = k instanceof PDFArray ? k.asArray() : k ? [k] : [];
    const attributes: Record<string, string> = {};
    const a = this.dict(element.get(PDFName.of('A')));
    for (const [key, value] of a?.entries() ?? []) attributes[key.decodeText()] = (this.lookup(value) ?? value).toString();
    return {
      type: (element.get(PDFName.of('S')) as PDFName).decodeText(),
      alt: this.text(element.get(PDFName.of('Alt'))),
      attributes,
      children: this.childrenOf(k),
      contentItems: items.filter((i) => i instanceof PDFNumber || this.dict(i)?.get(PDFName.of('Type'))?.toString() === '/MCR').length,
    };
  }

  /** Every font on every page, with whether its program is embedded and whether it maps glyphs back to Unicode. */
  fonts(): { name: string; subtype: string; embedded: boolean; toUnicode: boolean }[] {
    const seen = new Map<string, { name: string; subtype: string; embedded: boolean; toUnicode: boolean }>();
    for (const page of this.pdf.getPages()) {
      const fonts = this.dict(this.dict(page.node.get(PDFName.of('Resources')))?.get(PDFName.of('Font')));
      for (const [, ref] of fonts?.entries() ?? []) {
        const font = this.dict(ref);
        if (!font) continue;
        const descendant = this.dict((this.lookup(font.get(PDFName.of('DescendantFonts'))) as PDFArray | undefined)?.get(0));
        const descriptor = this.dict((descendant ?? font).get(PDFName.of('FontDescriptor')));
        const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor?.get(PDFName.of(key)) !== undefined);
        const name = font.get(PDFName.of('BaseFont'))?.toString() ?? '?';
        seen.set(name, {
          name,
          subtype: font.get(PDFName.of('Subtype'))?.toString() ?? '?',
          embedded,
          toUnicode: font.get(PDFName.of('ToUnicode')) !== undefined,
        });
      }
    }
    return [...seen.values()];
  }

  get pageCount(): number {
    return this.pdf.getPageCount();
  }

  /** The decoded content of each page. */
  pageContents(): string[] {
    return this.pdf.getPages().map((page) => {
      const contents = this.lookup(page.node.get(PDFName.of('Contents')));
      const streams = contents instanceof PDFArray ? contents.asArray().map((c) => this.lookup(c)) : [contents];
      return streams
        .map((s) =>
          s instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(s).decode()).toString('latin1') : s instanceof PDFStream ? '' : '',
        )
        .join('\n');
    });
  }

  /**
   * The words painted on each page, read back through each font's ToUnicode map (the report embeds subsets of
   * DejaVu, so the text is glyph ids until mapped). Pieces of one text object are joined, objects by a newline.
   */
  pageTexts(): string[] {
    return this.pdf.getPages().map((page, index) => {
      const resources = this.dict(page.node.get(PDFName.of('Resources')));
      const fonts = this.dict(resources?.get(PDFName.of('Font')));
      const maps = new Map<string, Map<string, string>>();
      for (const [name, ref] of fonts?.entries() ?? []) {
        const toUnicode = this.lookup(this.dict(ref)?.get(PDFName.of('ToUnicode')));
        if (toUnicode instanceof PDFRawStream)
          maps.set(name.toString(), unicodeMap(Buffer.from(decodePDFRawStream(toUnicode).decode()).toString('latin1')));
      }
      const content = this.pageContents()[index] ?? '';
      const tokens = content.match(/\[[^\]]*\]|<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\)|\/[^\s/[\]<>()]+|[^\s/[\]<>()]+/gs) ?? [];
      let font = new Map<string, string>();
      const lines: string[] = [];
      let line = '';
      let previous: string[] = [];
      const saved: Map<string, string>[] = [];
      for (const token of tokens) {
        // The font is part of the graphics state, which q and Q save and restore.
        if (token === 'q') saved.push(font);
        else if (token === 'Q') font = saved.pop() ?? font;
        else if (token === 'Tf') font = maps.get(previous.at(-2) ?? '') ?? new Map();
        else if (token === 'TJ' || token === 'Tj') {
          const operand = previous.at(-1) ?? '';
          for (const hex of operand.match(/<([0-9a-fA-F\s]*)>/g) ?? []) line += decodeHex(hex.slice(1, -1).replace(/\s/g, ''), font);
        } else if (token === 'ET') {
          lines.push(line);
          line = '';
        }
        previous = [...previous.slice(-3), token];
      }
      return lines.filter((l) => l.trim() !== '').join('\n');
    });
  }

  /**
   * Walks each page's content operators and reports any that draw (text,
   * paths, images) outside marked content, and how the marked content is
   * tagged: with an MCID (structure) or as an artifact (and of which type).
   */
  contentTagging(): { untagged: string[]; mcids: number; artifacts: Record<string, number> } {
    const PAINT = new Set(['Tj', 'TJ', "'", '"', 'f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*', 'Do', 'sh']);
    const untagged: string[] = [];
    const artifacts: Record<string, number> = {};
    let mcids = 0;
    this.pageContents().forEach((content, page) => {
      const tokens = content.match(/<<.*?>>|<[0-9a-fA-F\s]*>|\[[^\]]*\]|\((?:\\.|[^\\)])*\)|\/[^\s/[\]<>()]+|[^\s/[\]<>()]+/gs) ?? [];
      let depth = 0;
      let previous: string[] = [];
      for (const token of tokens) {
        if (token === 'BDC' || token === 'BMC') {
          depth++;
          const [tagName, properties = ''] = previous.slice(-2);
          const tagged = token === 'BDC' ? tagName : previous.at(-1);
          if (tagged === '/Artifact') {
            const type = /\/Type\s*\/(\w+)/.exec(properties)?.[1] ?? 'none';
            artifacts[type] = (artifacts[type] ?? 0) + 1;
          } else if (/\/MCID\s+\d+/.test(properties)) {
            mcids++;
          }
        } else if (token === 'EMC') {
          depth--;
        } else if (PAINT.has(token) && depth <= 0) {
          untagged.push(`page ${page + 1}: ${token}`);
        }
        previous = [...previous.slice(-3), token];
      }
    });
    return { untagged, mcids, artifacts };
  }
}

/** Every node of a tree, depth first (reading order). */
export function allNodes(nodes: StructNode[]): StructNode[] {
  return nodes.flatMap((n) => [n, ...allNodes(n.children)]);
}

/** A ToUnicode CMap's codes (as hex, upper case) and the text each stands for. */
function unicodeMap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
  for (const block of cmap.match(/beginbfchar([\s\S]*?)endbfchar/g) ?? []) {
    for (const [, code = '', text = ''] of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g))
      map.set(code.toUpperCase(), utf16(text.replace(/\s/g, '')));
  }
  for (const block of cmap.match(/beginbfrange([\s\S]*?)endbfrange/g) ?? []) {
    for (const [, lo = '', hi = '', target = ''] of block.matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]+>)/g,
    )) {
      const from = parseInt(lo, 16);
      const to = parseInt(hi, 16);
      const list = target.startsWith('[') ? [...target.matchAll(/<([0-9a-fA-F\s]+)>/g)].map((m) => (m[1] ?? '').replace(/\s/g, '')) : null;
      for (let code = from; code <= to; code++) {
        const key = code.toString(16).toUpperCase().padStart(lo.length, '0');
        if (list) map.set(key, utf16(list[code - from] ?? ''));
        else {
          const base = Buffer.from(target.slice(1, -1).replace(/\s/g, ''), 'hex');
          base.writeUInt16BE(base.readUInt16BE(base.length - 2) + (code - from), base.length - 2);
          map.set(key, base.swap16().toString('utf16le'));
        }
      }
    }
  }
  return map;
}

function decodeHex(hex: string, font: Map<string, string>): string {
  const width = font.size > 0 ? ([...font.keys()][0]?.length ?? 4) : 4;
  let text = '';
  for (let i = 0; i < hex.length; i += width) text += font.get(hex.slice(i, i + width).toUpperCase()) ?? '';
  return text;
}
