/** Config names in the build's locale, for rule findings: a code the config does not name is shown as it is. */
import type { Competition } from './read.ts';
import { localize } from './text.ts';
import type { Text } from './schema.ts';
import type { Labels } from '../rules/finding.ts';


export function configLabels({ config, periods, locale }: Competition): Labels {
  const named = (entries: { id: string; label: Text }[]) => {
    const byId = new Map(entries.map((e) => [e.id, localize(e.label, locale)]));
    return (id: string) => byId.get(id) ?? id;
  };
  return {
    level: named(config.org.levels),
    period: named(periods),
    checkKind: named(config.check_kinds),
    eventType: named([...config.event_types, ...(config.surveys ? [{ id: 'survey', label: config.surveys.label }] : [])]),
    metric: named(config.metrics),
  };
}
