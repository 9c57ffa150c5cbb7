/**
 * "What changed": a build compares its data manifest with the one of the site it replaces.
 * Expected changes are worked out by hand from the s1-worked fixture (see scoring.test.ts).
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { diffCompetition } from '../../src/pipeline/build.ts';
import {
  compareManifests,
  DATA_MANIFEST_FILE,
  DATA_MANIFEST_ROWS_FILE,
  DATA_MANIFEST_VALUES_FILE,
  describeChanges,
  listedChanges,
  manifestValueChanges,
  previousManifest,
  type DataManifest,
  type ManifestRowChange,
} from '../../src/pipeline/data-manifest.ts';
import { entityRef, type NoticeDraft } from '../../src/site/model.ts';
import { buildModel, copyFixture, editFile, tempDir } from '../support/fixture.ts';

/** A folder that looks, to the next build, like the site published from `dataDir`. */
async function publishedFrom(dataDir: string): Promise<string> {
  const report = await buildModel(dataDir);
  const out = path.join(tempDir('published'), 'site');
  mkdirSync(path.join(out, 'exports'), { recursive: true });
  for (const file of [DATA_MANIFEST_FILE, DATA_MANIFEST_ROWS_FILE, DATA_MANIFEST_VALUES_FILE]) cpSync(path.join(report.modelDir, '..', 'public', 'exports', file), path.join(out, 'exports', file));
  return out;
}

/** The rows of a Parquet file, as written: the manifest's rows [table, id, hash, date, subject] or values [kind, of, period, entity, value]. */
async function rowsIn(file: string): Promise<(string | number | null)[][]> {
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  try {
    return (await db.runAndReadAll(`SELECT * FROM read_parquet('${file}')`)).getRowsJS() as (string | number | null)[][];
  } finally {
    db.closeSync();
  }
}

const sha256 = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');

const changesOf = async (dataDir: string, outDir: string) => (await diffCompetition({ dataDir, outDir })).changes;

