/**
 * What a reader sees on a built page, and the words that should never be among it: raw ISO
 * months and days, raw config IDs, and negatives written with an ASCII hyphen.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { parse } from 'yaml';

/** The visible text of a page, plus the text of labels a screen reader speaks (aria-label, title, alt). */
export function visibleText(html: string): string {
  const spoken = [...html.matchAll(/\s(?:aria-label|alt)="([^"]*)"/g)].map((m) => m[1]);
  const body = html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ');
  return [body, ...spoken]
    .join(' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&(amp|lt|gt|quot|nbsp);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ' })[name]!)
    .replace(/\s+/g, ' ');
}

/** Every ID the config gives to a period, score, ranking, rule, type, award or notice. */
export function configIds(dataDir: string): string[] {
  const config = parse(readFileSync(path.join(dataDir, 'competition.yaml'), 'utf8')) as Record<string, unknown>;
  const ids = new Set<string>();
  const collect = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'id' && typeof inner === 'string') ids.add(inner);
        // Check kinds are named by code in scores and rules, with or without a check_kinds label.
        else if (key === 'check_kinds' && Array.isArray(inner)) inner.forEach((kind) => (typeof kind === 'string' ? ids.add(kind) : collect(kind)));
        else collect(inner);
      }
    }
  };
  collect(config);
  ids.delete(String(config.id));
  return [...ids];
}

/**
 * Wordings a template gets wrong when it only fills in a number or a title: "ranked 1 from the
 * bottom" (last), and a unit that repeats its title ("Points (points)").
 */
const AWKWARD: [pattern: RegExp, what: string][] = [
  [/\b1(?:st)? from the bottom\b/g, '"1 from the bottom" for "last"'],
  [/\b(\p{L}+) \((\1)\)/giu, 'a title repeated as its own unit'],
];

/** The problems of one page's text, each quoted with a little context. */
export function wordProblems(text: string, ids: string[]): string[] {
  const problems: string[] = [];
  const quote = (index: number) => text.slice(Math.max(0, index - 20), index + 30).trim();
  for (const m of text.matchAll(/(?<![\w-])\d{4}-\d{2}(?:-\d{2})?(?![\w-])/g)) problems.push(`raw ISO date "${m[0]}" in "${quote(m.index)}"`);
  for (const m of text.matchAll(/(?<![\w\d.])-\d/g)) problems.push(`ASCII hyphen negative in "${quote(m.index)}"`);
  for (const [pattern, what] of AWKWARD) for (const m of text.matchAll(pattern)) problems.push(`${what} in "${quote(m.index)}"`);
  for (const id of ids) {
    const found = new RegExp(`(?<![\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).exec(text);
    if (found) problems.push(`config id "${id}" in "${quote(found.index)}"`);
  }
  return problems;
}

/**
 * Columns of a closed set of codes (verified, upheld, onsite, yes): pages word them through the
 * catalog, so a code is never data to leave aside but a raw code the scan must see.
 */
const CODE_COLUMNS = new Set(['status', 'decision', 'method', 'priority']);

/**
 * Every cell of the competition's tables with a letter or character in it (names, roles,
 * descriptions), the column values its eligibility rules test for, and the fixed words of its 文号 patterns (城东银服〔{year}〕{seq}号, an official
 * reference): data, shown as written in both editions, so the language scan leaves it aside.
 * Longest first, so a name is removed whole.
 */
export function dataWords(dataDir: string): string[] {
  const tables = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'examples' ? [] : tables(file);
      return entry.name.endsWith('.csv') ? [file] : [];
    });
  const cells = new Set<string>();
  for (const file of tables(dataDir)) {
    const [header = [], ...rows] = Papa.parse<string[]>(readFileSync(file, 'utf8'), { skipEmptyLines: true }).data;
    const coded = new Set(header.flatMap((column, i) => (CODE_COLUMNS.has(column.trim()) ? [i] : [])));
    for (const row of rows) row.forEach((cell, i) => !coded.has(i) && /[\p{L}]/u.test(cell) && cells.add(cell.trim()));
  }
  const config = parse(readFileSync(path.join(dataDir, 'competition.yaml'), 'utf8')) as {
    notices?: { number?: string }[];
    eligibility?: { out_if?: { in?: unknown[]; not_in?: unknown[] } }[];
  };
  for (const notice of config.notices ?? []) for (const part of notice.number?.split(/\{\w+\}/) ?? []) if (part !== '') cells.add(part);
  // The values an eligibility rule tests a data column for are that column's values.
  for (const rule of config.eligibility ?? []) for (const value of [...(rule.out_if?.in ?? []), ...(rule.out_if?.not_in ?? [])]) cells.add(String(value));
  return [...cells].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

/**
 * Names that Chinese text writes in Latin letters: products and formats (Excel, JavaScript, Parquet, the
 * Atom feed), and the pinyin initials a reader types into the search box (lny).
 */
const LATIN_IN_CHINESE = new Set(['Excel', 'JavaScript', 'Atom', 'Parquet', 'lny']);

/** Words of the other language in a page's own words: English in the zh-CN edition, Chinese in the en edition. */
export function languageProblems(text: string, locale: 'zh-CN' | 'en', data: string[]): string[] {
  let own = text;
  // A code (A, O01) is removed only as a whole word: its letters may be part of one (A in Atom).
  for (const cell of data) own = /^[\w ]+$/.test(cell) ? own.replace(new RegExp(`(?<!\\w)${cell}(?!\\w)`, 'g'), ' ') : own.split(cell).join(' ');
  const quote = (index: number) => own.slice(Math.max(0, index - 20), index + 30).trim();
  // Abbreviations (CSV, SVG, PDF, ID) and codes with digits (S0012, Q4) are the same in both languages.
  const foreign = locale === 'zh-CN' ? /(?<![\w@./-])[A-Za-z]*[a-z][A-Za-z]+(?![\w@./-])/g : /\p{Script=Han}+/gu;
  return [...own.matchAll(foreign)].filter((m) => locale === 'en' || !LATIN_IN_CHINESE.has(m[0])).map((m) => `${locale === 'zh-CN' ? 'English' : 'Chinese'} "${m[0]}" in "${quote(m.index)}"`);
}
