/**
 * The search index: the words a name is found by (worked out by hand), the records the model
 * gives, and an index that repeats byte for byte.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nameSearchWords, searchRecords, writeSearchIndex } from '../../src/pipeline/search-index.ts';
import { buildModel, tempDir } from '../support/fixture.ts';
import { listFiles } from '../support/sites.ts';

describe('nameSearchWords', () => {
  it('gives every part of two or more characters, the pinyin initials and the full pinyin', () => {
    expect(nameSearchWords('吕宁雨')).toEqual(['lny', 'lvningyu', '吕宁', '吕宁雨', '宁雨']);
  });

  it('reads a surname as a surname (单 is shan, not dan)', () => {
    expect(nameSearchWords('单芳')).toEqual(['sf', 'shanfang', '单芳']);
  });

  it('takes each run of Han characters on its own, and leaves other words to the index', () => {
    expect(nameSearchWords('A组 张三')).toEqual(['z', 'zhangsan', 'zs', 'zu', '张三']);
    expect(nameSearchWords('Wang Li')).toEqual([]);
  });

  it('keeps the parts of a long name to eight characters', () => {
    const words = nameSearchWords('一二三四五六七八九十');
    expect(words.filter((w) => /\p{Script=Han}/u.test(w)).every((w) => [...w].length >= 2 && [...w].length <= 8)).toBe(true);
    // 10 characters: parts of 2–8 characters number 9 + 8 + 7 + 6 + 5 + 4 + 3 = 42, none repeated.
    expect(words.filter((w) => /\p{Script=Han}/u.test(w))).toHaveLength(42);
  });
});

describe('the search index of a competition', () => {
  it('holds every unit, every person, every notice and every finding', async () => {
    const { modelDir, site } = await buildModel('data/examples/s2-subbranch-annual');
    const records = searchRecords(modelDir);
    expect(records.filter((r) => r.path.startsWith('units/'))).toHaveLength(site.unitIds.length);
    expect(records.filter((r) => r.path.startsWith('staff/'))).toHaveLength(site.staffIds.length);
    expect(records.filter((r) => r.path.startsWith('notices/'))).toHaveLength(site.noticeIndex.length);
    expect(records.filter((r) => r.path.startsWith('findings/#finding-'))).toHaveLength(site.counts.findings);
    for (const record of records) expect(record.words.length).toBeGreaterThan(0);
  });

  it('is written the same, byte for byte, twice', async () => {
    const { modelDir } = await buildModel('data/examples/s2-subbranch-annual');
    const [first, second] = [tempDir('search'), tempDir('search')];
    await writeSearchIndex(modelDir, first);
    await writeSearchIndex(modelDir, second);
    const files = listFiles(path.join(first, 'pagefind'));
    expect(files).toContain('pagefind.js');
    expect(listFiles(path.join(second, 'pagefind'))).toEqual(files);
    for (const file of files) expect(readFileSync(path.join(second, 'pagefind', file))).toEqual(readFileSync(path.join(first, 'pagefind', file)));
  });
});