describe('what changed between two builds', () => {
  it('lists rows by ID and the scores and ranks they moved, not the scores of a new period', async () => {
    const before = copyFixture('s1-worked');
    const out = await publishedFrom(before);
    const after = copyFixture('s1-worked');
    editFile(after, 'events.csv', (text) =>
      text
        .replace('E1,2009-08-05,complaint,,S1,4,', 'E1,2009-08-05,complaint,,S1,6,')
        .replace(/E4,.*\n/, '')
        .concat('E5,2009-09-02,praise,,S2,2,verified,客户表扬信\n'),
    );
    const changes = await changesOf(after, out);
    expect(changes.previousAsOf).toBe('2009-08-31');
    expect(changes.tables.map((t) => [t.table, t.added.map((r) => r.id), t.changed.map((r) => r.id), t.removed.map((r) => r.id)])).toEqual([
      ['events', ['E5'], ['E1'], ['E4']],
    ]);
    expect(changes.tables[0]!.changed[0]).toMatchObject({ date: '2009-08-05', entity: { key: 'staff:S1', ref: { path: 'staff/S1/' } } });
    // E5 moves the data date into September: a period the last build did not show.
    expect(changes.newPeriods.map((p) => p.id)).toEqual(['2009-09']);
    // 张三 (S1): August 100 − 4 − 3 + 5 = 98 becomes 100 − 6 − 3 + 5 = 96, and so does the whole
    // competition; 李四 (S2): 96 (the cascade of S1's violation) + 2 = 98 overall. The ranks of
    // the competition swap; in August both have 96 and share rank 1.
    const lines = Object.fromEntries(changes.entities.map((e) => [e.entity.key, e.changes.map((c) => `${c.what} ${c.periodId} ${c.before}→${c.after}`)]));
    expect(lines).toEqual({
      'staff:S1': ['score 2009-08 98→96', 'score overall 98→96', 'rank overall 1→2'],
      'staff:S2': ['score overall 96→98', 'rank 2009-08 2→1', 'rank overall 2→1'],
    });
  });

  it('reports nothing when only an internal note changed in a public build, and the row in an internal one', async () => {
    const withNote = (note: string, audience: string) => {
      const dir = copyFixture('s1-worked');
      editFile(dir, 'events.csv', (text) => text.replace(/\n/g, ',x\n').replace(',x\n', ',note\n').replace('客户来信,x', `客户来信,${note}`));
      editFile(dir, 'competition.yaml', (text) => `${text}\naudience: ${audience}\n`);
      return dir;
    };
    const publicOut = await publishedFrom(withNote('first remark', 'public'));
    const publicChanges = await changesOf(withNote('second remark', 'public'), publicOut);
    expect(publicChanges.tables).toEqual([]);
    expect(publicChanges.entities).toEqual([]);
    const internalOut = await publishedFrom(withNote('first remark', 'internal'));
    const internalChanges = await changesOf(withNote('second remark', 'internal'), internalOut);
    expect(internalChanges.tables.map((t) => [t.table, t.changed.map((r) => r.id)])).toEqual([['events', ['E1']]]);
  });

  it('hashes what a masked edition shows: a new full name behind the same mask or a withheld description is no change, a new mask is', async () => {
    const masked = (edit: (events: string, staff: string) => [string, string]) => {
      const dir = copyFixture('s1-worked');
      editFile(dir, 'competition.yaml', (text) => `${text}\npublic:\n  staff_names: masked\n  event_sources: false\n`);
      const [events, staff] = edit(readFileSync(path.join(dir, 'events.csv'), 'utf8'), readFileSync(path.join(dir, 'staff.csv'), 'utf8'));
      writeFileSync(path.join(dir, 'events.csv'), events);
      writeFileSync(path.join(dir, 'staff.csv'), staff);
      return dir;
    };
    const out = await publishedFrom(masked((events, staff) => [events, staff]));
    // 张三 → 张山: both read 张* in this edition; 客户来信 → 客户电话: descriptions are not shown.
    const unseen = await changesOf(masked((events, staff) => [events.replace('客户来信', '客户电话'), staff.replace('S1,张三,', 'S1,张山,')]), out);
    expect(unseen.tables).toEqual([]);
    // 李四 → 李小四: 李* becomes 李*四, a change the reader sees.
    const seen = await changesOf(masked((events, staff) => [events, staff.replace('S2,李四,', 'S2,李小四,')]), out);
    expect(seen.tables.map((t) => [t.table, t.changed.map((r) => r.id)])).toEqual([['staff', ['S2']]]);
  });

  it('holds no person’s row, score or rank in an edition without staff pages or staff rankings', async () => {
    const dir = copyFixture('s1-worked');
    editFile(dir, 'competition.yaml', (text) => `${text}\npublic:\n  staff_pages: false\n  staff_rankings: []\n`);
    const report = await buildModel(dir);
    const exportsDir = path.join(report.modelDir, '..', 'public', 'exports');
    const manifest = JSON.parse(readFileSync(path.join(exportsDir, DATA_MANIFEST_FILE), 'utf8')) as DataManifest;
    const rows = await rowsIn(path.join(exportsDir, DATA_MANIFEST_ROWS_FILE));
    const values = await rowsIn(path.join(exportsDir, DATA_MANIFEST_VALUES_FILE));
    const aboutStaff = (entity: unknown) => String(entity).startsWith('staff:');
    expect(values.filter(([, , , entity]) => aboutStaff(entity))).toEqual([]);
    expect(rows.filter(([, , , , subject]) => aboutStaff(subject))).toEqual([]);
    expect([...new Set(values.filter(([kind]) => kind === 'rank').map(([, ranking]) => ranking))]).toEqual(['departments', 'outlets']);
    // The units stay: A and its department A-YYS, and the survey V1 of A.
    expect(rows.filter(([table]) => table === 'units').map(([, id]) => id)).toEqual(['A', 'A-YYS']);
    expect(rows.filter(([table]) => table === 'surveys').map(([, id]) => id)).toEqual(['V1']);
    expect(manifest.rowsSha256).toBe(sha256(readFileSync(path.join(exportsDir, DATA_MANIFEST_ROWS_FILE))));
    expect(manifest.valuesSha256).toBe(sha256(readFileSync(path.join(exportsDir, DATA_MANIFEST_VALUES_FILE))));
    expect(values.some(([kind, , , entity]) => kind === 'score' && entity === 'unit:A')).toBe(true);
  });

  it('says so when there is no earlier build to compare with', async () => {
    const changes = await changesOf(copyFixture('s1-worked'), path.join(tempDir('empty'), 'site'));
    expect(changes).toEqual({ previousAsOf: null, tables: [], newPeriods: [], entityCount: 0, entities: [], notices: [] });
    expect(describeChanges(changes)).toEqual(['what changed: no earlier build published here to compare with']);
  });
});

