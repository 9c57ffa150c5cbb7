/**
 * The one way each language writes a day and a month: 2025年3月25日 and 2025年10月, 25 Mar 2025
 * and Oct 2025. Written out rather than left to Intl, whose English month abbreviations change
 * between ICU versions (Sep, Sept), so pages stay byte-identical on every Node.
 */
import type { Locale } from './schema.ts';

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const parts = (iso: string) => ({ year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) });

/** A YYYY-MM-DD day. */
export function formatDay(iso: string, locale: Locale): string {
  const { year, month, day } = parts(iso);
  return locale === 'en' ? `${day} ${EN_MONTHS[month - 1]} ${year}` : `${year}年${month}月${day}日`;
}

/** The month of a YYYY-MM or YYYY-MM-DD date. */
export function formatMonth(iso: string, locale: Locale): string {
  const { year, month } = parts(iso);
  return locale === 'en' ? `${EN_MONTHS[month - 1]} ${year}` : `${year}年${month}月`;
}
