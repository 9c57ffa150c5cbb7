/** The smallest config the schema takes: one level, one ledger score, one ranking; defaults fill the rest. */
export const MINIMAL_CONFIG = {
  id: 'x',
  name: 'X',
  issuer: 'Office',
  locale: 'en',
  start: '2025-01-01',
  end: '2025-12-31',
  org: { levels: [{ id: 'outlet', label: 'Outlet' }] },
  tables: { units: 'units.csv', staff: 'staff.csv', events: 'events.csv' },
  periods: {},
  scores: [{ id: 's', label: 'S', model: 'ledger', subjects: ['outlet'] }],
  rankings: [{ id: 'r', label: 'R', score: 's', subject: 'outlet', periods: ['month'] }],
};
