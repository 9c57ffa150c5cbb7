/**
 * Where a unit sits, in names: 营业室 exists in every outlet, so a department or a person is
 * only known by the units above it too (营业室 · 东湖网点).
 */
import { placeRef, type EntityRef } from './model.ts';

export interface UnitNode {
  unit_id: string;
  name: string;
  parent_id: string | null;
}

/** The one top unit above every other unit, or null when there are several (or none). */
export function singleTopUnit(units: UnitNode[]): string | null {
  const tops = units.filter((u) => u.parent_id === null);
  return tops.length === 1 ? tops[0]!.unit_id : null;
}

/**
 * The names of the units above each unit, nearest first. A single top unit (the sub-branch)
 * is above everyone and tells no one apart, so it is left out; with several top units it is
 * the part that does, and stays.
 */
export function unitsAbove(units: UnitNode[]): Map<string, string[]> {
  const byId = new Map(units.map((u) => [u.unit_id, u]));
  const top = singleTopUnit(units);
  const above = new Map<string, string[]>();
  for (const unit of units) {
    const names: string[] = [];
    // The tree was validated (no cycles); the bound only guards against a bug turning into a hang.
    for (let parent = unit.parent_id && byId.get(unit.parent_id); parent && names.length <= units.length; parent = parent.parent_id && byId.get(parent.parent_id)) {
      if (parent.unit_id === top) break;
      names.push(parent.name);
    }
    above.set(unit.unit_id, names);
  }
  return above;
}

/** Where units sit: the names above each, and the single top unit if there is one. */
export interface Places {
  above: Map<string, string[]>;
  top: string | null;
}

export const places = (units: UnitNode[]): Places => ({ above: unitsAbove(units), top: singleTopUnit(units) });

/**
 * The unit beside an entry of a list (a ranking, a notice): none when it is the single top unit,
 * which every outlet would repeat (城东支行 on every row) and which tells no one apart.
 */
export const listedPlace = (where: Places, id: string | null, name: string | null): EntityRef | null =>
  id === null || id === where.top ? null : placeRef(id, name ?? id, where.above);
