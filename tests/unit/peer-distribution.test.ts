import { describe, expect, it } from 'vitest';
import { MAX_PEER_DOTS, median, peerDistribution } from '../../src/site/peer-distribution.ts';

describe('peerDistribution', () => {
  it('keeps every score while there are few, with the median', () => {
    expect(median([1, 2, 9])).toBe(2);
    expect(median([1, 2, 4, 9])).toBe(3);
    expect(peerDistribution([80, 90, 95])).toEqual({ count: 3, median: 90, scores: [80, 90, 95], bins: null });
  });

  it('bins a large ranking into equal widths that hold every score, the top one in the last bin', () => {
    // 0, 1, …, 479: 480 scores over 24 bins of width 479 / 24.
    const sorted = Array.from({ length: MAX_PEER_DOTS + 180 }, (_, i) => i);
    const { scores, bins, median: middle, count } = peerDistribution(sorted);
    expect(scores).toBeNull();
    expect(count).toBe(480);
    expect(middle).toBe(239.5);
    expect(bins).toHaveLength(24);
    expect(bins!.reduce((sum, b) => sum + b.count, 0)).toBe(480);
    expect(bins![0]).toEqual({ from: 0, to: 479 / 24, count: 20 });
    expect(bins!.at(-1)!.to).toBe(479);
    expect(bins!.at(-1)!.count).toBe(20);
  });

  it('puts a ranking of one score everywhere into one bin', () => {
    expect(peerDistribution(Array.from({ length: 400 }, () => 7)).bins).toEqual([{ from: 7, to: 7, count: 400 }]);
  });
});
