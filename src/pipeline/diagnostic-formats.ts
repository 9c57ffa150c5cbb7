/**
 * A refused build's diagnostics in the three shapes their readers need: text for a clerk at a
 * terminal, JSON Lines for tools, and GitHub workflow commands, so that a pull request shows each
 * problem on the CSV line it names.
 */
import { BuildError, formatDiagnostic, type Diagnostic } from '../config/diagnostics.ts';

export const DIAGNOSTIC_FORMATS = ['text', 'json', 'github'] as const;
export type DiagnosticFormat = (typeof DIAGNOSTIC_FORMATS)[number];

export function formatRefusal(error: BuildError, format: DiagnosticFormat): string {
  switch (format) {
    case 'text':
      return error.message;
    case 'json':
      return error.diagnostics.map((d) => JSON.stringify({ stage: error.stage, ...d, message: formatDiagnostic(d) })).join('\n');
    case 'github':
      return error.diagnostics.map((d) => githubAnnotation(error.stage, d)).join('\n');
  }
}

/** `::error file=…,line=…,col=…,title=…::message`, escaped as the runner reads it. */
function githubAnnotation(stage: string, d: Diagnostic): string {
  const properties = [
    ['file', d.file],
    ['line', d.line],
    ['col', d.column],
    ['title', `Podium ${stage}${d.field ? `: ${d.field}` : ''}`],
  ]
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::error ${properties}::${escapeData(`expected ${d.expected}, found ${d.found}`)}`;
}

// The runner's own escaping rules (actions/toolkit, command.ts): data escapes % CR LF; a
// property also escapes : and , which would otherwise end it.
const escapeData = (text: string) => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (text: string) => escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
