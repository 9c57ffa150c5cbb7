/**
 * The words of every built page of both editions of the sample: no raw ISO months or days (dates
 * go through one formatter per locale), no raw config IDs, negatives with a true minus sign, and
 * each edition in its own language (data names aside).
 */
import { describe, expect, it } from 'vitest';
import { builtSample, listFiles, readText } from '../support/sites.ts';
import { configIds, dataWords, languageProblems, visibleText, wordProblems } from '../support/page-words.ts';

describe.each(['zh-CN', 'en'] as const)('the words of every page (%s)', (locale) => {
  it('has no raw ISO dates, raw config IDs or ASCII hyphen negatives', async () => {
    const site = await builtSample(locale);
    // In English a config ID may be a plain word (review, service); there only codes count.
    const ids = configIds('data').filter((id) => locale === 'zh-CN' || /[-_\d]/.test(id));
    const problems = listFiles(site)
      .filter((file) => file.endsWith('.html'))
      .flatMap((file) => wordProblems(visibleText(readText(site, file)), ids).map((problem) => `${file}: ${problem}`));
    // Listed in full on failure, but only the first few: one mistake repeats on every page.
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('speaks one language: no English words in the zh-CN edition, no Chinese in the en edition but data', async () => {
    const site = await builtSample(locale);
    const data = dataWords('data');
    const problems = listFiles(site)
      .filter((file) => file.endsWith('.html'))
      .flatMap((file) => languageProblems(visibleText(readText(site, file)), locale, data).map((problem) => `${file}: ${problem}`));
    expect(problems.slice(0, 20)).toEqual([]);
  });
});

describe('languageProblems', () => {
  it('finds the other language outside data names', () => {
    expect(languageProblems('城东支行 得分 95 分，下载 CSV 或 Excel', 'zh-CN', [])).toEqual([]);
    expect(languageProblems('城东支行 score 95 分', 'zh-CN', [])).toHaveLength(1);
    expect(languageProblems('Zheng Yi of 城东支行营业部 scored 95 分', 'en', ['城东支行营业部'])).toEqual([expect.stringMatching(/^Chinese "分" in /)]);
    expect(languageProblems('Outlet S0012 ranked 3 of 12 in Q4', 'en', [])).toEqual([]);
  });
});

describe('wordProblems', () => {
  it('finds each kind of mistake, and passes formatted words', () => {
    expect(wordProblems('2025年10月 · 25 Mar 2025 · −3 · 2025年第4季度 · S0012', ['quarterly'])).toEqual([]);
    expect(wordProblems('2025-10 and 2025-03-25', [])).toHaveLength(2);
    expect(wordProblems('满意 2 分，不满意 -2 分', [])).toHaveLength(1);
    expect(wordProblems('按 quarterly 计', ['quarterly'])).toHaveLength(1);
    expect(wordProblems('500 yuan if ranked 1 from the bottom; Points (points)', [])).toHaveLength(2);
    expect(wordProblems('500 yuan if ranked last; Score (points); ranked 11 from the bottom', [])).toEqual([]);
  });
});
