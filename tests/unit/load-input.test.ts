/**
 * The loader's own reading of the input, below what the corpus (tests/bad/load-*) shows through
 * whole builds: the encoding rule on tricky byte mixes, the record count and line of each record,
 * the size limits on inputs too large to commit, and files that are not files.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { TABLE_FILE_LIMIT } from '../../src/pipeline/confine.ts';
import { detectEncoding, forbiddenCharacterAt, textPosition } from '../../src/config/encoding.ts';
import { FIELD_LIMIT_BYTES, recordLines, scanCsv, withLfLineEnds } from '../../src/pipeline/records.ts';
import { copyFixture, FIXTURES, refusal, tempDir } from '../support/fixture.ts';

const gbk = (text: string) => Buffer.from(new Uint8Array([...text].flatMap((c) => [...gbkBytes(c)])));
/** GBK bytes of one character; the runtime has a GBK decoder but no encoder, so look it up. */
function gbkBytes(char: string): Uint8Array {
  if (char.charCodeAt(0) < 0x80) return Buffer.from(char);
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const pair = new Uint8Array([lead, trail]);
      if (decoder.decode(pair) === char) return pair;
    }
  }
  throw new Error(`no GBK bytes for ${char}`);
}
const utf8 = (text: string) => Buffer.from(text);

describe('the encoding of a file is decided once, for the whole file', () => {
  it('reads valid UTF-8 as UTF-8, with or without a byte-order mark', () => {
    expect(detectEncoding(utf8('id,name\nS1,张三\n'))).toEqual({ kind: 'utf8', bom: false });
    expect(detectEncoding(utf8('\uFEFFid,name\nS1,张三\n'))).toEqual({ kind: 'utf8', bom: true });
  });

  it('reads a GB18030 file as Excel saves it, even when one of its lines happens to be valid UTF-8', () => {
    expect(detectEncoding(readFileSync(path.join(FIXTURES, 'encodings', 'staff-gb18030.csv')))).toMatchObject({ kind: 'gb18030' });
    // 谢 is D0 BB in GBK, which is also a valid UTF-8 character (л).
    const file = gbk('staff_id,name\nS1,谢\nS2,张三\n');
    expect(detectEncoding(file.subarray(0, 19))).toEqual({ kind: 'utf8', bom: false });
    expect(detectEncoding(file)).toEqual({ kind: 'gb18030', text: 'staff_id,name\nS1,谢\nS2,张三\n', badByte: 23 });
  });

  it('refuses a UTF-8 file with a GBK line, and a GBK file with a UTF-8 line, at the first non-UTF-8 byte', () => {
    const utf8First = Buffer.concat([utf8('id,name\nS1,张三\nS2,李四\n'), gbk('S3,王五\n')]);
    expect(detectEncoding(utf8First)).toEqual({ kind: 'mixed', badByte: utf8('id,name\nS1,张三\nS2,李四\nS3,').length, utf8Line: 2 });
    const gbkFirst = Buffer.concat([gbk('id,name\nS1,张三\nS2,李四\n'), utf8('S3,王五\n')]);
    expect(detectEncoding(gbkFirst)).toMatchObject({ kind: 'mixed', badByte: 11, utf8Line: 4 });
  });

  it('refuses Latin-1 rather than read "Hans Müller" as GB18030 "Hans M黮ler"', () => {
    const latin1 = Buffer.from('id,name\nS1,Hans Müller\nS2,José Núñez\n', 'latin1');
    expect(detectEncoding(latin1)).toEqual({ kind: 'windows-1252', badByte: 17 });
    expect(textPosition(latin1, 17)).toEqual({ line: 2, column: 10 });
  });

  it('recognises UTF-16 with and without a byte-order mark', () => {
    const text = 'id,name\nS1,Hans\n';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const bytes of [le, be, Buffer.concat([Buffer.from([0xff, 0xfe]), le]), Buffer.concat([Buffer.from([0xfe, 0xff]), be])]) {
      expect(detectEncoding(bytes)).toEqual({ kind: 'utf16' });
    }
  });
});

