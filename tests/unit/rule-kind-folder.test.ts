/**
 * A rule kind is one folder (README, "Adding a rule kind"): its words and its SQL sit beside its
 * code. The throwaway kind of tests/fixtures/rule-kinds/self-signed goes through the same catalog
 * merge (src/site/i18n) and the same model runner (src/pipeline/models.ts) as the registry's kinds:
 * its words are found, its model is ordered among the project's and runs, its check reads it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { plannedModels, runModels } from '../../src/pipeline/models.ts';
import { queryText, SQL_FOLDERS } from '../../src/pipeline/sql.ts';
import { RULE_MESSAGES } from '../../src/rules/index.ts';
import type { CheckRun, Words } from '../../src/rules/kind.ts';
import { signoff } from '../../src/rules/signoff/index.ts';
import { mergedCatalogs } from '../../src/site/i18n/index.ts';
import zhCN from '../../src/site/i18n/zh-CN.json';
import en from '../../src/site/i18n/en.json';
import { selfSigned, SelfSigned } from '../fixtures/rule-kinds/self-signed/index.ts';

const KIND_DIR = path.resolve(import.meta.dirname, '../fixtures/rule-kinds/self-signed');
const SITE = { source: 'src/site/i18n', messages: { 'zh-CN': zhCN, en } };
const FIXTURE = { source: 'compliance kind "self-signed"', messages: selfSigned.messages! };
const rule = SelfSigned.parse({ id: 'own', label: 'Own sign-off', kind: 'self-signed' });

describe('a rule kind in one folder', () => {
  it('merges its words into the catalogs beside the site’s and every registered kind’s', () => {
    const catalogs = mergedCatalogs([SITE, ...RULE_MESSAGES, FIXTURE]);
    const words = { label: (text: unknown) => String(text) } as Words;
    const { key, values } = [selfSigned.describe(rule, words)].flat()[0]!;
    expect(catalogs.en[key]!.replace('{rule}', String(values.rule))).toBe('Own sign-off: no checker signs off their own check.');
    expect(catalogs['zh-CN']['finding.selfSigned']).toBe('{checker}为本人的检查签字验收。');
    // The registered kinds' words are there too: signoff's live in src/rules/signoff/messages.ts, not in the site's catalogs.
    expect('finding.signoff' in zhCN).toBe(false);
    expect(catalogs.en['finding.signoff']).toBe('{kind} ({score} points) has no sign-off.');
  });

  it('refuses a key defined twice, naming both places, and a key only one language has', () => {
    const twice = { source: 'compliance kind "copy"', messages: { 'zh-CN': { 'finding.signoff': '重复' }, en: { 'finding.signoff': 'again' } } };
    expect(() => mergedCatalogs([SITE, ...RULE_MESSAGES, twice])).toThrow('i18n: the message "finding.signoff" is defined in compliance kind "signoff" and again in compliance kind "copy"');
    expect(() => mergedCatalogs([SITE, { source: 'compliance kind "half"', messages: { 'zh-CN': { 'finding.half': '半' }, en: {} } }])).toThrow(
      'i18n: compliance kind "half": keys not in both languages: finding.half',
    );
  });

  it('keeps every registered kind’s words apart from the site’s and from each other’s, in both languages', () => {
    expect(RULE_MESSAGES.map((m) => m.source)).toContain('compliance kind "signoff"');
    expect(signoff.messages).toBe(RULE_MESSAGES.find((m) => m.source === 'compliance kind "signoff"')!.messages);
    const merged = mergedCatalogs([SITE, ...RULE_MESSAGES]);
    const count = Object.keys(zhCN).length + RULE_MESSAGES.reduce((n, m) => n + Object.keys(m.messages.en).length, 0);
    expect(Object.keys(merged['zh-CN'])).toHaveLength(count);
    expect(Object.keys(merged.en).sort()).toEqual(Object.keys(merged['zh-CN']).sort());
  });

  it('runs its model among the project’s, after the staging model it reads, and its check reads it', async () => {
    const plan = plannedModels([...SQL_FOLDERS, KIND_DIR]);
    const order = plan.map((m) => m.name);
    const model = plan.find((m) => m.name === 'int_self_signed_checks')!;
    expect(model.label).toBe('tests/fixtures/rule-kinds/self-signed/int_self_signed_checks.sql');
    expect(model.reads).toEqual(['stg_checks']);
    expect(order.indexOf('int_self_signed_checks')).toBeGreaterThan(order.indexOf('stg_checks'));
    // Its query (no layer prefix) is not a model: the kind reads it by name.
    expect(order).not.toContain('check_self_signed');

    const db = await (await DuckDBInstance.create(':memory:')).connect();
    await db.run(`CREATE TABLE stg_checks AS SELECT * FROM (VALUES
      ('C1', DATE '2025-03-02', 'O1', '王五', '李四'),
      ('C2', DATE '2025-03-01', 'O2', '赵六', '赵六'),
      ('C3', DATE '2025-03-03', 'O1', '王五', '')) t(check_id, check_date, unit_id, checker, signed_by)`);
    await runModels(db, [model], { loops: {} });
    const query = <T>(name: string) => queryText<T>(db, readFileSync(path.join(KIND_DIR, `${name}.sql`), 'utf8'), name);
    const names = (id: string) => id;
    const run: CheckRun = { query, periods: () => [], windows: () => [], isWorkingDay: () => true, labels: { level: names, period: names, checkKind: names, eventType: names, metric: names }, topLevel: 'branch' };
    const findings = await selfSigned.check(rule, run);
    expect(findings.map((f) => [f.key, f.unitId, f.periodStart, f.values.checker])).toEqual([['C2', 'O2', '2025-03-01', '赵六']]);
  });
});
