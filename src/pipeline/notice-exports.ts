/**
 * The award lists as downloads (exports/awards.csv and .json) and the notices as an Atom feed
 * (exports/notices.xml, RFC 4287), both from what the notices publish.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Competition } from '../config/read.ts';
import { periodMatches } from '../config/periods.ts';
import { localize } from '../config/text.ts';
import type { Download, Notice, PeriodInfo } from '../site/model.ts';
import { noticePath } from '../site/model.ts';
import { AwardExportRow } from './export-schemas.ts';
import { OBJECTION_RULE, type AwardQueryRow, type ExclusionQueryRow, type NoticePlan } from '../site/notices.ts';
import { namesPenalty } from '../config/public-edition.ts';
import { downloadsOf, TableExport } from './table-export.ts';
import { t } from '../site/i18n/index.ts';

/**
 * Every candidate of the award lists the public may read: those of the notices published, and
 * of the awards no notice lists, for every finished period. A penalty list the public edition
 * does not name (config.public.criticism) is left out.
 */
export async function writeAwardExports(
  competition: Competition,
  awards: AwardQueryRow[],
  exclusions: ExclusionQueryRow[],
  published: NoticePlan[],
  periods: PeriodInfo[],
  exportsDir: string,
  title: string,
): Promise<Download[]> {
  const { config, locale } = competition;
  const inNotices = new Set(config.notices.flatMap((n) => n.awards));
  const shown = new Set(published.flatMap((plan) => plan.config.awards.map((a) => `${a}__${plan.period.id}`)));
  for (const award of config.awards.filter((a) => !inNotices.has(a.id))) {
    for (const period of periods.filter((p) => p.status === 'final' && periodMatches([award.period], p))) shown.add(`${award.id}__${period.id}`);
  }
  const periodLabel = new Map(periods.map((p) => [p.id, p.label]));
  const ruleLabel = (ruleId: string) => {
    const rule = config.eligibility.find((r) => r.id === ruleId);
    return rule ? localize(rule.label, locale) : ruleId;
  };
  // A tie at the boundary admits more winners than places: those sharing the last place taken,
  // the lowest rank of an award and the highest of a penalty (counted from the bottom).
  const boundaryRank = (row: AwardQueryRow) => {
    const ranks = awards
      .filter((a) => a.award_id === row.award_id && a.period_id === row.period_id && a.quota_group === row.quota_group && a.outcome === 'winner' && a.rank !== null)
      .map((a) => a.rank!);
    return row.kind === 'award' ? Math.max(...ranks) : Math.min(...ranks);
  };
  const table = await TableExport.create(path.join(exportsDir, 'awards'), AwardExportRow, title);
  for (const row of awards) {
    const award = config.awards.find((a) => a.id === row.award_id)!;
    if (!shown.has(`${row.award_id}__${row.period_id}`) || !namesPenalty(config, award)) continue;
    const own = exclusions.filter((x) => x.award_id === row.award_id && x.period_id === row.period_id && x.entity_kind === row.entity_kind && x.entity_id === row.entity_id);
    const failed = own.filter((x) => x.approval_reference === null);
    const overridden = own.filter((x) => x.approval_reference !== null);
    const status = row.outcome === 'winner' ? (row.tie_overflow && row.rank === boundaryRank(row) ? 'tie_admitted' : 'won') : failed.every((x) => x.rule_id === OBJECTION_RULE) ? 'removed_by_objection' : 'ineligible';
    const words = (x: ExclusionQueryRow) => (x.rule_id === OBJECTION_RULE ? t(locale, 'notice.objectionUpheld') : `${ruleLabel(x.rule_id)}${x.via_unit_name ? ` (${x.via_unit_name})` : ''}`);
    table.add({
      award_id: row.award_id,
      award_label: localize(award.label, locale),
      kind: row.kind,
      period_id: row.period_id,
      period_label: periodLabel.get(row.period_id) ?? row.period_id,
      entity_kind: row.entity_kind,
      entity_id: row.entity_id,
      entity_name: row.entity_name,
      parent_name: row.parent_name ?? '',
      quota_group: row.quota_group_name ?? row.quota_group,
      place: row.rank,
      score: row.score,
      amount: row.amount,
      status,
      rule: (row.outcome === 'winner' ? overridden : failed).map((x) => x.rule_id).join(' '),
      reason: row.outcome === 'winner' ? overridden.map((x) => `${ruleLabel(x.rule_id)}: ${x.approval_reference}`).join('; ') : failed.map(words).join('; '),
    } satisfies AwardExportRow);
  }
  return downloadsOf('awards', await table.close(), 'download.awards');
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** An ID that stays the same for the same competition, notice and version: a name-based UUID (RFC 4122 §4.3, SHA-1). */
function stableId(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The notices as an Atom feed, newest first, one entry per notice; dated by the notices, never by the clock. */
export function writeNoticeFeed(competition: Competition, notices: Notice[], base: string, exportsDir: string): void {
  const { config, locale } = competition;
  const sorted = [...notices].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  const stamp = (day: string) => `${day}T00:00:00Z`;
  const issuer = localize(config.issuer, locale);
  // One entry per version: a corrected notice's earlier versions keep their own entries and addresses.
  const versions = sorted.flatMap((n) => [
    { n, version: n.version, date: n.date, href: noticePath(n.id), corrected: n.version > 1 },
    ...[...n.earlier].reverse().map((e) => ({ n, version: e.version, date: e.date, href: e.path, corrected: e.version > 1 })),
  ]);
  const entries = versions.map(({ n, version, date, href, corrected }) =>
    [
      '  <entry>',
      `    <id>${stableId(`${config.id}/notices/${n.id}/${version}`)}</id>`,
      `    <title>${xml(`${corrected ? t(locale, 'notice.correctionTitle', { version }) : ''}${n.number ? `${n.title}（${n.number}）` : n.title}`)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(`${base}${href}`)}"/>`,
      `    <updated>${stamp(date)}</updated>`,
      `    <author><name>${xml(n.issuer)}</name></author>`,
      ...(n.opening ? [`    <summary>${xml(n.opening)}</summary>`] : []),
      '  </entry>',
    ].join('\n'),
  );
  const feed = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`,
    `  <id>${stableId(`${config.id}/notices`)}</id>`,
    `  <title>${xml(localize(config.name, locale))}</title>`,
    `  <link rel="alternate" type="text/html" href="${xml(`${base}notices/`)}"/>`,
    `  <updated>${stamp(sorted[0]?.date ?? config.start)}</updated>`,
    `  <author><name>${xml(issuer)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
  writeFileSync(path.join(exportsDir, 'notices.xml'), feed);
}
