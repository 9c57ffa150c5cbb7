/**
 * The site model's schemas (src/site/schema.ts): the hand-written render fixture
 * (tests/fixtures/site-model) is a model the export could have written, file by file, and a file
 * that strays from its schema is refused naming the file and the field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkedModel, modelSchema } from '../../src/site/schema.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/site-model');
const fixtureFiles = readdirSync(FIXTURE, { withFileTypes: true, recursive: true })
  .filter((e) => e.isFile())
  .map((e) => path.relative(FIXTURE, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
  .sort();
const readFixture = (file: string): unknown => JSON.parse(readFileSync(path.join(FIXTURE, file), 'utf8'));

describe('site model schemas', () => {
  it('covers every kind of file of the render fixture', () => {
    expect(new Set(fixtureFiles.map((f) => f.split('/')[0]))).toEqual(
      new Set(['site.json', 'entities.json', 'findings.json', 'findings', 'notices.json', 'earlier-notices.json', 'changes.json', 'rankings', 'units', 'staff']),
    );
  });

  it.each(fixtureFiles)('accepts the fixture %s', (file) => {
    const result = modelSchema(file).safeParse(readFixture(file));
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('refuses a field of the wrong type, naming the file and where the field is', () => {
    const page = readFixture('units/O1.json') as { postings: { points: unknown }[] };
    expect(page.postings.length).toBeGreaterThan(0);
    page.postings[0]!.points = '12';
    expect(() => checkedModel('units/O1.json', page)).toThrow(/site model units\/O1\.json does not match[\s\S]*postings\[0\]\.points/);
  });

  it('refuses a field no schema names, so an internal field cannot reach a public page unseen', () => {
    const findings = readFixture('findings.json') as Record<string, unknown>[];
    findings[0]!.employeeNo = 'E123';
    expect(() => checkedModel('findings.json', findings)).toThrow(/Unrecognized key: "employeeNo"/);
  });

  it('refuses a file it has no schema for', () => {
    expect(() => checkedModel('secrets.json', {})).toThrow('site model secrets.json: no schema in src/site/schema.ts says what this file holds');
  });
});