describe('notices whose published result moved', () => {
  const manifest = (rows: DataManifest['notices'][number]['rows'], notices = ['n-2009-08']): DataManifest => ({
    generator: 'podium-data',
    format: 3,
    competition: 'c',
    asOf: '2009-10-31',
    rowsSha256: '0'.repeat(64),
    valuesSha256: '0'.repeat(64),
    periods: ['2009-08'],
    notices: notices.map((id) => ({ id, periodId: '2009-08', start: '2009-08-01', end: '2009-08-31', rows })),
  });
  const notice = (id: string): NoticeDraft => ({
    id,
    kind: 'ranking',
    number: null,
    title: `title of ${id}`,
    issuer: '',
    date: '2009-09-05',
    opening: null,
    objectionWindow: null,
    status: null,
    contacts: [],
    seal: false,
    style: 'plain',
    objections: null,
    period: { id: '2009-08', kind: 'month', label: '2009-08', start: '2009-08-01', end: '2009-08-31', status: 'final', combine: [], targets: [] },
    sections: [{ kind: 'ranking', label: 'Staff', amount: null, amountVaries: false, recipients: 'unit', rows: [], tieOverflow: false, tieBreaks: [], ineligible: [], movedUp: [], unnamed: 0 }],
    findings: [],
  });
  const context = {
    periods: [],
    rankings: [],
    scoreLabels: new Map<string, string>(),
    entities: new Map([['staff:S1', entityRef('staff', 'S1', '张三')]]),
    notices: [notice('n-2009-08'), notice('n-2009-09')],
  };
  const unmoved = { entityCount: 0, moved: [] };

  it('flags a published notice whose ranks moved, with the changed records dated in its period', () => {
    const previous = manifest([[0, 'staff:S1', 1, 98, null], [0, 'staff:S2', 2, 96, null], [0, 'staff:S3', 3, 90, null]], ['n-2009-08', 'n-2009-07']);
    const current = manifest([[0, 'staff:S1', 2, 96, null], [0, 'staff:S2', 1, 98, null], [0, 'staff:S3', 3, 90, null]], ['n-2009-08', 'n-2009-09']);
    // E1 and E9 have another hash than before; E7 (2009-07-30, staff:S4) kept its own.
    const rowChanges: ManifestRowChange[] = [
      { table_name: 'events', id: 'E1', change: 'changed', date: '2009-08-05', subject: 'staff:S1' },
      { table_name: 'events', id: 'E9', change: 'changed', date: '2009-10-01', subject: 'unit:B' },
    ];
    const { notices } = compareManifests(previous, current, rowChanges, unmoved, context);
    expect(notices.map((n) => [n.id, n.corrected, n.path])).toEqual([
      ['n-2009-08', true, 'notices/n-2009-08/'],
      ['n-2009-09', false, 'notices/n-2009-09/'],
      ['n-2009-07', true, null],
    ]);
    const [moved] = notices;
    // S3 kept rank 3 and 90 points: not listed. S2 is no longer an entity of the data: no link.
    expect(moved!.rows).toEqual([
      { section: 'Staff', entity: { key: 'staff:S1', ref: entityRef('staff', 'S1', '张三') }, before: { rank: 1, score: 98, amount: null }, after: { rank: 2, score: 96, amount: null } },
      { section: 'Staff', entity: { key: 'staff:S2', ref: null }, before: { rank: 2, score: 96, amount: null }, after: { rank: 1, score: 98, amount: null } },
    ]);
    // E9 changed too, but in October and about another unit; E7 did not change.
    expect(moved!.causes.map((c) => `${c.table} ${c.id}`)).toEqual(['events E1']);
    expect(describeChanges(compareManifests(previous, current, rowChanges, unmoved, context))).toContain(
      '  notice n-2009-08: its published result changed (2 entries): published as a correction (更正), the earlier version kept at its own address; records behind it: events E1',
    );
  });

  it('leaves a notice alone when its result is the same', () => {
    const rows: DataManifest['notices'][number]['rows'] = [[0, 'staff:S1', 1, 98, null]];
    const changedE1: ManifestRowChange = { table_name: 'events', id: 'E1', change: 'changed', date: '2009-08-05', subject: 'staff:S1' };
    expect(compareManifests(manifest(rows), manifest(rows), [changedE1], unmoved, context).notices).toEqual([]);
  });
});

