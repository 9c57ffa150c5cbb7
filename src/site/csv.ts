/** CSV output that a spreadsheet opens safely. */

/**
 * A text cell that starts like a formula (= + - @, or a tab or line break that Excel strips)
 * gets a leading apostrophe, so a name like "=HYPERLINK(…)" stays text. Numbers Podium computed
 * are written as numbers: -3 is a rank change, not a formula.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return quoteField(inertText(String(value)));
}

/** A field quoted as RFC 4180 needs, its text otherwise unchanged. */
export const quoteField = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/**
 * Text that no spreadsheet takes for a formula: the same in the CSV and the .xlsx downloads. The
 * sign may follow blanks (a spreadsheet that trims cells on import, as Calc offers, sees the sign
 * first), and full-width signs count too, for a spreadsheet that folds them to ASCII.
 */
const FORMULA_START = /^(?:[\t\r\n]|[\s\u200b-\u200d]*[=+\-@＝＋－＠])/;
export const inertText = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

export const csvLine = (values: unknown[]): string => `${values.map(csvCell).join(',')}\n`;

/** Starts every CSV download, so that a double-click on a Chinese Windows machine opens it in Excel without mojibake. */
export const UTF8_BOM = '\uFEFF';

/** A whole CSV file: the header and the rows, after the byte-order mark. */
export const csvDocument = (rows: unknown[][]): string => `${UTF8_BOM}${rows.map(csvLine).join('')}`;
