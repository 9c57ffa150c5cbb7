/**
 * npm run generate-sample [-- --out DIR]: writes the sample competition's CSVs (data/ by
 * default; competition.yaml stays as it is). Seeded, so the output repeats byte for byte.
 * 城东支行: 10 outlets × 3 departments, ~140 staff, 2025-03-16 to the data date 2025-10-31.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chineseNames, Random, TableWriter, writeActivity, type Outlet } from './synthetic.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'data' } } });
const dir = values.out;
const random = new Random(20250316);
const names = chineseNames(random);
const nextName = () => names.next().value as string;

const OUTLETS = ['城东支行营业部', '和平路网点', '解放大道网点', '新华街网点', '人民广场网点', '滨江路网点', '科技园网点', '东湖网点', '火车站网点', '开发区网点'];
const DEPARTMENTS = [
  { suffix: 'D1', name: '营业室', roles: ['柜员', '柜员', '综合柜员'] },
  { suffix: 'D2', name: '理财室', roles: ['理财经理', '客户经理'] },
  { suffix: 'D3', name: '大堂服务组', roles: ['大堂经理', '引导员'] },
];

for (const sub of ['events', 'inspections']) rmSync(path.join(dir, sub), { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const units = new TableWriter(path.join(dir, 'units.csv'), 'units');
const staff = new TableWriter(path.join(dir, 'staff.csv'), 'staff');
let staffNo = 0;
const hire = (unitId: string, role: string): string => {
  const id = `S${String(++staffNo).padStart(4, '0')}`;
  staff.write({ staff_id: id, name: nextName(), unit_id: unitId, role, employee_no: `CD${String(20_110 + staffNo * 7)}` });
  return id;
};

const president = hire('SB01', '行长');
hire('SB01', '副行长');
hire('SB01', '办公室主任');
units.write({ unit_id: 'SB01', name: '城东支行', level: 'subbranch', parent_id: '', head_staff_id: president });

const outlets: Outlet[] = OUTLETS.map((name, i) => {
  const outletId = `O${String(i + 1).padStart(2, '0')}`;
  const members: string[] = [];
  const departmentRows = DEPARTMENTS.map((d, j) => {
    const unitId = `${outletId}-${d.suffix}`;
    // The outlet's head sits in its 营业室; every department has a head of its own.
    const people = [j === 0 ? hire(unitId, '网点负责人') : hire(unitId, `${d.name}主管`)];
    if (j === 0) people.push(hire(unitId, '营业主管'));
    const size = random.int(3, 4);
    for (let k = 0; k < size; k++) people.push(hire(unitId, random.pick(d.roles)));
    members.push(...people);
    return { unit_id: unitId, name: d.name, level: 'department', parent_id: outletId, head_staff_id: people[j === 0 ? 1 : 0]! };
  });
  units.write({ unit_id: outletId, name, level: 'outlet', parent_id: 'SB01', head_staff_id: members[0]! });
  for (const row of departmentRows) units.write(row);
  return { id: outletId, staff: members, quality: 0.25 + 0.7 * random.next() };
});
units.close();
staff.close();

const counts = writeActivity({
  dir,
  random,
  outlets,
  start: '2025-03-16',
  end: '2025-10-31',
  inspectionsFrom: '2025-04-01',
  eventsPerOutletWeek: 16,
  notes: true,
});
console.log(`wrote ${dir}/: ${units.rows} units, ${staff.rows} staff, ${JSON.stringify(counts)}`);
