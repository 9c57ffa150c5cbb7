// @ts-check
/**
 * One Excel workbook of one sheet, written row by row straight into its file: the few XML parts
 * an .xlsx needs (those exceljs wrote for Podium before, with the same cell types and number
 * formats, without its theme), zipped as they are written. The sheet's rows are deflated as they come, so a table never sits in memory
 * whole, and its zip entry's sizes and checksum are filled in when the sheet is closed.
 *
 * Every date in the file is fixed (the document's dates 2000-01-01, the zip's 1980-01-01, the
 * earliest it can say), so the same rows give the same bytes.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/**
 * The cell styles (cellXfs), by index: the workbook's styles.xml lists them in this order. The
 * title is bold and larger, the header bold. Number format 1 is "0"; 49 is Text ("@"), under
 * which a text cell shows what it holds and an edit of it stays text, never a formula.
 */
const STYLE = { integer: 1, title: 2, header: 3, text: 4 };

const STYLES_XML = `${XML_HEAD}<styleSheet xmlns="${MAIN}"><fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="13"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

const CONTENT_TYPES_XML = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;

const PACKAGE_RELS_XML = `${XML_HEAD}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="${PACKAGE_RELATIONSHIPS}/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${RELATIONSHIPS}/extended-properties" Target="docProps/app.xml"/></Relationships>`;

const CORE_XML = `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Podium</dc:creator><cp:lastModifiedBy>Podium</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>`;

const APP_XML = `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Podium</Application></Properties>`;

const WORKBOOK_RELS_XML = `${XML_HEAD}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/></Relationships>`;

/** @param {string} sheet */
const workbookXml = (sheet) =>
  `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><bookViews><workbookView/></bookViews><sheets><sheet name="${escapeXml(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>`;

/**
 * The sheet up to its first row: the two top rows (the title and the header) frozen, and each
 * column's width and, for a column of whole numbers, the "0" format, which its empty cells keep.
 * @param {string[]} columns @param {boolean[]} integers
 */
const sheetStart = (columns, integers) =>
  `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>${columns
    .map((column, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.max(10, column.length + 2)}"${integers[i] ? ` style="${STYLE.integer}"` : ''} customWidth="1"/>`)
    .join('')}</cols><sheetData>`;

const SHEET_END = '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

/**
 * What XML text cannot hold as it is: markup characters, characters XML cannot hold at all
 * (control characters), the carriage return (which XML readers turn into a line feed), and an
 * underscore that begins what reads as Excel's escape _xHHHH_.
 */
const UNSAFE_IN_XML = /[\x00-\x08\x0B-\x1F\x7F\uFFFE\uFFFF&<>"]|_(?=x[0-9A-Fa-f]{4}_)/g;
/** @type {Record<string, string>} */
const MARKUP = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Text as XML character data. Markup is escaped as entities; the other unsafe characters are
 * written as Excel's own escape, _xHHHH_, which Excel reads back as the character, and an
 * underscore that would begin such an escape as _x005F_, so that the text reads back as written.
 * @param {string} text
 */
function escapeXml(text) {
  return text.replace(UNSAFE_IN_XML, (c) => MARKUP[c] ?? `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** Column letters: 0 → A, 25 → Z, 26 → AA. @param {number} index */
