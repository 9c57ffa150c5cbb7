/** The messages of the `ledger` score model: its methodology sentences. */
import { kindWords } from '../kind.ts';

export const ledgerMessages = kindWords({
  'zh-CN': {
    'method.ledger': '{score}采用加减分制：{subjects}的起始分均为 {base} 分，按下列事项加分或扣分。',
  },
  en: {
    'method.ledger': '{score} is a points ledger: each {subjects} starts at {base} points, and the events below add or deduct points.',
  },
});
