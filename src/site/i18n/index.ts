/**
 * Every word the site shows that is not data: two message catalogs with the same keys, `{name}`
 * placeholders, and number and date formatting. Data labels arrive already localized in the model.
 *
 * Keys written in a page are checked by the compiler (`MessageKey`). Keys that arrive in the
 * model (methodology items, findings, downloads) go through `message()`, which fails the build on
 * a key the catalogs lack, and words the values the pipeline passes as codes:
 * - `order` (`desc`/`asc`)       → `order.<value>`
 * - `method` (`onsite`/`video`)  → `inspectionMethod.<value>`
 * - `periodKind` (a period kind or `competition`) → `periodKind.<value>`
 * - `statuses` (`verified, pending`) → `eventStatus.<each>`, joined
 * - `start`, `end`, `date` (YYYY-MM-DD) → a formatted date
 * - `kinds` of `method.period.calendar` (`month, quarter`) → `periodKind.<each>`, joined
 * - `periods` (a rule's period selector, `quarter,2025-Y`) → each kind as a noun, `periodNoun.<kind>` (within one month), other
 *   entries (period labels) as they are, joined
 * - `during` (a period selector as `periods`) → each kind as `periodEach.<kind>` (per month, 按月), each named period as
 *   `periodIn` (in Year 2025, 2025年度): a rule over one named period is not "per Year 2025"
 */
import type { Locale, ThresholdOp } from '../../config/schema.ts';
import { RULE_MESSAGES } from '../../rules/index.ts';
import type { KindWords } from '../../rules/kind.ts';
import type { ScoreUnit } from '../model.ts';
import { THRESHOLD_SYMBOL } from '../../config/thresholds.ts';
import { formatDay } from '../../config/dates.ts';
import zhCN from './zh-CN.json';
import en from './en.json';

export type MessageKey = keyof typeof zhCN;
export type MessageValues = Record<string, string | number>;

/**
 * The site's own catalogs and the messages each rule kind keeps in its folder, as one catalog per
 * language. A key missing from one language would only show in that locale's build, and a key
 * defined twice would let one definition hide the other: both are refused in every build.
 */
export function mergedCatalogs(parts: readonly { source: string; messages: KindWords }[]): KindWords {
  const merged: KindWords = { 'zh-CN': {}, en: {} };
  const definedIn = new Map<string, string>();
  for (const { source, messages } of parts) {
    const [zhKeys, enKeys] = [Object.keys(messages['zh-CN']), Object.keys(messages.en)];
    const unmatched = [...zhKeys.filter((k) => !Object.hasOwn(messages.en, k)), ...enKeys.filter((k) => !Object.hasOwn(messages['zh-CN'], k))];
    if (unmatched.length > 0) throw new Error(`i18n: ${source}: keys not in both languages: ${unmatched.join(', ')}`);
    for (const key of zhKeys) {
      const earlier = definedIn.get(key);
      if (earlier !== undefined) throw new Error(`i18n: the message "${key}" is defined in ${earlier} and again in ${source}`);
      definedIn.set(key, source);
    }
    Object.assign(merged['zh-CN'], messages['zh-CN']);
    Object.assign(merged.en, messages.en);
  }
  return merged;
}

const catalogs = mergedCatalogs([
  { source: 'src/site/i18n', messages: { 'zh-CN': zhCN, en } },
  ...RULE_MESSAGES,
]);

function lookup(locale: Locale, key: string): string {
  const text = catalogs[locale][key];
  if (text === undefined) throw new Error(`i18n: no message "${key}" in the catalogs`);
  return text;
}

/**
 * Building an Intl formatter costs far more than using one, and a large site formats millions
 * of numbers: each kind of formatter is built once per value of what varies in it (a locale,
 * a number of decimals), which is also its key, so no key has to be kept in step with options
 * by hand (one made of the options by JSON.stringify cost 2 % of the render).
 */
