// @ts-check
/**
 * Writes the downloads' Excel workbooks (table-export.ts) in a worker thread, so that exceljs,
 * most of the cost of a large table's export, runs beside the thread that reads the rows from
 * DuckDB and writes the CSV and JSON. One worker serves every workbook of a build; each message
 * names its workbook, and a workbook's messages arrive in order:
 *   begin {id, file, title, sheet, columns, integers} → rows {id, rows} … → close {id},
 * answered by {id, closed: true} once the file is written, or {id, failed} with the reason.
 * The rows' cells come as the export made them (numbers and booleans typed, text as it is). Every
 * text cell gets the Text number format ("@"): a string cell is never evaluated, and under that
 * format Excel and Calc keep a cell the reader edits as the text it shows, so "=HYPERLINK(…)"
 * stays text without the apostrophe the CSV needs. (exceljs cannot write the quotePrefix
 * attribute, which does the same for one cell.)
 */
import { createWriteStream } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import excel from 'exceljs';

/** Excel's Text number format: the cell shows what it holds and an edit stays text, never a formula. */
const TEXT_FORMAT = '@';

/** The workbook's own dates (docProps/core.xml): fixed, so that the bytes repeat. */
const WORKBOOK_DATE = new Date(Date.UTC(2000, 0, 1));

/**
 * @typedef {{ workbook: import('exceljs').stream.xlsx.WorkbookWriter, sheet: import('exceljs').Worksheet,
 *   styles: Map<string, Partial<import('exceljs').Style>>, columns: number, unwritable: Promise<never> }} Book
 */
/** @type {Map<number, Book>} */
const books = new Map();

/**
 * @param {{ file: string, title: string, sheet: string, columns: string[], integers: boolean[] }} begin
 * @returns {Book}
 */
function beginBook({ file, title, sheet: name, columns, integers }) {
  const stream = createWriteStream(file);
  // Rejects when the file cannot be written (a folder in its place, a full disk). exceljs's
  // commit then waits for ever for the zip to drain, which would stall every later workbook.
  /** @type {Promise<never>} */
  const unwritable = new Promise((_, failed) => stream.once('error', failed));
  unwritable.catch(() => undefined);
  const workbook = new excel.stream.xlsx.WorkbookWriter(
    /** @type {ConstructorParameters<typeof excel.stream.xlsx.WorkbookWriter>[0]} */ ({
      stream,
      useStyles: true,
      useSharedStrings: false,
      created: WORKBOOK_DATE,
      modified: WORKBOOK_DATE,
      creator: 'Podium',
      lastModifiedBy: 'Podium',
    }),
  );
  // The header stays in view while scrolling: the sheet is frozen below it.
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = columns.map((column, i) => ({ key: column, width: Math.max(10, column.length + 2), style: integers[i] ? { numFmt: '0' } : {} }));
  const heading = sheet.addRow([title]);
  heading.font = { bold: true, size: 13 };
  heading.getCell(1).numFmt = TEXT_FORMAT;
  heading.commit();
  const header = sheet.addRow(columns);
  header.font = { bold: true };
  header.commit();
  return { workbook, sheet, styles: new Map(), columns: columns.length, unwritable };
}

/**
 * Gives the cell the style object of the first cell of its column and value type, the Text format
 * added for a text cell. exceljs gives
 * every cell a new copy of its column's style and, on writing, turns each copy into XML to find
 * its style number: half the cost of a workbook. It remembers the number per style object, and
 * the number depends on the style and the value type only, so a shared object gives the same
 * number, worked out once.
 * @param {Book} book
 * @param {import('exceljs').Cell} cell
 */
function shareStyle(book, cell) {
  const key = `${cell.col}:${cell.type}`;
  const shared = book.styles.get(key);
  if (shared) cell.style = shared;
  else {
    if (cell.type === excel.ValueType.String) cell.numFmt = TEXT_FORMAT;
    book.styles.set(key, cell.style);
  }
}

/** @param {Book} book @param {(string | number | boolean | null)[][]} rows */
function addRows(book, rows) {
  for (const values of rows) {
    const row = book.sheet.addRow(values);
    for (let col = 1; col <= book.columns; col++) shareStyle(book, row.getCell(col));
    row.commit();
  }
}

/** @param {any} message */
async function handle(message) {
  const { id } = message;
  try {
    if (message.kind === 'begin') books.set(id, beginBook(message));
    else if (message.kind === 'rows') addRows(/** @type {Book} */ (books.get(id)), message.rows);
    else {
      const book = /** @type {Book} */ (books.get(id));
      books.delete(id);
      book.sheet.commit();
      await Promise.race([book.workbook.commit(), book.unwritable]);
      parentPort?.postMessage({ id, closed: true });
    }
  } catch (error) {
    books.delete(id);
    parentPort?.postMessage({ id, failed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

// One message after another: a workbook's rows are added in the order they were sent.
let queue = Promise.resolve();
parentPort?.on('message', (message) => {
  queue = queue.then(() => handle(message));
});
