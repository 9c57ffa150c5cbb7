import { writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';

/** Compact JSON with a final newline; key order follows construction order, so output repeats. */
export function writeJson(file: string, value: unknown): void {
  writeFileSync(file, `${JSON.stringify(value)}\n`);
}

/**
 * Writes many files with a bounded number in flight, so file-system latency overlaps with the
 * work of preparing the next ones. Call `flush()` before relying on the files.
 */
export class FileWriter {
  private readonly pending = new Set<Promise<void>>();
  constructor(private readonly inFlight = 64) {}

  async writeJson(file: string, value: unknown): Promise<void> {
    if (this.pending.size >= this.inFlight) await Promise.race(this.pending);
    const write = writeFile(file, `${JSON.stringify(value)}\n`).finally(() => this.pending.delete(write));
    this.pending.add(write);
  }

  async flush(): Promise<void> {
    await Promise.all(this.pending);
  }
}
