import path from 'node:path';

/**
 * Every refusal the build makes is a Diagnostic: where (file, line, column or field),
 * what was expected and what was found. Stages collect them and throw one BuildError,
 * so the clerk sees every problem of a run at once.
 */
export interface Diagnostic {
  file: string;
  line?: number;
  column?: number;
  /** A Parquet file's row, which has no line: its row group and its row within it, both from 0. */
  rowGroup?: number;
  row?: number;
  field?: string;
  expected: string;
  found: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where =
    d.rowGroup === undefined
      ? [d.file, d.line, d.column].filter((part) => part !== undefined).join(':')
      : `${d.file} (row group ${d.rowGroup}, row ${d.row}, both from 0)`;
  const field = d.field ? ` (${d.field})` : '';
  return `${where}${field}: expected ${d.expected}, found ${d.found}`;
}

export class BuildError extends Error {
  constructor(
    readonly stage: string,
    readonly diagnostics: Diagnostic[],
    readonly omitted = 0,
  ) {
    const more = omitted > 0 ? `\n… and ${omitted} more problem(s) not listed` : '';
    super(
      `${stage} failed with ${diagnostics.length + omitted} problem(s):\n` +
        diagnostics.map((d) => `  ${formatDiagnostic(d)}`).join('\n') +
        more,
    );
    this.name = 'BuildError';
  }
}

/** Quote a found value so that blanks and spaces are visible in messages. */
export function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'an empty value';
  const text = String(value);
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}…` : text);
}

/** A file as the clerk would type it: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : path.resolve(file);
}