describe('records are counted and placed on their lines by Podium, not DuckDB', () => {
  const lines = (text: string) => {
    const bytes = utf8(text);
    const shape = scanCsv(bytes);
    return { records: shape.records, lines: [...recordLines(bytes, Array.from({ length: shape.records }, (_, i) => i)).values()] };
  };

  it('skips empty lines, as DuckDB does, without shifting later lines', () => {
    expect(lines('a,b\n1,2\n\n\n3,4\n')).toEqual({ records: 2, lines: [2, 5] });
  });

  it('counts LF, CRLF, CR and a mix of them as line ends, and line breaks inside quotes as lines', () => {
    expect(lines('a,b\r1,2\r3,4')).toEqual({ records: 2, lines: [2, 3] });
    expect(lines('a,b\r\n1,2\r\n\r\n3,4\r\n')).toEqual({ records: 2, lines: [2, 4] });
    expect(lines('a,b\n1,"x\r\ny\rz"\r3,4\r\n5,6\n')).toEqual({ records: 3, lines: [2, 5, 6] });
  });

  it('counts a record of empty fields, which DuckDB loads, but not an empty line', () => {
    expect(lines('a,b\n,\n\n')).toEqual({ records: 1, lines: [2] });
  });

  it('agrees with DuckDB on every random file it accepts: same records, none refused', async () => {
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const file = path.join(tempDir('csv-differential'), 'random.csv');
    const pieces = ['x', '中', ' ', '\t', ',', ',,', '"', '""', ',"', '",', '\n', '\r', '\r\n'];
    let seed = 20_260_804;
    // mulberry32: the same files on every run, so a failure can be replayed.
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    };
    let accepted = 0;
    for (let run = 0; run < 10_000 && accepted < 150; run++) {
      const body = Array.from({ length: 1 + Math.floor(random() * 30) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const bytes = utf8(`a,b,c\n${body}`);
      const shape = scanCsv(bytes);
      if (shape.problems.length > 0) continue;
      accepted++;
      writeFileSync(file, shape.carriageReturns ? withLfLineEnds(bytes) : bytes);
      await db.run('DROP TABLE IF EXISTS reject_errors; DROP TABLE IF EXISTS reject_scans');
      const read = await db.runAndReadAll(
        `SELECT count(*)::INTEGER AS loaded FROM read_csv($file, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
           columns = {'a': 'VARCHAR', 'b': 'VARCHAR', 'c': 'VARCHAR'}, store_rejects = true, ignore_errors = true)`,
        { file },
      );
      const refused = await db.runAndReadAll('SELECT count(*)::INTEGER AS refused FROM reject_errors');
      expect({ body, ...read.getRowObjectsJS()[0], ...refused.getRowObjectsJS()[0] }).toEqual({ body, loaded: shape.records, refused: 0 });
    }
    expect(accepted).toBe(150);
  });
});

describe('size limits are checked before DuckDB reads a file', () => {
  it('refuses a 600 KB line in well under 5 s (DuckDB\'s reject store took 547 s)', async () => {
    const dir = copyFixture('s1-worked');
    writeFileSync(path.join(dir, 'events.csv'), `${readFileSync(path.join(dir, 'events.csv'), 'utf8')}E5,2009-09-01,praise,,S1,5,verified,${'x'.repeat(600_000)}\n`);
    const started = performance.now();
    const problems = await refusal(dir);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(problems).toEqual([expect.objectContaining({ line: 6, column: 8, expected: `a field of at most ${FIELD_LIMIT_BYTES / 1024} KiB` })]);
  });

  it('refuses a 33 MB field, which DuckDB dropped without a reject row, moving a score', async () => {
    const dir = copyFixture('s1-worked');
    const huge = `E5,2009-09-01,praise,,S1,5,verified,"${'长'.repeat(11_000_000)}"\nE6,2009-09-02,praise,,S1,5,verified,ok\n`;
    writeFileSync(path.join(dir, 'events.csv'), readFileSync(path.join(dir, 'events.csv'), 'utf8') + huge);
    const problems = await refusal(dir);
    expect(problems).toEqual([expect.objectContaining({ line: 6, column: 8, expected: 'a field of at most 16 KiB', found: expect.stringContaining('the record has 32227 KiB') })]);
  });

  it('refuses a glob matching more files than the limit before reading one (10,000 took over a minute)', async () => {
    const dir = copyFixture('s1-worked');
    mkdirSync(path.join(dir, 'days'));
    const header = readFileSync(path.join(dir, 'events.csv'), 'utf8').split('\n')[0];
    for (let day = 0; day <= TABLE_FILE_LIMIT; day++) writeFileSync(path.join(dir, 'days', `${day}.csv`), `${header}\n`);
    writeFileSync(path.join(dir, 'competition.yaml'), readFileSync(path.join(dir, 'competition.yaml'), 'utf8').replace('events: events.csv', 'events: days/*.csv'));
    const started = performance.now();
    const problems = await refusal(dir);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(problems).toEqual([expect.objectContaining({ field: 'tables.events', line: 15, found: `${TABLE_FILE_LIMIT + 1} files` })]);
  });
});

describe('only regular files are read', () => {
  it.skipIf(process.platform === 'win32')('refuses a named pipe instead of hanging on it', async () => {
    const dir = copyFixture('s1-worked');
    rmSync(path.join(dir, 'staff.csv'));
    execFileSync('mkfifo', [path.join(dir, 'staff.csv')]);
    const problems = await refusal(dir);
    expect(problems).toEqual([expect.objectContaining({ field: 'tables.staff', line: 14, found: expect.stringContaining('staff.csv: a named pipe (FIFO), not a file') })]);
  });

  it.skipIf(process.platform === 'win32')('refuses a competition.yaml that is a named pipe instead of hanging on it', async () => {
    const dir = copyFixture('s1-worked');
    rmSync(path.join(dir, 'competition.yaml'));
    execFileSync('mkfifo', [path.join(dir, 'competition.yaml')]);
    const problems = await refusal(dir);
    expect(problems).toEqual([expect.objectContaining({ found: 'a named pipe (FIFO), not a file' })]);
  });
});

describe('characters no page may hold', () => {
  const at = (text: string) => forbiddenCharacterAt(Buffer.from(text, 'utf8'), 0)?.what ?? null;

  it('refuses the noncharacters of every plane, which HTML and XML forbid', () => {
    for (const text of ['\uFFFE', '\uFFFF', '\uFDD0', '\uFDEF', '\u{1FFFE}', '\u{10FFFF}', '\u{2FFFF}']) expect(at(text), text).toBe('a noncharacter, which no page may hold');
  });

  it('refuses the invisible direction marks and the line and paragraph separators', () => {
    for (const text of ['\u200E', '\u200F', '\u061C']) expect(at(text), text).toBe('an invisible text-direction mark, which makes names that look alike differ');
    for (const text of ['\u2028', '\u2029']) expect(at(text), text).toBe('a line or paragraph separator, which breaks the line on a page');
  });

  it('accepts their neighbours: full-width punctuation, the replacement sign, emoji, rare CJK, U+FDF0, Arabic letters, zero-width joiners, dashes', () => {
    for (const text of ['，', '（', '\uFFFD', '\uFFEE', '\uFDCF', '\uFDF0', '😀', '\u{20000}', '\u{1FFFD}', '\u{10FFFD}', '\u061B', '\u061D', 'ع', '\u200D', '\u2010', '\u2027', '\u202F']) {
      expect(at(text), text).toBeNull();
    }
  });
});
