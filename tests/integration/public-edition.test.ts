/**
 * The public and the internal edition of the sample (issue 11, §5). The sample as published is an
 * intranet site: staff keep their names, pages and rankings, but notes, employee numbers and event
 * descriptions stay out. A strict copy of it says what a notice posted outside may show: masked
 * staff names, no staff rankings or pages, no event descriptions, and the bottom-staff penalty list
 * by count only. Every internal value is read from the sample's CSVs, shown to be in the internal
 * edition, and then looked for in every file of the public ones.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/pipeline/build.ts';
import { tempDir } from '../support/fixture.ts';
import { brokenLinks, builtSample, listFiles, readText } from '../support/sites.ts';

type Row = Record<string, string>;
const readCsv = (file: string): Row[] => Papa.parse<Row>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
const column = (rows: Row[], name: string) => [...new Set(rows.map((r) => r[name] ?? '').filter((v) => v !== ''))];

const staff = readCsv('data/staff.csv');
const events = readdirSync('data/events').flatMap((f) => readCsv(path.join('data/events', f)));
const checks = readCsv('data/checks.csv');
const objections = readCsv('data/objections.csv');
const internalValues: Record<string, string[]> = {
  'objection summaries': column(objections, 'summary'),
  'event notes': column(events, 'note'),
  'employee numbers': column(staff, 'employee_no'),
  'staff names in full': column(staff, 'name'),
  'event descriptions': column(events, 'source'),
  'checkers and sign-offs in full': [...column(checks, 'checker'), ...column(checks, 'signed_by')],
};

/** A file's text with HTML character references and JSON \u escapes spelled out, so an escaped name is still found. */
const decoded = (text: string) =>
  text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** A Parquet file's rows as CSV text: its pages are compressed, so its bytes would hide a leak. */
async function parquetText(file: string): Promise<string> {
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  const reader = await db.runAndReadAll(`SELECT * FROM read_parquet('${file.replaceAll("'", "''")}')`);
  const text = Papa.unparse(reader.getRowObjectsJS());
  db.closeSync();
  instance.closeSync();
  return text;
}

/** The search index's files (pagefind/…/*.pf_fragment, .pf_index, .pf_meta) are gzip-compressed, so their bytes would hide a leak too. */
const isSearchIndex = (file: string) => /\.pf_(fragment|index|meta)$/.test(file);

/** Every file of a built site (HTML, JSON, CSV, Parquet, search index, JS, CSS, XML …), decoded, as one text per file. */
const siteTexts = (site: string) =>
  Promise.all(
    listFiles(site).map(async (file) => {
      if (file.endsWith('.parquet')) return { file, text: await parquetText(path.join(site, file)) };
      if (isSearchIndex(file)) return { file, text: decoded(gunzipSync(readFileSync(path.join(site, file))).toString('utf8')) };
      return { file, text: decoded(readText(site, file)) };
    }),
  );

const STRICT_PUBLIC = `public:
  staff_names: masked
  staff_rankings: []
  staff_pages: false
  event_sources: false
  criticism: [bottom-outlets]
`;

/** The sample with the strict public block in place of its own. */
async function builtStrictSample(): Promise<string> {
  const dataDir = tempDir('strict-sample');
  cpSync('data', dataDir, { recursive: true });
  const configFile = path.join(dataDir, 'competition.yaml');
  const config = readFileSync(configFile, 'utf8');
  const block = /^public:\n(?: .*\n)+/m;
  expect(config).toMatch(block);
  writeFileSync(configFile, config.replace(block, STRICT_PUBLIC));
  const outDir = path.join(tempDir('strict-site'), 'site');
  await buildSite({ dataDir, outDir, locale: 'zh-CN' });
  return outDir;
}

let publicSite: string;
let publishedSample: string;
let internalSite: string;
beforeAll(async () => {
  publicSite = await builtStrictSample();
  publishedSample = await builtSample('zh-CN');
  internalSite = await builtSample('zh-CN', 'internal');
});

