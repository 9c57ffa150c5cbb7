import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { peerDrawings, PEER_DRAWINGS_DIR } from '../../src/pipeline/peer-drawings.ts';

const of = (over = {}) => ({ rankingId: 'outlets', rankingLabel: '网点排名', periodId: '2025-10', periodLabel: '2025年10月', scoreId: 'service', scoreLabel: '服务积分', unit: 'points' as const, ...over });
const peers = { count: 4, median: 94, scores: [90, 93, 95, 99], bins: null };

describe('peerDrawings', () => {
  it('draws each ranking’s peers once per size and side, as files named by a hash, and gives a page only their names', () => {
    const publicDir = mkdtempSync(path.join(os.tmpdir(), 'peer-drawings-'));
    const standing = peerDrawings(publicDir, 'zh-CN', 2);
    const above = standing(of(), peers, 99);
    const alsoAbove = standing(of(), peers, 95);
    const below = standing(of(), peers, 90);
    expect(alsoAbove).toEqual(above);
    expect(above).toMatchObject({ rankingLabel: '网点排名', count: 4, median: 94, binned: false });
    expect(above.drawings.wide.file).toMatch(/^charts\/peers\/[0-9a-f]{16}-380-above\.svg$/);
    expect(above.drawings.narrow.file).toMatch(/^charts\/peers\/[0-9a-f]{16}-290-above\.svg$/);
    expect(below.drawings.wide.file).toBe(above.drawings.wide.file.replace('-above', '-below'));
    expect(below.table).toBe(above.table);
    expect(above.drawings.wide.domain).toEqual([90, 99]);
    // Two sides × two sizes and one table; another period of the ranking gets files of its own.
    expect(readdirSync(path.join(publicDir, PEER_DRAWINGS_DIR))).toHaveLength(5);
    const other = standing(of({ periodId: '../x' }), peers, 99);
    expect(other.drawings.wide.file).toMatch(/^charts\/peers\/[0-9a-f]{16}-380-above\.svg$/);
    expect(other.drawings.wide.file).not.toBe(above.drawings.wide.file);
    expect(readdirSync(path.join(publicDir, PEER_DRAWINGS_DIR))).toHaveLength(8);

    const svg = readFileSync(path.join(publicDir, above.drawings.wide.file), 'utf8');
    // A file of its own: its namespace and size, transparent over the page's card.
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* width="380" height="150"><style>svg\{background:none;/);
    expect(svg).toContain('<desc>共4个参评对象，中位数94.00分。</desc>');
    expect(svg.match(/<circle/g)).toHaveLength(4);
    expect(readFileSync(path.join(publicDir, above.table), 'utf8')).toBe('\uFEFF服务积分（分）\n90\n93\n95\n99\n');
  });

  it('writes a histogram’s ranges in its table, their titles in the build’s language', () => {
    const publicDir = mkdtempSync(path.join(os.tmpdir(), 'peer-drawings-'));
    const binned = { count: 600, median: 92, scores: null, bins: [{ from: 80, to: 90, count: 200 }, { from: 90, to: 100, count: 400 }] };
    const standing = peerDrawings(publicDir, 'en', 1)(of({ scoreLabel: '=Service' }), binned, 85);
    expect(standing.binned).toBe(true);
    expect(standing.drawings.wide.file).toMatch(/-380-below\.svg$/);
    // A label that starts like a formula stays text.
    expect(readFileSync(path.join(publicDir, standing.table), 'utf8')).toBe('\uFEFF\'=Service (points) from,\'=Service (points) to,Number ranked\n80,90,200\n90,100,400\n');
  });
});
