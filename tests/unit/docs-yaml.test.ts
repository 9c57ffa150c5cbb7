/**
 * Every ```yaml block of the configuration docs is a real config: people copy them. A block is
 * read by what the HTML comment on the line before its fence says:
 *   (nothing)                         a fragment of competition.yaml: its top-level keys replace
 *                                     those of a minimal valid config (a mapping such as `tables`
 *                                     adds its keys to the minimal one's)
 *   <!-- yaml: <section> -->          items of the list `<section>` (scores, event_types, awards,
 *                                     compliance …), which replace that list of the minimal config
 *   <!-- yaml: holiday-file -->       a holiday calendar file (holidays/<year>.yaml)
 *   <!-- yaml: invalid -->            a deliberately wrong example: the schema must refuse it
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CompetitionConfig } from '../../src/config/schema.ts';
import { readWorkingCalendar } from '../../src/config/working-days.ts';
import { tempDir } from '../support/fixture.ts';
import { MINIMAL_CONFIG } from '../support/minimal-config.ts';

const DOCS = ['README.md', 'docs/schemes.md', ...readdirSync('docs/config').filter((f) => f.endsWith('.md')).map((f) => `docs/config/${f}`)];

const MINIMAL: Record<string, unknown> = MINIMAL_CONFIG;

interface Block {
  where: string;
  marker: string | undefined;
  text: string;
}

function yamlBlocks(file: string): Block[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*```yaml\s*$/.test(lines[i]!)) continue;
    const before = lines.slice(0, i).reverse().find((line) => line.trim() !== '');
    const marker = before?.match(/^\s*<!--\s*yaml:\s*([\w-]+)\s*-->\s*$/)?.[1];
    const end = lines.findIndex((line, j) => j > i && /^\s*```\s*$/.test(line));
    expect(end, `${file}:${i + 1} has no closing fence`).toBeGreaterThan(i);
    blocks.push({ where: `${file}:${i + 1}`, marker, text: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return blocks;
}

const BLOCKS = DOCS.flatMap(yamlBlocks);

/** `base` with `fragment`'s keys: a mapping (tables, org) takes the fragment's keys beside its own, anything else is replaced. */
function merged(base: Record<string, unknown>, fragment: Record<string, unknown>): Record<string, unknown> {
  const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const result = { ...base };
  for (const [key, value] of Object.entries(fragment)) {
    const old = result[key];
    result[key] = isMapping(old) && isMapping(value) ? { ...old, ...value } : value;
  }
  return result;
}

/** The config a block stands for, or undefined for a holiday file. */
function configOf(block: Block): unknown {
  const value: unknown = parse(block.text);
  if (block.marker === undefined || block.marker === 'invalid') {
    expect(value, `${block.where}: a fragment is a mapping of top-level keys (or mark the block <!-- yaml: <section> -->)`).toBeTypeOf('object');
    expect(Array.isArray(value), `${block.where}: a list needs <!-- yaml: <section> --> before its fence`).toBe(false);
    return merged(MINIMAL, value as Record<string, unknown>);
  }
  return { ...MINIMAL, [block.marker]: Array.isArray(value) ? value : [value] };
}

describe('yaml blocks of the docs', () => {
  it('finds the blocks, each of a known kind', () => {
    expect(BLOCKS.length).toBeGreaterThanOrEqual(35);
    const sections = new Set([...Object.keys(CompetitionConfig.shape), 'holiday-file', 'invalid']);
    for (const block of BLOCKS) if (block.marker !== undefined) expect(sections.has(block.marker), `${block.where}: marker ${block.marker}`).toBe(true);
  });

  it.each(BLOCKS.filter((b) => b.marker !== 'holiday-file').map((b) => [b.where, b] as const))('%s is a valid config', (_, block) => {
    const result = CompetitionConfig.safeParse(configOf(block));
    if (block.marker === 'invalid') expect(result.success, `${block.where} is marked invalid but the schema takes it`).toBe(false);
    else expect(result.error?.issues ?? [], block.where).toEqual([]);
  });

  it.each(BLOCKS.filter((b) => b.marker === 'holiday-file').map((b) => [b.where, b] as const))('%s is a valid holiday file', (_, block) => {
    const dir = tempDir('docs-holidays');
    writeFileSync(path.join(dir, 'holidays.yaml'), block.text);
    expect(() => readWorkingCalendar(dir, { holidays: ['holidays.yaml'] })).not.toThrow();
  });
});
