/**
 * Where a unit sits, in names: 营业室 exists in every outlet, so a department or a person is
 * only known by the units above it too (营业室 · 东湖网点).
 */

export interface UnitNode {
  unit_id: string;
  name: string;
  parent_id: string | null;
}

/**
 * The names of the units above each unit, nearest first. A single top unit (the sub-branch)
 * is above everyone and tells no one apart, so it is left out; with several top units it is
 * the part that does, and stays.
 */
export function unitsAbove(units: UnitNode[]): Map<string, string[]> {
  const byId = new Map(units.map((u) => [u.unit_id, u]));
  const tops = units.filter((u) => u.parent_id === null).length;
  const above = new Map<string, string[]>();
  for (const unit of units) {
    const names: string[] = [];
    // The tree was validated (no cycles); the bound only guards against a bug turning into a hang.
    for (let parent = unit.parent_id && byId.get(unit.parent_id); parent && names.length <= units.length; parent = parent.parent_id && byId.get(parent.parent_id)) {
      if (parent.parent_id === null && tops === 1) break;
      names.push(parent.name);
    }
    above.set(unit.unit_id, names);
  }
  return above;
}
