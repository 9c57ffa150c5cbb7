// @ts-check
/**
 * Writes the downloads' Excel workbooks (table-export.ts) in a worker thread, beside the thread
 * that reads the rows from DuckDB and writes the CSV and JSON. One worker serves every workbook
 * of a build; each message names its workbook, and a workbook's messages arrive in order:
 *   begin {id, file, title, sheet, columns, integers} → rows {id, rows} … → close {id},
 * answered by {id, closed: true} once the file is written, or {id, failed} with the reason.
 * The rows' cells come as the export made them (numbers and booleans typed, text as it is); the
 * file is written by xlsx-file.mjs.
 */
import { parentPort } from 'node:worker_threads';
import { XlsxFile } from './xlsx-file.mjs';

/** @type {Map<number, XlsxFile>} */
const books = new Map();

/** @param {any} message */
async function handle(message) {
  const { id } = message;
  try {
    if (message.kind === 'begin') books.set(id, new XlsxFile(message));
    else if (message.kind === 'rows') await books.get(id)?.addRows(message.rows);
    else {
      const book = books.get(id);
      books.delete(id);
      await book?.close();
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
