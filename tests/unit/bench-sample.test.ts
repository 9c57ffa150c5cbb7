/**
 * The correction `npm run bench -- --compare` makes to the sample between builds
 * (scripts/bench-sample.ts): one praise's points, 2 ↔ 3, and nothing else.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { correctEvent, findCorrectableEvent } from '../../scripts/bench-sample.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'podium-bench-sample-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the sample correction of npm run bench -- --compare', () => {
  it('changes one praise’s points in the sample, and back', () => {
    const dataDir = path.join(root, 'data');
    cpSync(path.resolve('data/events'), path.join(dataDir, 'events'), { recursive: true });
    const event = findCorrectableEvent(dataDir);
    const before = readFileSync(event.file, 'utf8').split('\n');
    correctEvent(event);
    const after = readFileSync(event.file, 'utf8').split('\n');
    const changed = after.flatMap((line, i) => (line === before[i] ? [] : [[before[i], line]]));
    expect(changed).toHaveLength(1);
    const [was, now] = changed[0]!.map((line) => line!.split(','));
    expect(was![0]).toBe(event.eventId);
    expect(was![2]).toBe('praise');
    expect([was![event.column], now![event.column]].sort()).toEqual(['2', '3']);
    correctEvent(event);
    expect(readFileSync(event.file, 'utf8').split('\n')).toEqual(before);
  });

  it('names the folder when no praise can be corrected', () => {
    const dataDir = path.join(root, 'no-praise');
    mkdirSync(path.join(dataDir, 'events'), { recursive: true });
    writeFileSync(path.join(dataDir, 'events', '2025-01.csv'), 'event_id,date,type,unit_id,staff_id,points\nE1,2025-01-02,complaint,,S1,-2\n');
    expect(() => findCorrectableEvent(dataDir)).toThrow(`${path.join(dataDir, 'events')}: expected an events file with a praise of 2 or 3 points to correct, found none`);
  });
});
