import type { Locale, Text } from './schema.ts';

/** A config label in the build's locale; a label given once serves every locale. */
export function localize(text: Text, locale: Locale): string {
  if (typeof text === 'string') return text;
  return text[locale] ?? text['zh-CN'] ?? Object.values(text)[0] ?? '';
}
