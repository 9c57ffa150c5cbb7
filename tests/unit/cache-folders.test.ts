/**
 * The clean-up of cache folders (src/pipeline/cache-folders.mjs): the folders used last are kept, and a
 * folder another build is still writing, with no marker yet, is not taken for the oldest.
 */
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepNewestFolders, markInUse } from '../../src/pipeline/cache-folders.mjs';
import { tempDir } from '../support/fixture.ts';

describe('cache folders', () => {
  it('keeps the folders used last, counting a folder marked in use before its marker is written', () => {
    const root = tempDir('caches');
    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    const folder = (name: string, markerAge: number | null) => {
      const dir = path.join(root, name);
      mkdirSync(dir);
      if (markerAge !== null) {
        writeFileSync(path.join(dir, 'pages.json'), '{}');
        utimesSync(path.join(dir, 'pages.json'), minutesAgo(markerAge), minutesAgo(markerAge));
      }
      utimesSync(dir, minutesAgo(60), minutesAgo(60));
      return dir;
    };
    folder('old', 30);
    folder('recent', 5);
    // Another build's cache, half written: no marker yet, but marked in use as its render began.
    const writing = folder('writing', null);
    writeFileSync(path.join(writing, 'page.html'), '<p>');
    markInUse(writing);
    keepNewestFolders(root, 'pages.json', 2);
    expect(readdirSync(root).sort()).toEqual(['recent', 'writing']);
    expect(existsSync(path.join(writing, 'page.html'))).toBe(true);
  });
});