function formatterPer<K>(make: (key: K) => Intl.NumberFormat): (key: K) => Intl.NumberFormat {
  const made = new Map<K, Intl.NumberFormat>();
  return (key) => {
    let format = made.get(key);
    if (!format) made.set(key, (format = make(key)));
    return format;
  };
}
const numberFormat = formatterPer((locale: Locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }));
// Formatted the same in both locales (no grouping), and never "-0.0" for a score that rounds to zero.
const scoreFormat = formatterPer(
  (decimals: number) => new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false, signDisplay: 'negative' }),
);
const signedFormat = formatterPer((maxDecimals: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: maxDecimals, useGrouping: false, signDisplay: 'exceptZero' }));

/** Negatives with a true minus sign (U+2212), as typesetting has it: an ASCII hyphen reads as a dash. */
const withMinus = (text: string) => text.replace('-', '\u2212');

export function formatNumber(n: number, locale: Locale): string {
  return withMinus(numberFormat(locale).format(n));
}

/**
 * `{name}` is the value; `{name|one|other}` is the word that agrees with it (`deduct {points}
 * {points|point|points}`: 1 point, 0.5 points, 3 points), for a language whose nouns have a plural.
 */
function fill(locale: Locale, key: string, template: string, values: MessageValues): string {
  return template.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (_, name: string, one: string | undefined, other: string | undefined) => {
    const value = values[name];
    if (value === undefined) throw new Error(`i18n: message "${key}" needs a value for {${name}}`);
    if (one !== undefined) return Math.abs(Number(value)) === 1 ? one : other!;
    return typeof value === 'number' ? formatNumber(value, locale) : value;
  });
}

/** A message written in a page or component. */
export function t(locale: Locale, key: MessageKey, values: MessageValues = {}): string {
  return fill(locale, key, lookup(locale, key), values);
}

/**
 * A message written as text before and after one placeholder, so that a page can put an element
 * (a link) in its place while each language keeps its own word order.
 */
export function tAround(locale: Locale, key: MessageKey, placeholder: string): [before: string, after: string] {
  const [before = '', after = ''] = lookup(locale, key).split(`{${placeholder}}`);
  return [before, after];
}

/**
 * A notice's title for one period, by each language's template (上半年小评服务竞赛结果通报;
 * Service competition results notice, First-half review). Where the period's label ends with the words the
 * title begins with (2025年度 + 年度奖励通报), they are said once.
 */
export function noticeTitle(period: string, title: string, locale: Locale): string {
  // Only where the template puts the period right before the title can their words meet.
  if (!lookup(locale, 'notice.title').includes('{period}{title}')) return t(locale, 'notice.title', { period, title });
  let overlap = Math.min(period.length, title.length);
  while (overlap > 0 && !period.endsWith(title.slice(0, overlap))) overlap -= 1;
  // One shared character (年) is not a repeated word.
  const rest = title.slice(overlap >= 2 ? overlap : 0);
  // Chinese needs no space between words, but Latin words (a period labelled Year) do.
  const space = /[A-Za-z0-9]$/.test(period) && /^[A-Za-z0-9]/.test(rest) ? ' ' : '';
  return t(locale, 'notice.title', { period, title: `${space}${rest}` });
}