describe('the changes the page lists', () => {
  it('cuts each list to its first rows and keeps every count whole', () => {
    const rows = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, date: null, entity: null }));
    const entity = (id: string) => ({ entity: { key: `unit:${id}`, ref: null }, changes: [] });
    const full = {
      previousAsOf: '2009-08-31',
      tables: [{ table: 'events', counts: { added: 5, changed: 1, removed: 0 }, added: rows('A', 5), changed: rows('C', 1), removed: [] }],
      newPeriods: [],
      entityCount: 3,
      entities: [entity('U1'), entity('U2'), entity('U3')],
      notices: [{ id: 'n', title: 'n', path: null, corrected: true, rows: [], causes: rows('A', 5).map((r) => ({ ...r, table: 'events' })), causeCount: 5 }],
    };
    const listed = listedChanges(full, 2);
    expect(listed.tables[0]!.added.map((r) => r.id)).toEqual(['A0', 'A1']);
    expect(listed.tables[0]!.changed.map((r) => r.id)).toEqual(['C0']);
    expect(listed.tables[0]!.counts).toEqual({ added: 5, changed: 1, removed: 0 });
    expect([listed.entities.length, listed.entityCount]).toEqual([2, 3]);
    expect([listed.notices[0]!.causes.length, listed.notices[0]!.causeCount]).toEqual([2, 5]);
    // The build log counts them all, from the listed changes a build keeps as from every change.
    expect(describeChanges(full)).toContain('  events: 5 added (A0, A1, A2, A3, A4)');
    expect(describeChanges(listed)).toContain('  events: 5 added (A0, A1 and 3 more)');
    expect(describeChanges(listed)).toContain("  3 entities' scores or ranks changed");
  });
});

