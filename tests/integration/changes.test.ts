/**
 * The clerk corrects one event of a month whose notice is published, and the site is rebuilt
 * over the published one: the "what changed" page names the event and flags the notice.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/pipeline/build.ts';
import { BuildError } from '../../src/config/diagnostics.ts';
import { tempDir } from '../support/fixture.ts';
import { builtSample, htmlProblems, readText } from '../support/sites.ts';

describe('a second build of the sample with one corrected event', () => {
  it('publishes a "what changed" page linking the event’s outlet and the notice to correct', async () => {
    const out = path.join(tempDir('changes'), 'site');
    cpSync(await builtSample('zh-CN'), out, { recursive: true });
    expect(readText(out, 'changes/index.html')).toContain('这是在此处发布的第一版网站');

    const data = path.join(tempDir('changes-data'), 'data');
    cpSync('data', data, { recursive: true, filter: (file) => !file.includes(`${path.sep}examples`) });
    const file = path.join(data, 'events', '2025-05.csv');
    // A verified complaint about outlet O05 on 6 May, corrected from 4 points to 10.
    const before = readFileSync(file, 'utf8');
    const corrected = before.replace('E0001131,2025-05-06,complaint,O05,,4,verified', 'E0001131,2025-05-06,complaint,O05,,10,verified');
    expect(corrected).not.toBe(before);
    writeFileSync(file, corrected);

    const report = await buildSite({ dataDir: data, outDir: out });
    expect(report.changes.tables.map((t) => [t.table, t.added.length, t.changed.map((r) => r.id), t.removed.length])).toEqual([['events', 0, ['E0001131'], 0]]);
    expect(report.changes.notices.filter((n) => n.corrected).map((n) => n.id)).toContain('monthly-2025-05');

    const page = readText(out, 'changes/index.html');
    expect(page).toContain('需要更正的公示');
    expect(page).toContain('E0001131');
    expect(page).toContain('href="/notices/monthly-2025-05/"');
    expect(page).toContain('href="/units/O05/"');
    expect(readText(out, 'index.html')).toContain('href="/changes/"');
    expect(await htmlProblems(out, ['changes/index.html'])).toEqual([]);

    // The notice keeps its URL as version 2, marked 更正; version 1 stays at v1/, and the feed has both.
    const notice = readText(out, 'notices/monthly-2025-05/index.html');
    expect(notice).toContain('更正');
    expect(notice).toContain('本通知第2版更正了此前发布的版本');
    expect(notice).toContain('href="/notices/monthly-2025-05/v1/"');
    expect(readText(out, 'notices/monthly-2025-05/v1/index.html')).toContain('这是本通知的第1版，已由第2版更正');
    const feed = readText(out, 'exports/notices.xml');
    expect(feed).toContain('<link rel="alternate" type="text/html" href="/notices/monthly-2025-05/v1/"/>');
    expect(feed).toContain('【更正·第2版】');
    expect(await htmlProblems(out, ['notices/monthly-2025-05/index.html', 'notices/monthly-2025-05/v1/index.html'])).toEqual([]);
  });

  it('refuses a correction when neither the published site nor the office record kept an earlier version, and leaves that site as it was', async () => {
    const out = path.join(tempDir('changes-no-versions'), 'site');
    cpSync(await builtSample('zh-CN'), out, { recursive: true });
    rmSync(path.join(out, 'exports', 'notice-versions.json'));
    const home = readText(out, 'index.html');

    const data = path.join(tempDir('changes-data'), 'data');
    cpSync('data', data, { recursive: true, filter: (file) => !file.includes(`${path.sep}examples`) });
    // Nor does the office's record of posted notices hold one.
    const config = path.join(data, 'competition.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^published_notices:.*$/m, ''));
    const file = path.join(data, 'events', '2025-05.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('E0001131,2025-05-06,complaint,O05,,4,verified', 'E0001131,2025-05-06,complaint,O05,,10,verified'));

    const refused = await buildSite({ dataDir: data, outDir: out }).then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(BuildError);
    expect((refused as BuildError).diagnostics[0]).toMatchObject({ file: path.join(out, 'exports', 'notice-versions.json'), expected: expect.stringContaining('notice "monthly-2025-05"') });
    expect(readText(out, 'index.html')).toBe(home);
  });
});
