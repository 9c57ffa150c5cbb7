/** Every message the pipeline emits has words, with every placeholder filled, in both languages. */
import { describe, expect, it } from 'vitest';
import { readCompetition } from '../../src/config/read.ts';
import { LOCALES } from '../../src/config/schema.ts';
import { describeMethodology } from '../../src/site/methodology.ts';
import { i18n, message } from '../../src/site/i18n/index.ts';
import zhCN from '../../src/site/i18n/zh-CN.json';
import en from '../../src/site/i18n/en.json';
import path from 'node:path';
import { FIXTURES } from '../support/fixture.ts';

describe('message catalogs', () => {
  it('have the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it.each(LOCALES)('word every methodology item of the sample and the fixtures (%s)', (locale) => {
    for (const dir of ['data', ...['s1-worked', 'ranks', 'missing-rules', 'hourly-patrol'].map((name) => path.join(FIXTURES, name))]) {
      for (const section of describeMethodology(readCompetition(dir, locale))) {
        expect(message(locale, section.headingKey, section.headingValues)).not.toMatch(/\{\w+\}/);
        for (const item of section.items) expect(message(locale, item.key, item.values)).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('words the inspection method in the build’s language', () => {
    expect(message('zh-CN', 'evidence.inspection', { method: 'video', minutes: 6, inspector: '王五' })).toContain('视频');
    expect(message('en', 'evidence.inspection', { method: 'video', minutes: 6, inspector: 'Wang' })).toBe('video inspection, 6 minutes, by Wang');
  });

  it('words a one-day range as that day (an hour slot’s findings)', () => {
    const { dateRange } = i18n('en', 2);
    expect(dateRange('2025-06-03', '2025-06-03').replace(/\s/g, ' ')).toBe('3 Jun 2025');
    expect(dateRange('2025-06-02', '2025-06-03')).toContain('–');
  });
});

describe('numbers with their units', () => {
  const zh = i18n('zh-CN', 1);
  const english = i18n('en', 2);

  it('shows a count as a whole number, a rate with %, points with 分, and negatives with a true minus', () => {
    expect(zh.scoreWithUnit(3, 'count')).toBe('3次');
    expect(zh.scoreWithUnit(92.5, 'percent')).toBe('92.5%');
    expect(zh.scoreWithUnit(-2, 'points')).toBe('\u22122.0分');
    expect(english.scoreIn(4, 'count')).toBe('4');
    expect(english.scoreIn(-0.5, null)).toBe('\u22120.50');
    expect(english.titleWithUnit('Score', 'yuan')).toBe('Score (yuan)');
    expect(english.signed(-3)).toBe('\u22123');
  });

  it('does not repeat a unit the title already ends with', () => {
    expect(english.titleWithUnit('Service points', 'points')).toBe('Service points');
    expect(english.titleWithUnit('Points scored today', 'points')).toBe('Points scored today (points)');
    expect(english.titleWithUnit('Checkpoints', 'points')).toBe('Checkpoints (points)');
    expect(zh.titleWithUnit('服务积分', 'points')).toBe('服务积分（分）');
  });

  it('words a count with the noun that agrees with it', () => {
    // en: {points|point|points} is "point" for 1 and −1, "points" for anything else; zh-CN has no plural.
    expect(message('en', 'method.event.deduct.fixed', { type: 'Late', points: 1 })).toBe('Late: deduct 1 point.');
    expect(message('en', 'method.event.deduct.fixed', { type: 'Late', points: 0.5 })).toBe('Late: deduct 0.5 points.');
    expect(message('en', 'method.event.deduct.fixed', { type: 'Late', points: 3 })).toBe('Late: deduct 3 points.');
    expect(message('en', 'entity.value.points', { value: -1 })).toBe('\u22121 point');
    expect(message('zh-CN', 'method.event.deduct.fixed', { type: '迟到', points: 1 })).not.toMatch(/[{}|]/);
  });
});

