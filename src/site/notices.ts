/**
 * The notices (通报, 公示, 公告) of the site model: which are due, their 文号, and each one's lists
 * built from the award and ranking rows the export stage queried. Pure functions: the export stage
 * (src/pipeline/export.ts) runs the queries and writes what these return.
 */
import type { Competition } from '../config/read.ts';
import { periodMatches } from '../config/periods.ts';
import { localize } from '../config/text.ts';
import { THRESHOLD_SYMBOL } from '../config/thresholds.ts';
import { formatDay } from '../config/dates.ts';
import { namesPenalty } from '../config/public-edition.ts';
import { workingDayWindow, type WorkingCalendar } from '../config/working-days.ts';
import { noticeTitle, t } from './i18n/index.ts';
import { noticeFindings } from './notice-findings.ts';
import { entityRef, type EntityRef, type Finding, type NoticeDraft, type NoticeSection, type PeriodInfo, type RankingInfo, type StandingRow } from './model.ts';
import { listedPlace, type Places } from './unit-paths.ts';

export interface NoticePlan {
  id: string;
  config: Competition['config']['notices'][number];
  period: PeriodInfo;
  rankings: string[];
  /** `days_after_end` after the period's end. */
  date: string;
}

/** One notice per period each notice rule names, once its date has come: a notice is never dated after the as-of date. */
export function planNotices(competition: Competition, periods: PeriodInfo[], rankings: RankingInfo[], asOf: string): NoticePlan[] {
  const published = new Set(rankings.map((r) => r.id));
  return competition.config.notices.flatMap((notice) =>
    periods
      .filter((p) => periodMatches(notice.periods, p))
      .map((period) => ({
        id: `${notice.id}-${period.id}`,
        config: notice,
        period,
        rankings: notice.rankings.filter((r) => published.has(r)),
        date: addDays(period.end, notice.days_after_end),
      }))
      .filter((plan) => plan.date <= asOf),
  );
}

/** What the notices' lists are made of: the rankings kept for them and the rows the export stage queried. */
export interface NoticeSources {
  rankings: RankingInfo[];
  /** The rows of each ranking a notice lists, by `<ranking>__<period>`. */
  kept: Map<string, StandingRow[]>;
  awards: AwardQueryRow[];
  exclusions: ExclusionQueryRow[];
  /** Null when the competition keeps no objections table. */
  objections: ObjectionQueryRow[] | null;
  calendar: WorkingCalendar;
  where: Places;
  findings: Finding[];
  /** The unit above a finding's unit, as a 通报 names it. */
  placeOf: (unitId: string) => EntityRef | null;
}

/**
 * The notices to publish, each with its 文号 and where its 公示期 stands on the as-of date, and the
 * plans they come from. A notice with nothing on any of its lists is published only where
 * `when_empty` asks for it (本期无).
 */
export function noticeDrafts(plans: NoticePlan[], competition: Competition, asOf: string, from: NoticeSources): { plans: NoticePlan[]; drafts: NoticeDraft[] } {
  const published = plans
    .map((plan) => ({
      plan,
      draft: {
        ...buildNotice(plan, competition, from),
        findings: noticeFindings(plan.config, plan.period, from.findings, competition, from.placeOf),
      },
    }))
    .filter(({ plan, draft }) => plan.config.when_empty === 'publish' || draft.findings.length > 0 || draft.sections.some((s) => s.rows.length > 0 || s.unnamed > 0));
  const numbers = noticeNumbers(published.map((p) => p.plan));
  const drafts = published.map(({ plan, draft }): NoticeDraft => {
    const announced = published.some((other) => other.plan.config.kind === 'announcement' && other.plan.period.id === plan.period.id);
    const window = draft.objectionWindow;
    return { ...draft, number: numbers.get(plan.id) ?? null, status: window === null ? null : announced ? 'final' : asOf <= window.last ? 'open' : 'closed' };
  });
  return { plans: published.map((p) => p.plan), drafts };
}

/**
 * 文号 of the notices whose `number` is a pattern: {seq} counts the notices of one pattern in one
 * year in date order (then by ID) from `first_seq`, so a later notice never renumbers an earlier one.
 */
