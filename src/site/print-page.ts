/**
 * The @page rule of a printed notice: A4 portrait, with 第 1 页 共 3 页 (Page 1 of 3) at the foot
 * of each page, the message's words around CSS page counters.
 */
type Translate = (key: 'notice.pageNumber', values: { page: string; pages: string }) => string;

const cssString = (text: string) => `"${text.replace(/[\\"]/g, '\\$&').replace(/\n/g, ' ')}"`;

export function noticePrintPage(t: Translate): string {
  const pageNumber = t('notice.pageNumber', { page: '\u0000page\u0000', pages: '\u0000pages\u0000' })
    .split('\u0000')
    .map((part, i) => (i % 2 === 1 ? `counter(${part})` : cssString(part)))
    .join(' ');
  return `@page { size: A4 portrait; margin: 18mm 16mm 20mm; @bottom-center { content: ${pageNumber}; font-size: 9pt; } }`;
}