/** A message whose key and values come from the model; see the list at the top of this file. */
export function message(locale: Locale, key: string, values: MessageValues = {}): string {
  const worded: MessageValues = { ...values };
  const word = (prefix: string, code: string | number) => lookup(locale, `${prefix}.${code}`);
  if (values.order !== undefined) worded.order = word('order', values.order);
  if (values.method !== undefined) worded.method = word('inspectionMethod', values.method);
  if (values.periodKind !== undefined) worded.periodKind = word('periodKind', values.periodKind);
  if (typeof values.statuses === 'string') {
    worded.statuses = values.statuses
      .split(',')
      .map((status) => word('eventStatus', status.trim()))
      .join(lookup(locale, 'common.listSeparator'));
  }
  for (const name of ['start', 'end', 'date'] as const) {
    const value = values[name];
    if (typeof value === 'string') worded[name] = formatDay(value, locale);
  }
  if (key === 'method.period.calendar' && typeof values.kinds === 'string') {
    worded.kinds = values.kinds
      .split(',')
      .map((kind) => word('periodKind', kind.trim()))
      .join(lookup(locale, 'common.listSeparator'));
  }
  if (typeof values.periods === 'string') {
    worded.periods = values.periods
      .split(',')
      .map((entry) => catalogs[locale][`periodNoun.${entry}`] ?? entry)
      .join(lookup(locale, 'common.listSeparator'));
  }
  if (typeof values.during === 'string') {
    worded.during = values.during
      .split(',')
      .map((entry) => catalogs[locale][`periodEach.${entry}`] ?? t(locale, 'periodIn', { period: entry }))
      .join(lookup(locale, 'common.listSeparator'));
  }
  return fill(locale, key, lookup(locale, key), worded);
}

/** A score at the site's precision. Ranking uses full precision; this is display only. */
export function formatScore(n: number, decimals: number): string {
  return withMinus(scoreFormat(decimals).format(n));
}

/** Points or a rank change, always with its sign: +5, −3, 0, +2.5. */
export function formatSigned(n: number, maxDecimals = 2): string {
  return withMinus(signedFormat(maxDecimals).format(n));
}

export const formatOp = (op: ThresholdOp): string => THRESHOLD_SYMBOL[op];

/** Text whose spaces never break a line. */
const unbroken = (text: string) => text.replaceAll(' ', '\u00a0');

/** The helpers above bound to one build's locale and precision, as pages use them. */
/**
 * A column or axis title with its unit (得分（分）, Score (points)), unless the title already ends
 * with the unit's word: "Service points", not "Service points (points)".
 */
function titleWithUnit(locale: Locale, title: string, unit: ScoreUnit | null): string {
  const key = `entity.chartAxis.${unit ?? 'none'}` as const;
  const unitWord = /\p{L}+/u.exec(lookup(locale, key).replace('{score}', ''))?.[0];
  const saysItAlready = unitWord !== undefined && /^[A-Za-z]+$/.test(unitWord) && new RegExp(`\\b${unitWord}$`, 'i').test(title.trim());
  return saysItAlready ? title : t(locale, key, { score: title });
}

export function i18n(locale: Locale, decimals: number) {
  const date = (iso: string) => formatDay(iso, locale);
  return {
    locale,
    t: (key: MessageKey, values?: MessageValues) => t(locale, key, values),
    tAround: (key: MessageKey, placeholder: string) => tAround(locale, key, placeholder),
    message: (key: string, values?: MessageValues) => message(locale, key, values),
    score: (n: number) => formatScore(n, decimals),
    /** A score as its unit has it: a count as a whole number, anything else at the site's precision. */
    scoreIn: (n: number, unit: ScoreUnit | null) => formatScore(n, unit === 'count' ? 0 : decimals),
    /** The same with its unit: 98.5分, 92.0%, 3次. */
    scoreWithUnit: (n: number, unit: ScoreUnit | null) =>
      t(locale, `entity.value.${unit ?? 'none'}`, { value: formatScore(n, unit === 'count' ? 0 : decimals) }),
    /** A column or axis title with the unit: 得分（分）. */
    titleWithUnit: (title: string, unit: ScoreUnit | null) => titleWithUnit(locale, title, unit),
    signed: formatSigned,
    number: (n: number) => formatNumber(n, locale),
    date,
    // A range wraps only around its dash: the spaces inside each date do not break (25 Mar 2025 stays whole).
    // A one-day range (an hour slot's day) is that day.
    dateRange: (start: string, end: string) =>
      start === end ? unbroken(date(start)) : t(locale, 'common.dateRange', { start: unbroken(date(start)), end: unbroken(date(end)) }),
    op: formatOp,
  };
}