function noticeNumbers(plans: NoticePlan[]): Map<string, string> {
  const numbers = new Map<string, string>();
  const byPatternAndYear = new Map<string, NoticePlan[]>();
  for (const plan of plans) {
    if (plan.config.number === undefined) continue;
    const key = `${plan.config.number}\u0000${plan.date.slice(0, 4)}`;
    byPatternAndYear.set(key, [...(byPatternAndYear.get(key) ?? []), plan]);
  }
  for (const group of byPatternAndYear.values()) {
    group.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
    group.forEach((plan, i) => {
      const values: Record<string, string> = { year: plan.date.slice(0, 4), seq: String(group[0]!.config.first_seq + i), period: plan.period.id };
      numbers.set(plan.id, fillPlaceholders(plan.config.number!, values));
    });
  }
  return numbers;
}

/** The config checked every placeholder (src/config/read.ts), so each has a value. */
const fillPlaceholders = (template: string, values: Record<string, string>) => template.replace(/\{([^{}]*)\}/g, (_, name: string) => values[name] ?? '');

export interface AwardQueryRow {
  award_id: string;
  period_id: string;
  entity_kind: 'unit' | 'staff';
  entity_id: string;
  entity_name: string;
  parent_id: string | null;
  parent_name: string | null;
  kind: 'award' | 'penalty';
  quota_group: string;
  quota_group_name: string | null;
  score: number | null;
  rank: number | null;
  amount: number | null;
  outcome: 'winner' | 'ineligible';
  tie_overflow: boolean;
  tie_break_decided: boolean;
}

/** The rule id sql/intermediate/int_award_exclusions.sql gives an upheld objection to a nomination. */
export const OBJECTION_RULE = 'objection';

export interface ExclusionQueryRow {
  award_id: string;
  period_id: string;
  entity_kind: string;
  entity_id: string;
  rule_id: string;
  observed: number | null;
  via_unit_id: string | null;
  via_unit_name: string | null;
  approval_reference: string | null;
}

export interface ObjectionQueryRow {
  objection_id: string;
  received_on: string;
  award_id: string;
  period_id: string;
  entity_kind: 'unit' | 'staff';
  entity_id: string;
  entity_name: string;
  summary: string;
  decision: 'upheld' | 'rejected' | null;
  decided_on: string | null;
}

/**
 * Who moved up because an upheld objection removed a winner. In each quota group, the candidates
 * removed by an objection alone whose rank reached the group's last winner would have held
 * places; as many of the group's lowest-placed winners hold them now (with any tied with them),
 * so the notice names both.
 * A list without ranks (leadership-selected) has no one moving up.
 */
function movedUpByObjection(entries: AwardQueryRow[], failuresOf: (a: AwardQueryRow) => ExclusionQueryRow[]): NoticeSection['movedUp'] {
  const groups = [...new Set(entries.map((a) => a.quota_group))];
  const ref = (a: AwardQueryRow) => entityRef(a.entity_kind, a.entity_id, a.entity_name);
  // A penalty list is drawn from the bottom: there the higher rank is the nearer to a place.
  const placeKey = (a: AwardQueryRow) => (a.kind === 'award' ? a.rank! : -a.rank!);
  return groups.flatMap((group) => {
    const inGroup = entries.filter((a) => a.quota_group === group && a.rank !== null);
    const winners = inGroup.filter((a) => a.outcome === 'winner').sort((a, b) => placeKey(a) - placeKey(b));
    if (winners.length === 0) return [];
    const lastWinnerKey = placeKey(winners.at(-1)!);
    const removed = inGroup
      .filter((a) => a.outcome === 'ineligible' && placeKey(a) <= lastWinnerKey)
      .filter((a) => {
        const failures = failuresOf(a);
        return failures.length > 0 && failures.every((x) => x.rule_id === OBJECTION_RULE);
      })
      .sort((a, b) => placeKey(a) - placeKey(b));
    if (removed.length === 0) return [];
    // The places they held went to the last winners, and to all tied with the first of those.
    const firstReplacementKey = placeKey(winners[Math.max(0, winners.length - removed.length)]!);
    return [{ removed: removed.map(ref), replacements: winners.filter((a) => placeKey(a) >= firstReplacementKey).map(ref) }];
  });
}

