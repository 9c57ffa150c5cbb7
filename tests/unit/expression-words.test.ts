import { describe, expect, it } from 'vitest';
import { wordAmount, wordCondition, wordValue } from '../../src/site/expression-words.ts';
import { noticeTitle } from '../../src/site/i18n/index.ts';

describe('award expressions read as prose', () => {
  it('words a score test with 分 and ranks as places', () => {
    expect(wordCondition('rank_from_bottom <= 100 AND score < 98', 'zh-CN')).toBe('倒数前100名且得分低于98分');
    expect(wordCondition('rank_from_bottom <= 100 AND score < 98', 'en')).toBe('among the bottom 100 and the score is below 98 points');
    expect(wordCondition('rank_from_bottom BETWEEN 101 AND 200 AND score < 98', 'zh-CN')).toBe('倒数第101至200名且得分低于98分');
    expect(wordCondition('rank_from_bottom BETWEEN 101 AND 200', 'en')).toBe('ranked 101 to 200 from the bottom');
    // The last place is "last", others an ordinal: never "ranked 1 from the bottom".
    expect(wordCondition('rank_from_bottom = 1', 'en')).toBe('ranked last');
    expect(wordCondition('rank_from_bottom = 2', 'en')).toBe('ranked 2nd from the bottom');
    expect(wordCondition('rank_from_bottom = 13', 'en')).toBe('ranked 13th from the bottom');
    expect(wordCondition('rank_from_bottom = 23', 'en')).toBe('ranked 23rd from the bottom');
    expect(wordCondition('rank_from_bottom = 1', 'zh-CN')).toBe('倒数第1名');
    expect(wordCondition('target_met AND rank <= 2', 'zh-CN')).toBe('达到目标且排名前2名');
    // A constant on the left is the same test read from the column.
    expect(wordCondition('90 <= score', 'zh-CN')).toBe('得分不低于90分');
    expect(wordCondition('score >= 80 AND (score < 85 OR rank = 1)', 'zh-CN')).toBe('得分不低于80分且（得分低于85分或排名第1名）');
  });

  it('words a per-point fine and a CASE, never a function name', () => {
    expect(wordAmount('2000 + greatest(98 - score, 0) * 200', 'zh-CN')).toBe('2,000元，另得分低于98分时，每低1分200元');
    expect(wordAmount('2000 + greatest(98 - score, 0) * 200', 'en')).toBe('2,000 yuan, plus 200 yuan for each point the score is below 98 points');
    expect(wordAmount('CASE WHEN rank_from_bottom = 1 THEN 500 ELSE 300 END + greatest(target - score, 0) * 200', 'zh-CN')).toBe(
      '倒数第1名时500元，否则300元，另得分低于目标值时，每低1分200元',
    );
    expect(wordAmount('10 * greatest(score - 90, 0)', 'zh-CN')).toBe('得分高于90分时，每高1分10元');
    expect(wordAmount('1000 + (target - score) * 200', 'en')).toBe('1,000 yuan, plus 200 yuan for each point the score is below the target');
    expect(wordAmount('300 * first_reached_periods_ago', 'zh-CN')).toBe('300乘以首次达标距今期数（元）');
  });

  it('words other arithmetic and functions as phrases', () => {
    expect(wordValue('score / headcount', 'zh-CN')).toBe('得分除以人数');
    expect(wordValue('round(score * 2) - least(rank, 3)', 'en')).toBe('(the score times 2) rounded minus the smaller of the rank and 3');
    expect(wordValue('score / 4 + -1', 'en')).toBe('(the score divided by 4) plus −1');
  });

  it('keeps what it cannot parse as written, dropping nothing', () => {
    expect(wordCondition('score >= ', 'zh-CN')).toBe('score >= ');
  });
});

describe('noticeTitle', () => {
  it('composes by each language template and says a repeated word once', () => {
    expect(noticeTitle('上半年小评', '服务竞赛结果通报', 'zh-CN')).toBe('上半年小评服务竞赛结果通报');
    expect(noticeTitle('First-half review', 'Service competition results notice', 'en')).toBe('Service competition results notice, First-half review');
    expect(noticeTitle('2025年度', '年度奖励通报', 'zh-CN')).toBe('2025年度奖励通报');
    expect(noticeTitle('2025年第4季度', '季度最佳服务窗口评选结果公示', 'zh-CN')).toBe('2025年第4季度最佳服务窗口评选结果公示');
    // One shared character is not a repeated word.
    expect(noticeTitle('2025年', '年终评比', 'zh-CN')).toBe('2025年年终评比');
    expect(noticeTitle('Year', 'Decision', 'zh-CN')).toBe('Year Decision');
  });
});