describe('the manifest of the site a build replaces', () => {
  const [rowsBytes, valuesBytes] = ['rows', 'values'];
  const siteWith = (text: string, rows: string | null = rowsBytes, values: string | null = valuesBytes) => {
    const out = path.join(tempDir('manifest'), 'site');
    mkdirSync(path.join(out, 'exports'), { recursive: true });
    writeFileSync(path.join(out, 'exports', DATA_MANIFEST_FILE), text);
    if (rows !== null) writeFileSync(path.join(out, 'exports', DATA_MANIFEST_ROWS_FILE), rows);
    if (values !== null) writeFileSync(path.join(out, 'exports', DATA_MANIFEST_VALUES_FILE), values);
    return out;
  };
  const valid: DataManifest = { generator: 'podium-data', format: 3, competition: 'c', asOf: '2009-08-31', rowsSha256: sha256(rowsBytes), valuesSha256: sha256(valuesBytes), periods: [], notices: [] };

  it('is read when it is this competition’s and its rows and values files are the ones written with it, and otherwise compared with nothing, with a note', () => {
    const notes: string[] = [];
    const site = siteWith(JSON.stringify(valid));
    expect(previousManifest(site, 'c', (note) => notes.push(note))).toEqual({
      manifest: valid,
      rowsFile: path.join(site, 'exports', DATA_MANIFEST_ROWS_FILE),
      valuesFile: path.join(site, 'exports', DATA_MANIFEST_VALUES_FILE),
    });
    expect(previousManifest(siteWith(JSON.stringify(valid)), 'other', (note) => notes.push(note))).toBeNull();
    expect(previousManifest(siteWith('{"generator":"podium-data","format":2,"tables":"<script>"}'), 'c', (note) => notes.push(note))).toBeNull();
    expect(previousManifest(siteWith('not json'), 'c', (note) => notes.push(note))).toBeNull();
    expect(previousManifest(path.join(tempDir('manifest'), 'none'), 'c', (note) => notes.push(note))).toBeNull();
    // The manifests of earlier Podiums: with their rows inline, and with their scores and ranks inline.
    expect(previousManifest(siteWith(JSON.stringify({ ...valid, format: 1, tables: {}, rowsSha256: undefined, valuesSha256: undefined })), 'c', (note) => notes.push(note))).toBeNull();
    expect(previousManifest(siteWith(JSON.stringify({ ...valid, format: 2, scores: [], ranks: [], valuesSha256: undefined })), 'c', (note) => notes.push(note))).toBeNull();
    expect(previousManifest(siteWith(JSON.stringify(valid), null), 'c', (note) => notes.push(note))).toBeNull();
    expect(previousManifest(siteWith(JSON.stringify(valid), 'other rows'), 'c', (note) => notes.push(note))).toBeNull();
    expect(previousManifest(siteWith(JSON.stringify(valid), rowsBytes, null), 'c', (note) => notes.push(note))).toBeNull();
    expect(previousManifest(siteWith(JSON.stringify(valid), rowsBytes, 'other values'), 'c', (note) => notes.push(note))).toBeNull();
    expect(notes.map((n) => n.replace(/^.*data-manifest(-rows|-values)?\.(json|parquet) /, ''))).toEqual([
      'belongs to competition "c": "what changed" compares with nothing',
      'is not a data manifest this Podium wrote: "what changed" compares with nothing',
      'is not a data manifest this Podium wrote: "what changed" compares with nothing',
      'is not a data manifest this Podium wrote: "what changed" compares with nothing',
      'is not a data manifest this Podium wrote: "what changed" compares with nothing',
      'is missing: "what changed" compares with nothing',
      'is not the rows file written with the manifest beside it: "what changed" compares with nothing',
      'is missing: "what changed" compares with nothing',
      'is not the values file written with the manifest beside it: "what changed" compares with nothing',
    ]);
  });

  /** The changes of E1's new points against a published site whose rows or values file is not Parquet, though its manifest names it. */
  async function changesAgainstUnreadable(file: string, shaKey: 'rowsSha256' | 'valuesSha256') {
    const out = await publishedFrom(copyFixture('s1-worked'));
    const manifestFile = path.join(out, 'exports', DATA_MANIFEST_FILE);
    writeFileSync(path.join(out, 'exports', file), 'not parquet');
    writeFileSync(manifestFile, JSON.stringify({ ...JSON.parse(readFileSync(manifestFile, 'utf8')), [shaKey]: sha256('not parquet') }));
    const after = copyFixture('s1-worked');
    editFile(after, 'events.csv', (text) => text.replace('E1,2009-08-05,complaint,,S1,4,', 'E1,2009-08-05,complaint,,S1,6,'));
    return diffCompetition({ dataDir: after, outDir: out });
  }

  it('lists no row when its rows file is not Parquet, with a note, and still compares scores', async () => {
    const { changes, notes } = await changesAgainstUnreadable(DATA_MANIFEST_ROWS_FILE, 'rowsSha256');
    expect(changes.tables).toEqual([]);
    expect(changes.entities.map((e) => e.entity.key)).toEqual(['staff:S1', 'staff:S2']);
    expect(notes.filter((n) => n.includes(DATA_MANIFEST_ROWS_FILE))).toEqual([expect.stringMatching(/could not be read \(.+\): no rows are listed as changed$/)]);
  });

  it('lists no score or rank when its values file is not Parquet, with a note, and still compares rows', async () => {
    const { changes, notes } = await changesAgainstUnreadable(DATA_MANIFEST_VALUES_FILE, 'valuesSha256');
    expect(changes.tables.map((t) => [t.table, t.changed.map((r) => r.id)])).toEqual([['events', ['E1']]]);
    expect([changes.entityCount, changes.entities]).toEqual([0, []]);
    expect(notes.filter((n) => n.includes(DATA_MANIFEST_VALUES_FILE))).toEqual([expect.stringMatching(/could not be read \(.+\): no scores or ranks are listed as changed$/)]);
  });
});

