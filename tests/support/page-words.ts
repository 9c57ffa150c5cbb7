/**
 * What a reader sees on a built page, and the words that should never be among it: raw ISO
 * months and days, raw config IDs, and negatives written with an ASCII hyphen.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
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
        else collect(inner);
      }
    }
  };
  collect(config);
  ids.delete(String(config.id));
  return [...ids];
}

/** The problems of one page's text, each quoted with a little context. */
export function wordProblems(text: string, ids: string[]): string[] {
  const problems: string[] = [];
  const quote = (index: number) => text.slice(Math.max(0, index - 20), index + 30).trim();
  for (const m of text.matchAll(/(?<![\w-])\d{4}-\d{2}(?:-\d{2})?(?![\w-])/g)) problems.push(`raw ISO date "${m[0]}" in "${quote(m.index)}"`);
  for (const m of text.matchAll(/(?<![\w\d.])-\d/g)) problems.push(`ASCII hyphen negative in "${quote(m.index)}"`);
  for (const id of ids) {
    const found = new RegExp(`(?<![\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).exec(text);
    if (found) problems.push(`config id "${id}" in "${quote(found.index)}"`);
  }
  return problems;
}
