/** The one formatter of days and months per language. */
import { describe, expect, it } from 'vitest';
import { formatDay, formatMonth } from '../../src/config/dates.ts';

describe('formatDay and formatMonth', () => {
  it('write days and months as each language does', () => {
    expect(formatDay('2025-03-25', 'zh-CN')).toBe('2025年3月25日');
    expect(formatDay('2025-03-05', 'en')).toBe('5 Mar 2025');
    expect(formatMonth('2025-10', 'zh-CN')).toBe('2025年10月');
    expect(formatMonth('2025-09-01', 'en')).toBe('Sep 2025');
  });
});
