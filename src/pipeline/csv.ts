/** CSV output that a spreadsheet opens safely. */

/**
 * A text cell that starts like a formula (= + - @, or a tab or carriage return that Excel strips)
 * gets a leading apostrophe, so a name like "=HYPERLINK(…)" stays text. Numbers Podium computed
 * are written as numbers: -3 is a rank change, not a formula.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (values: unknown[]): string => `${values.map(csvCell).join(',')}\n`;