/**
 * Those ranked above an award's last winner whom its funnel kept off the list (S9: the best score
 * of the year, but a quarterly star only once), each with the funnel in words, so that a reader
 * sees the rule rather than a gap. Only for an award's ranks from the top, and only where the
 * edition publishes the ranking.
 */
function passedOverByFunnel(award: Competition['config']['awards'][number], entries: AwardQueryRow[], standings: StandingRow[], competition: Competition): NoticeSection['ineligible'] {
  if (award.kind !== 'award' || award.funnel.length === 0) return [];
  const winnerRanks = entries.filter((a) => a.outcome === 'winner' && a.rank !== null).map((a) => a.rank!);
  if (winnerRanks.length === 0) return [];
  const lastWinnerRank = Math.max(...winnerRanks);
  const listed = new Set(entries.map((a) => `${a.entity_kind}:${a.entity_id}`));
  const { config, locale } = competition;
  const reasons = award.funnel.map((f) => ({
    label: t(locale, 'notice.funnelReason', { award: localize(config.awards.find((a) => a.id === f.award)!.label, locale), op: THRESHOLD_SYMBOL[f.times.op], value: f.times.value }),
    via: null,
  }));
  return standings
    .filter((r) => r.rank < lastWinnerRank && !listed.has(`${r.entity.kind}:${r.entity.id}`))
    .map((r) => ({ entity: r.entity, parent: r.parent, score: r.score, reasons }));
}