function columnName(index) {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * A text cell: a string value (t="str", a value, never a formula) in the given style.
 * @param {string} ref @param {string} text @param {number} style
 */
const textCell = (ref, text, style) => `<c r="${ref}" s="${style}" t="str"><v>${escapeXml(text)}</v></c>`;

/**
 * @param {string[]} names the columns' letters
 * @param {boolean[]} integers
 * @param {number} rowNumber
 * @param {(string | number | boolean | null)[]} values
 */
function rowXml(names, integers, rowNumber, values) {
  let cells = '';
  values.forEach((value, i) => {
    const ref = `${names[i]}${rowNumber}`;
    if (value === null || value === undefined) return;
    if (typeof value === 'boolean') cells += `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
    else if (typeof value === 'number' && Number.isFinite(value)) cells += `<c r="${ref}"${integers[i] ? ` s="${STYLE.integer}"` : ''}><v>${value}</v></c>`;
    else cells += textCell(ref, String(value), STYLE.text);
  });
  return `<row r="${rowNumber}">${cells}</row>`;
}

/** 1980-01-01 00:00 in MS-DOS date and time: the zip entries' date. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
const DEFLATE = 8;
const ZIP_VERSION = 20;
/**
 * Sizes and offsets must fit the zip's 32 bits: there is no ZIP64, which a sheet of Podium's
 * tables never needs (at Excel's row limit it would take some 4 KB of XML a row).
 */
const ZIP_LIMIT = 2 ** 32;

/**
 * @typedef {{ name: Buffer, offset: number, crc: number, compressed: number, size: number }} ZipEntry
 */

/**
 * What the local header (at byte 4) and the central directory's header (at byte 6) both say of an
 * entry, in the same order: the version needed, no flags, deflate, the fixed date, its checksum,
 * its sizes and its name's length.
 * @param {Buffer} header @param {number} at @param {ZipEntry} entry
 */
function writeEntryFields(header, at, entry) {
  header.writeUInt16LE(ZIP_VERSION, at);
  header.writeUInt16LE(0, at + 2);
  header.writeUInt16LE(DEFLATE, at + 4);
  header.writeUInt16LE(DOS_TIME, at + 6);
  header.writeUInt16LE(DOS_DATE, at + 8);
  header.writeUInt32LE(entry.crc, at + 10);
  header.writeUInt32LE(entry.compressed, at + 14);
  header.writeUInt32LE(entry.size, at + 18);
  header.writeUInt16LE(entry.name.length, at + 22);
}

/** @param {ZipEntry} entry */
function localHeader(entry) {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  writeEntryFields(header, 4, entry);
  return Buffer.concat([header, entry.name]);
}

/** @param {ZipEntry} entry */
function centralHeader(entry) {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(ZIP_VERSION, 4);
  writeEntryFields(header, 6, entry);
  header.writeUInt32LE(entry.offset, 42);
  return Buffer.concat([header, entry.name]);
}

/** A workbook being written; `close()` finishes the file. */
export class XlsxFile {
  /** @type {number} */
  #fd;
  #at = 0;
  /** @type {ZipEntry[]} */
  #entries = [];
  /** @type {ZipEntry} */
  #sheet;
  #sheetDeflate = createDeflateRaw();
  /** @type {unknown} */
  #failure;
  #rows = 0;
  /** @type {string[]} */
  #names;
  /** @type {boolean[]} */
  #integers;

  /**
   * Opens `file` and writes everything up to the sheet's rows: the title row (the competition
   * and the data date) and the header.
   * @param {{ file: string, title: string, sheet: string, columns: string[], integers: boolean[] }} workbook
   */
  constructor({ file, title, sheet, columns, integers }) {
    this.#fd = openSync(file, 'w');
    this.#names = columns.map((_, i) => columnName(i));
    this.#integers = integers;
    const parts = [
      ['[Content_Types].xml', CONTENT_TYPES_XML],
      ['_rels/.rels', PACKAGE_RELS_XML],
      ['docProps/core.xml', CORE_XML],
      ['docProps/app.xml', APP_XML],
      ['xl/workbook.xml', workbookXml(sheet)],
      ['xl/_rels/workbook.xml.rels', WORKBOOK_RELS_XML],
      ['xl/styles.xml', STYLES_XML],
    ];
    for (const [name, xml] of parts) this.#writeWhole(/** @type {string} */ (name), Buffer.from(/** @type {string} */ (xml)));
    // Its sizes and checksum are written into its header once the sheet is closed.
    this.#sheet = { name: Buffer.from('xl/worksheets/sheet1.xml'), offset: this.#at, crc: 0, compressed: 0, size: 0 };
    this.#write(localHeader(this.#sheet));
    this.#sheetDeflate.on('data', (/** @type {Buffer} */ chunk) => {
      try {
        this.#write(chunk);
        this.#sheet.compressed += chunk.length;
      } catch (error) {
        this.#failure ??= error;
      }
    });
    const top = `${sheetStart(columns, integers)}<row r="1">${textCell('A1', title, STYLE.title)}</row><row r="2">${columns.map((column, i) => textCell(`${this.#names[i]}2`, column, STYLE.header)).join('')}</row>`;
    this.#rows = 2;
    this.#sheetXml(top);
  }

  /**
   * Appends rows: numbers and booleans as typed cells, text in the Text format, empty cells left out.
   * @param {(string | number | boolean | null)[][]} rows
   */
  async addRows(rows) {
    let xml = '';
    for (const values of rows) xml += rowXml(this.#names, this.#integers, ++this.#rows, values);
    if (!this.#sheetXml(xml)) await once(this.#sheetDeflate, 'drain');
  }

  /** Ends the sheet and writes the zip's directory; throws when the file could not be written. */
  async close() {
    try {
      this.#sheetXml(SHEET_END);
      const ended = once(this.#sheetDeflate, 'end');
      this.#sheetDeflate.end();
      await ended;
      if (this.#failure !== undefined) throw this.#failure;
      if (this.#sheet.size >= ZIP_LIMIT || this.#at >= ZIP_LIMIT) throw new Error('the sheet is over the 4 GB a zip can hold without ZIP64');
      writeSync(this.#fd, localHeader(this.#sheet), 0, 30, this.#sheet.offset);
      this.#entries.push(this.#sheet);
      const directory = Buffer.concat(this.#entries.map(centralHeader));
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(this.#entries.length, 8);
      end.writeUInt16LE(this.#entries.length, 10);
      end.writeUInt32LE(directory.length, 12);
      end.writeUInt32LE(this.#at, 16);
      this.#write(Buffer.concat([directory, end]));
    } finally {
      closeSync(this.#fd);
    }
  }

  /** @param {string} xml @returns {boolean} false when the deflater asks to wait for 'drain' */
  #sheetXml(xml) {
    const bytes = Buffer.from(xml);
    this.#sheet.crc = crc32(bytes, this.#sheet.crc);
    this.#sheet.size += bytes.length;
    return this.#sheetDeflate.write(bytes);
  }

  /** @param {string} name @param {Buffer} bytes */
  #writeWhole(name, bytes) {
    const compressed = deflateRawSync(bytes);
    const entry = { name: Buffer.from(name), offset: this.#at, crc: crc32(bytes), compressed: compressed.length, size: bytes.length };
    this.#entries.push(entry);
    this.#write(localHeader(entry));
    this.#write(compressed);
  }

  /** @param {Buffer} bytes */
  #write(bytes) {
    writeSync(this.#fd, bytes, 0, bytes.length, this.#at);
    this.#at += bytes.length;
  }
}
