/** The methodology page words award expressions in the page's language. */
import { describe, expect, it } from 'vitest';
import { wordExpression } from '../../src/pipeline/expression-words.ts';

describe('award expressions worded for the methodology page', () => {
  it('words S5’s phase-3 band and fine in Chinese and English', () => {
    expect(wordExpression('rank_from_bottom <= 100 AND score < 98', 'zh-CN')).toBe('倒数名次 ≤ 100 且 得分 < 98');
    expect(wordExpression('2000 + greatest(98 - score, 0) * 200', 'en')).toBe('2000 + the larger of (98 − score, 0) × 200');
  });

  it('keeps BETWEEN’s range apart from a logical AND', () => {
    expect(wordExpression('rank_from_bottom BETWEEN 101 AND 200 AND score < 98', 'zh-CN')).toBe('倒数名次 介于 101 至 200 且 得分 < 98');
    expect(wordExpression('rank_from_bottom BETWEEN 101 AND 200 AND score < 98', 'en')).toBe('rank from the bottom between 101 and 200 and score < 98');
  });

  it('brackets a CASE so its precedence reads right', () => {
    expect(wordExpression('CASE WHEN rank_from_bottom = 1 THEN 500 ELSE 300 END + greatest(target - score, 0) * 200', 'zh-CN')).toBe(
      '(若 倒数名次 = 1 则 500 否则 300) + 较大值(目标值 − 得分, 0) × 200',
    );
  });

  it('leaves numbers, negative constants and unknown names as written', () => {
    expect(wordExpression('score / 4 + -1', 'en')).toBe('score ÷ 4 + -1');
  });
});
