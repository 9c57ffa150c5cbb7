/**
 * Optional English names: the English edition shows `name_en` where a row gives one and the
 * Chinese name where it is empty; the Chinese edition never shows it.
 */
import { cpSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/pipeline/build.ts';
import type { Locale } from '../../src/config/schema.ts';
import { editFile, readOutputs, tempDir } from '../support/fixture.ts';

async function buildWithEnglishNames(locale: Locale) {
  const data = tempDir('names-en');
  cpSync('data/examples/s2-subbranch-annual', data, { recursive: true });
  editFile(data, 'staff.csv', (text) =>
    text
      .replace('staff_id,name,unit_id', 'staff_id,name,name_en,unit_id')
      .replace('S11,赵一,W1', 'S11,赵一,Zhao Yi,W1')
      .replace(/^(S1[2-9]|S[2-9]\d),([^,\n]*),/gm, '$1,$2,,'),
  );
  editFile(data, 'units.csv', (text) =>
    text.replace('unit_id,name,level', 'unit_id,name,name_en,level').replace(/^(\w+),([^,\n]*),/gm, (line, id: string, name: string) => (id === 'unit_id' ? line : `${id},${name},${id === 'W1' ? 'Business Dept.' : ''},`)),
  );
  return buildSite({ dataDir: data, outDir: path.join(tempDir('out'), 'site'), modelOnly: true, locale });
}

describe('name_en', () => {
  it('names people and units in English where the data does, and in Chinese where it does not', async () => {
    const report = await buildWithEnglishNames('en');
    const { entity, standings } = readOutputs(report);
    expect(entity('staff', 'S11').entity.name).toBe('Zhao Yi');
    expect(entity('staff', 'S11').parent?.name).toBe('Business Dept.');
    expect(entity('staff', 'S12').entity.name).toBe('钱二');
    expect(entity('units', 'ZH').entity.name).toBe('城南支行');
    expect(standings.filter((s) => s.entity_id === 'S11').every((s) => s.entity_name === 'Zhao Yi')).toBe(true);
  });

  it('keeps the Chinese names in the Chinese edition', async () => {
    const report = await buildWithEnglishNames('zh-CN');
    const { entity } = readOutputs(report);
    expect(entity('staff', 'S11').entity.name).toBe('赵一');
    expect(entity('units', 'W1').entity.name).toBe('营业部');
  });
});
