/** The messages of the `rollup` score model: its methodology sentences. */
import { kindWords } from '../kind.ts';

export const rollupMessages = kindWords({
  'zh-CN': {
    'method.rollup.sum': '{score}：各{subjects}得分为所辖{from}{of}之和。',
    'method.rollup.mean': '{score}：各{subjects}得分为所辖{from}{of}的平均值。',
    'method.rollup.weighted_mean': '{score}：各{subjects}得分为所辖{from}{of}按{weight}加权的平均值，每个下级单位均须有权数。',
    'method.rollup.min': '{score}：各{subjects}得分取所辖{from}{of}的最低分（“木桶原理”，以最短板计）。',
    'method.rollup.parts': '只计当期有得分的{from}；所辖{from}当期均无得分的（如没有{from}），该{subjects}当期不计分，不参加排名。',
  },
  en: {
    'method.rollup.sum': '{score}: each {subjects} scores the sum of {of} over the {from} beneath it.',
    'method.rollup.mean': '{score}: each {subjects} scores the mean of {of} over the {from} beneath it.',
    'method.rollup.weighted_mean': '{score}: each {subjects} scores the mean of {of} over the {from} beneath it, weighted by {weight}; every part needs a weight.',
    'method.rollup.min': '{score}: each {subjects} scores the lowest {of} of the {from} beneath it (the barrel rule: a unit is only as good as its weakest part).',
    'method.rollup.parts': 'Only the parts ({from}) with a score in the period count; any {subjects} with no such part (or no {from} beneath it at all) has no score that period and is not ranked.',
  },
});
