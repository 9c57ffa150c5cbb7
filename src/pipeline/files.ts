import { writeFileSync } from 'node:fs';

/** Compact JSON with a final newline; key order follows construction order, so output repeats. */
export function writeJson(file: string, value: unknown): void {
  writeFileSync(file, `${JSON.stringify(value)}\n`);
}
