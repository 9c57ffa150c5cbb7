/** The messages of the `ledger` score model: its methodology sentences. */
import { kindWords } from '../kind.ts';

export const ledgerMessages = kindWords({
  'zh-CN': {
    'method.ledger': '{score}采用加减分制：{subjects}每个计分期间的起始分均为 {base} 分，按该期间的下列事项加分或扣分；期间内无事项的即为起始分。',
  },
  en: {
    'method.ledger': '{score} is a points ledger: in every period each {subjects} starts at {base} points, and the period\'s events below add or deduct points; a period without events scores {base}.',
  },
});