/** A notice but its 文号 and status, which depend on the other notices published. */
function buildNotice(plan: NoticePlan, competition: Competition, from: NoticeSources): Omit<NoticeDraft, 'number' | 'status' | 'findings'> {
  const { config, locale } = competition;
  const { rankings, kept, awards, exclusions, objections: objectionRows, calendar, where } = from;
  const rankingSections = plan.rankings.map((rankingId): NoticeSection => ({
    kind: 'ranking',
    label: rankings.find((r) => r.id === rankingId)!.label,
    amount: null,
    amountVaries: false,
    recipients: config.rankings.find((r) => r.id === rankingId)?.subject === 'staff' ? 'staff' : 'unit',
    rows: (kept.get(`${rankingId}__${plan.period.id}`) ?? []).map((r) => ({ rank: r.rank, entity: r.entity, parent: r.parent, score: r.score, amount: null, group: null, approvals: [] })),
    unnamed: 0,
    tieOverflow: false,
    tieBreaks: [],
    ineligible: [],
    movedUp: [],
  }));
  const ruleLabel = (ruleId: string) => {
    const rule = config.eligibility.find((r) => r.id === ruleId);
    return rule ? localize(rule.label, locale) : ruleId;
  };
  const awardSections = plan.config.awards
    .map((awardId) => config.awards.find((a) => a.id === awardId)!)
    .filter((award) => periodMatches([award.period], plan.period))
    .map((award): NoticeSection => {
      const entries = awards.filter((a) => a.award_id === award.id && a.period_id === plan.period.id);
      const exclusionsOf = (a: AwardQueryRow) =>
        exclusions.filter((x) => x.award_id === a.award_id && x.period_id === a.period_id && x.entity_kind === a.entity_kind && x.entity_id === a.entity_id);
      const parentOf = (a: AwardQueryRow) => listedPlace(where, a.parent_id, a.parent_name);
      const winners = entries.filter((a) => a.outcome === 'winner');
      const amounts = new Set(winners.map((a) => a.amount ?? 0));
      const amountVaries = amounts.size > 1;
      const [sameAmount = 0] = amounts;
      const hasGroups = winners.some((a) => a.quota_group !== '');
      return {
        kind: award.kind,
        label: localize(award.label, locale),
        amount: !amountVaries && sameAmount > 0 ? sameAmount : null,
        amountVaries,
        recipients: config.rankings.find((r) => r.id === award.ranking)?.subject === 'staff' ? 'staff' : 'unit',
        rows: (namesPenalty(config, award) ? winners : []).map((a) => ({
          rank: a.rank,
          entity: entityRef(a.entity_kind, a.entity_id, a.entity_name),
          parent: parentOf(a),
          score: a.score,
          amount: amountVaries ? a.amount : null,
          group: hasGroups ? (a.quota_group_name ?? a.quota_group) : null,
          approvals: exclusionsOf(a).map((x) => ({ rule: ruleLabel(x.rule_id), reference: x.approval_reference ?? '' })),
        })),
        unnamed: namesPenalty(config, award) ? 0 : winners.length,
        tieOverflow: winners.some((a) => a.tie_overflow),
        tieBreaks: winners.some((a) => a.tie_break_decided) ? award.tie_breaks.map((t) => localize(config.scores.find((sc) => sc.id === t.score)!.label, locale)) : [],
        ineligible: [
          ...entries
            .filter((a) => a.outcome === 'ineligible' && namesPenalty(config, award))
            .map((a) => ({
              entity: entityRef(a.entity_kind, a.entity_id, a.entity_name),
              parent: parentOf(a),
              score: a.score,
              reasons: exclusionsOf(a)
                .filter((x) => x.approval_reference === null)
                .map((x) => ({ label: x.rule_id === OBJECTION_RULE ? null : ruleLabel(x.rule_id), via: x.via_unit_name })),
            })),
          ...passedOverByFunnel(award, entries, kept.get(`${award.ranking}__${plan.period.id}`) ?? [], competition),
        ],
        movedUp: namesPenalty(config, award) ? movedUpByObjection(entries, (a) => exclusionsOf(a).filter((x) => x.approval_reference === null)) : [],
      };
    });
  const listed = new Set(awardSections.length > 0 ? plan.config.awards : []);
  const objectionsTaken = plan.config.objection_period !== undefined || plan.config.kind === 'announcement';
  const concerned = objectionRows === null || listed.size === 0 || !objectionsTaken ? null : objectionRows.filter((o) => o.period_id === plan.period.id && listed.has(o.award_id));
  const objections = concerned && {
    received: concerned.length,
    resolved: concerned.filter((o) => o.decision !== null).length,
    upheld: concerned.filter((o) => o.decision === 'upheld').length,
    // Who is objected to and what was said stays inside: only the internal edition lists them.
    records:
      config.audience === 'internal'
        ? concerned.map((o) => ({
            id: o.objection_id,
            receivedOn: o.received_on,
            award: localize(config.awards.find((a) => a.id === o.award_id)!.label, locale),
            entity: entityRef(o.entity_kind, o.entity_id, o.entity_name),
            summary: o.summary,
            decision: o.decision,
            decidedOn: o.decided_on,
          }))
        : [],
  };
  const { date } = plan;
  const issuer = localize(plan.config.issuer ?? config.issuer, locale);
  const title = noticeTitle(plan.period.label, localize(plan.config.title, locale), locale);
  const objection = plan.config.objection_period;
  const window = objection ? { ...workingDayWindow(calendar, date, objection.working_days, objection.first_day), workingDays: objection.working_days } : null;
  const opening = plan.config.opening === undefined
    ? null
    : fillPlaceholders(localize(plan.config.opening, locale), {
        competition: localize(config.name, locale),
        issuer,
        period: plan.period.label,
        start: formatDay(plan.period.start, locale),
        end: formatDay(plan.period.end, locale),
        title,
        opens: window ? formatDay(window.first, locale) : '',
        closes: window ? formatDay(window.last, locale) : '',
        days: window ? String(window.workingDays) : '',
      });
  return {
    id: plan.id,
    kind: plan.config.kind,
    title,
    issuer,
    date,
    period: plan.period,
    opening,
    objectionWindow: window,
    contacts: plan.config.contacts.map((c) => ({ label: localize(c.label, locale), value: localize(c.value, locale) })),
    seal: plan.config.seal,
    style: plan.config.style,
    objections,
    sections: [...awardSections, ...rankingSections],
  };
}


function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