describe('the internal edition', () => {
  it('keeps every internal value: notes, employee numbers, full names, descriptions', async () => {
    const texts = (await siteTexts(internalSite)).map((f) => f.text).join('\n');
    for (const [kind, values] of Object.entries(internalValues)) {
      expect(values.length, kind).toBeGreaterThan(0);
      // Checkers appear only in the evidence of findings, so not every one of them need show.
      const missing = values.filter((v) => !texts.includes(v));
      if (kind.startsWith('checkers')) expect(missing.length, kind).toBeLessThan(values.length);
      else expect(missing, kind).toEqual([]);
    }
  });
});

describe('the sample as published (its own public block)', () => {
  it('contains no note, employee number, event description or objection summary in any file, yet keeps staff pages and names', async () => {
    const texts = await siteTexts(publishedSample);
    expect(texts.find((f) => f.file === 'exports/score_parts.parquet')?.text).toMatch(/^period_id,score_id,entity_kind,entity_id,rule_id,amount,source_ids\r?\n./);
    const hidden = ['event notes', 'employee numbers', 'event descriptions', 'objection summaries'] as const;
    const leaks = hidden.flatMap((kind) => internalValues[kind]!.flatMap((value) => texts.filter((f) => f.text.includes(value)).map((f) => `${kind}: "${value}" in ${f.file}`)));
    expect(leaks).toEqual([]);
    expect(listFiles(publishedSample).filter((f) => f.startsWith('staff/')).length).toBeGreaterThan(100);
    expect(readText(publishedSample, 'units/O03/index.html')).toContain('孙平');
  });
});

describe('the strict public edition', () => {
  it('contains no internal value in any file', async () => {
    const texts = await siteTexts(publicSite);
    expect(texts.some((f) => f.file.endsWith('.parquet'))).toBe(true);
    expect(texts.some((f) => f.file.endsWith('.js'))).toBe(true);
    // The search index is read, not skipped: a unit's name (public everywhere) is found in it.
    expect(texts.some((f) => isSearchIndex(f.file) && f.text.includes('城东支行营业部'))).toBe(true);
    const leaks = Object.entries(internalValues).flatMap(([kind, values]) =>
      values.flatMap((value) => texts.filter((f) => f.text.includes(value)).map((f) => `${kind}: "${value}" in ${f.file}`)),
    );
    expect(leaks).toEqual([]);
  });

  it('shows staff masked (张*三), without pages of their own or staff rankings', () => {
    const files = listFiles(publicSite);
    expect(files.filter((f) => f.startsWith('staff/'))).toEqual([]);
    expect(files.filter((f) => /^rankings\/[^/]+\/staff(-in-outlet)?\//.test(f))).toEqual([]);
    const standings = readCsv(path.join(publicSite, 'exports/standings.csv'));
    expect(standings.filter((r) => r.entity_kind === 'staff')).toEqual([]);
    // Nor each person's score parts, the ledger their page would have shown; the units' stay.
    const parts = readCsv(path.join(publicSite, 'exports/score_parts.csv'));
    expect(parts.filter((r) => r.entity_kind === 'staff')).toEqual([]);
    expect(parts.some((r) => r.entity_id === 'O03')).toBe(true);
    // O03 (解放大道网点) is led by S0033 孙平; its department O03-D1 by S0034 邵怡怡.
    const outletPage = readText(publicSite, 'units/O03/index.html');
    expect(outletPage).toContain('孙*');
    const departmentPage = readText(publicSite, 'units/O03-D1/index.html');
    expect(departmentPage).toContain('邵*怡');
    expect(departmentPage).toContain('万*嘉');
    const unitPage = outletPage + departmentPage;
    expect(unitPage).not.toMatch(/href="\/staff\//);
  });

  it('links only to pages and files that exist: a person without a page of their own is named in text', () => {
    expect(brokenLinks(publicSite, listFiles(publicSite))).toEqual([]);
  });

  it('publishes the award lists of a notice, naming only the penalty lists it says', () => {
    const publicNotice = readText(publicSite, 'notices/review-h1/index.html');
    expect(publicNotice).toContain('上半年集体奖');
    expect(publicNotice).not.toContain('员工服务积分排名');
    expect(publicNotice).not.toMatch(/href="\/staff\//);
  });
});