describe('the scores and ranks that moved', () => {
  /** A database holding this build's values, and the values file of the site it replaces, as `previous`. */
  async function compared(now: string, before: string, periods: { before: string[]; now: string[] }) {
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const valuesFile = path.join(tempDir('values'), DATA_MANIFEST_VALUES_FILE);
    const table = (rows: string) => `SELECT * FROM (VALUES ${rows}) v(kind, of, period_id, entity, value)`;
    await db.run(`COPY (${table(before)}) TO '${valuesFile}' (FORMAT parquet)`);
    await db.run(`CREATE TABLE manifest_values AS ${table(now)}`);
    const manifest: DataManifest = { generator: 'podium-data', format: 3, competition: 'c', asOf: '2009-08-31', rowsSha256: '0'.repeat(64), valuesSha256: '0'.repeat(64), periods: periods.before, notices: [] };
    return {
      listing: (listed: number) => manifestValueChanges(db, { manifest, rowsFile: '', valuesFile }, periods.now, listed, () => undefined),
      close: () => db.closeSync(),
    };
  }

  it('lists them by entity, scores before ranks, in the periods both builds show, the first entities only with every entity counted', async () => {
    const before = "('score','total','2009-08','unit:B',90.0), ('rank','units','2009-08','unit:B',1.0), ('score','total','2009-08','unit:A',80.0), ('score','total','2009-08','unit:C',70.0), ('score','total','2009-08','unit:D',60.0)";
    // A: 80 → 85 and now ranked; B: loses its rank; C: unchanged; D: gone; E: new; the new period 2009-09 is not compared.
    const now = "('score','total','2009-08','unit:B',90.0), ('score','total','2009-08','unit:A',85.0), ('rank','units','2009-08','unit:A',1.0), ('score','total','2009-08','unit:C',70.0), ('score','total','2009-08','unit:E',50.0), ('score','total','2009-09','unit:A',40.0)";
    const values = await compared(now, before, { before: ['2009-08'], now: ['2009-08', '2009-09'] });
    try {
      const all = await values.listing(Infinity);
      expect(all.entityCount).toBe(4);
      expect(all.moved.map((m) => `${m.entity} ${m.what} ${m.of} ${m.period_id} ${m.before}→${m.after}`)).toEqual([
        'unit:A score total 2009-08 80→85',
        'unit:A rank units 2009-08 null→1',
        'unit:B rank units 2009-08 1→null',
        'unit:D score total 2009-08 60→null',
        'unit:E score total 2009-08 null→50',
      ]);
      const firstTwo = await values.listing(2);
      expect(firstTwo.entityCount).toBe(4);
      expect([...new Set(firstTwo.moved.map((m) => m.entity))]).toEqual(['unit:A', 'unit:B']);
    } finally {
      values.close();
    }
  });

  it('lists nothing when nothing moved', async () => {
    const same = "('score','total','2009-08','unit:A',80.0)";
    const values = await compared(same, same, { before: ['2009-08'], now: ['2009-08'] });
    try {
      expect(await values.listing(50)).toEqual({ entityCount: 0, moved: [] });
    } finally {
      values.close();
    }
  });
});
