/**
 * Podium's own reading of a CSV file, independent of DuckDB: one pass over the UTF-8 bytes that
 * counts the records, finds the physical line of each, and refuses what must not reach DuckDB or
 * a page. The loader compares its count with what DuckDB loaded, so a record DuckDB drops without
 * a word fails the build instead of moving a score.
 *
 * The dialect is DuckDB's as the loader calls it: comma, double quote, "" inside quotes; a record
 * ends at LF, CRLF or CR outside quotes; an empty line is no record (DuckDB skips it); a quote
 * after text in an unquoted field is an ordinary character. Where DuckDB's reading is a quirk
 * (it takes one space before a quote as the start of a quoted field, but not two) the file is
 * refused, so the two readings never differ.
 */
import { shown } from '../config/diagnostics.ts';
import { codePoints, forbiddenCharacterAt, forbiddenCharacterProblem, mayStartForbidden, type ForbiddenCharacter } from '../config/encoding.ts';

/**
 * Size limits, set well above any real cell (a long remark is a few hundred bytes) and far below
 * what makes DuckDB slow or silent: its reject store grows quadratically with a long line, and it
 * drops a field over about 32 MB without a reject row.
 */
export const FIELD_LIMIT_BYTES = 16 * 1024;
const RECORD_LIMIT_BYTES = 64 * 1024;
/** Problems listed per file; the rest are counted. A file with thousands of bad lines is one mistake. */
const PROBLEMS_LISTED_PER_FILE = 20;

export interface CsvProblem {
  line: number;
  /** The CSV column (1-based field number), when one field is at fault. */
  column?: number;
  expected: string;
  found: string;
}

export interface CsvShape {
  /** The first record's fields, trimmed. */
  header: string[];
  /** Data records: the header and empty lines are not counted. */
  records: number;
  /** Whether any line ends in CR or CRLF; DuckDB then gets a copy with LF line ends. */
  carriageReturns: boolean;
  problems: CsvProblem[];
  /** Problems found beyond those listed. */
  omitted: number;
  /** Where the bytes ended: the physical line and the field number within its record. */
  end: { line: number; column: number };
}

export interface CsvRules {
  /** Columns whose cells, when not empty, must hold something visible (not only spaces). */
  visibleText?: readonly string[];
  /** Called for each data record (0-based, in DuckDB's order) with the physical line it starts on. */
  onRecord?: (record: number, line: number) => void;
}

const ORDINARY = 0;
const COMMA = 1;
const QUOTE = 2;
const LF = 3;
const CR = 4;
const CONTROL = 5;
/** Lead bytes of characters forbiddenCharacterAt may refuse: C1 controls, bidi controls and marks, line separators, noncharacters. */
const SUSPECT = 6;

const CLASS = new Uint8Array(256);
for (let b = 0; b < 0x20; b++) CLASS[b] = CONTROL;
CLASS[0x09] = ORDINARY; // a tab is white space in a cell, as in a spreadsheet
CLASS[0x0a] = LF;
CLASS[0x0d] = CR;
CLASS[0x7f] = CONTROL;
CLASS[0x2c] = COMMA;
CLASS[0x22] = QUOTE;
for (let b = 0x80; b < 0x100; b++) if (mayStartForbidden(b)) CLASS[b] = SUSPECT;

const UNQUOTED = 0;
/** An unquoted field with text before a quote: its quotes are ordinary characters. */
const LITERAL = 1;
const QUOTED = 2;
/** After a quote inside a quoted field: a second quote continues the field, anything else ends it. */
const CLOSED = 3;

const utf8 = new TextDecoder();
/** Spaces, and the invisible characters a name copied from a web page or Word can consist of. */
const BLANK = /^[\s\u200b-\u200d\u2060\ufeff]*$/u;

/**
 * What a scan learns between records. The byte loop in scanCsv keeps its position in local
 * variables, which V8 holds in registers; this object gets the rare events (a field to inspect,
 * a record's end, a problem), so the common byte costs one table lookup.
 */
class Findings {
  readonly problems: CsvProblem[] = [];
  omitted = 0;
  readonly header: string[] = [];
  /** Per column: whether its cells must be visible text (rules.visibleText). */
  visibleColumns: boolean[] = [];
  /** -1 until the header has been read. */
  records = -1;
  /** Whether every field needs endField: the header's, and a table with visible-text columns. */
  inspectEveryField = true;
  /** One problem per record is enough to find it; the rest of that record is not reported. */
  private flagged = false;
  private oversizedField = -1;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly rules: CsvRules,
  ) {}

  problem(p: CsvProblem): void {
    if (this.flagged) return;
    this.flagged = true;
    if (this.problems.length < PROBLEMS_LISTED_PER_FILE) this.problems.push(p);
    else this.omitted++;
  }

  forbidden(line: number, field: number, character: ForbiddenCharacter): void {
    this.problem({ line, column: field + 1, ...forbiddenCharacterProblem(character) });
  }

  afterClosingQuote(line: number, field: number, fieldStart: number, at: number): void {
    this.problem({ line, column: field + 1, expected: 'a comma or the line end after a closing quote', found: shown(excerpt(this.bytes, fieldStart, at + 1)) });
  }

  spacesBeforeQuote(line: number, field: number, fieldStart: number, at: number): void {
    this.problem({ line, column: field + 1, expected: 'the opening quote as the first character of the field', found: `spaces before it: ${shown(excerpt(this.bytes, fieldStart, at + 1))}` });
  }

  endField(start: number, end: number, field: number, recordLine: number): void {
    if (end - start > FIELD_LIMIT_BYTES && this.oversizedField < 0) this.oversizedField = field;
    if (this.records < 0) {
      this.header.push(this.cellText(start, end).trim());
    } else if (this.visibleColumns[field] && end > start) {
      const cell = this.cellText(start, end);
      if (cell !== '' && BLANK.test(cell)) {
        this.problem({ line: recordLine, column: field + 1, expected: `a visible value in "${this.header[field]}"`, found: `only white space (${codePoints(cell)})` });
      }
    }
  }

  /** An empty line: DuckDB skips it, so it is no record. Before the header DuckDB would take it for the header. */
  emptyLine(line: number): void {
    if (this.records < 0) this.problem({ line, expected: 'the header on line 1', found: 'an empty line; delete the empty lines above the header' });
  }

  endRecord(start: number, end: number, line: number, fields: number): void {
    const size = end - start;
    if (this.oversizedField >= 0) {
      this.problem({ line, column: this.oversizedField + 1, expected: `a field of at most ${kib(FIELD_LIMIT_BYTES)}`, found: `a field over ${kib(FIELD_LIMIT_BYTES)} (the record has ${kib(size)})` });
    } else if (size > RECORD_LIMIT_BYTES) {
      this.problem({ line, expected: `a record of at most ${kib(RECORD_LIMIT_BYTES)}`, found: `a record of ${kib(size)}` });
    }
    if (this.records < 0) {
      const wanted = new Set(this.rules.visibleText ?? []);
      this.visibleColumns = this.header.map((name) => wanted.has(name));
      this.inspectEveryField = this.visibleColumns.includes(true);
      this.records = 0;
    } else {
      if (fields !== this.header.length) {
        this.problem({ line, expected: `${this.header.length} comma-separated fields (found ${fields})`, found: shown(excerpt(this.bytes, start, end)) });
      }
      this.rules.onRecord?.(this.records, line);
      this.records++;
    }
    this.flagged = false;
    this.oversizedField = -1;
  }

  private text(start: number, end: number): string {
    return utf8.decode(this.bytes.subarray(start, end));
  }

  /** A cell's value: a quoted field without its quotes, "" as one quote. */
  private cellText(start: number, end: number): string {
    const quoted = end - start >= 2 && this.bytes[start] === 0x22 && this.bytes[end - 1] === 0x22;
    return quoted ? this.text(start + 1, end - 1).replaceAll('""', '"') : this.text(start, end);
  }
}

export function scanCsv(bytes: Uint8Array, rules: CsvRules = {}): CsvShape {
  const findings = new Findings(bytes, rules);
  const n = bytes.length;
  let carriageReturns = false;
  let line = 1;
  let recordLine = 1;
  let recordStart = 0;
  let fieldStart = 0;
  let field = 0;
  let state = UNQUOTED;
  let quoteLine = 1;

  for (let i = 0; i < n; i++) {
    const kind = CLASS[bytes[i]!]!;
    if (kind === ORDINARY) {
      if (state === CLOSED) {
        findings.afterClosingQuote(line, field, fieldStart, i);
        state = LITERAL;
      }
      while (i + 1 < n && CLASS[bytes[i + 1]!] === ORDINARY) i++;
      continue;
    }
    switch (kind) {
      case COMMA:
        if (state === QUOTED) break;
        if (findings.inspectEveryField || i - fieldStart > FIELD_LIMIT_BYTES) findings.endField(fieldStart, i, field, recordLine);
        field++;
        fieldStart = i + 1;
        state = UNQUOTED;
        break;
      case QUOTE:
        if (state === QUOTED) state = CLOSED;
        else if (state === CLOSED) state = QUOTED; // "" stands for one quote
        else if (state === UNQUOTED) {
          quoteLine = line;
          if (i === fieldStart) state = QUOTED;
          else {
            // Decided once per field (LITERAL ignores later quotes), so many quotes stay linear.
            if (onlySpaces(bytes, fieldStart, i)) findings.spacesBeforeQuote(line, field, fieldStart, i);
            state = LITERAL;
          }
        }
        break;
      case LF:
      case CR: {
        const crlf = kind === CR && bytes[i + 1] === 0x0a;
        if (kind === CR) carriageReturns = true;
        line++;
        if (state !== QUOTED) {
          if (i === recordStart) findings.emptyLine(recordLine);
          else {
            if (findings.inspectEveryField || i - fieldStart > FIELD_LIMIT_BYTES) findings.endField(fieldStart, i, field, recordLine);
            findings.endRecord(recordStart, i, recordLine, field + 1);
          }
          recordStart = fieldStart = crlf ? i + 2 : i + 1;
          recordLine = line;
          field = 0;
          state = UNQUOTED;
        }
        if (crlf) i++;
        break;
      }
      case CONTROL:
      case SUSPECT: {
        const character = forbiddenCharacterAt(bytes, i);
        if (character) findings.forbidden(line, field, character);
        break;
      }
    }
  }
  const end = { line, column: field + 1 };
  if (state === QUOTED) {
    findings.problem({ line: quoteLine, column: field + 1, expected: 'a closing quote for the field opened here', found: 'the end of the file' });
  } else if (recordStart < n) {
    if (findings.inspectEveryField || n - fieldStart > FIELD_LIMIT_BYTES) findings.endField(fieldStart, n, field, recordLine);
    findings.endRecord(recordStart, n, recordLine, field + 1);
  }
  const { header, records, problems, omitted } = findings;
  return { header, records: Math.max(records, 0), carriageReturns, problems, omitted, end };
}

function onlySpaces(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] !== 0x20) return false;
  return true;
}

/** The physical line of each wanted data record (0-based, header excluded), by the same reading. */
export function recordLines(bytes: Uint8Array, wanted: Iterable<number>): Map<number, number> {
  const want = new Set(wanted);
  const lines = new Map<number, number>();
  scanCsv(bytes, { onRecord: (record, line) => want.has(record) && lines.set(record, line) });
  return lines;
}

/** The physical line of a byte offset of a file with LF line ends. */
export function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

/** The line and 1-based field number of a byte offset; for any ASCII-compatible bytes (GBK, Latin-1). */
export function fieldPosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  return scanCsv(bytes.subarray(0, offset)).end;
}

/** A copy with every CRLF and CR turned into LF, so DuckDB never has to guess the line end. */
export function withLfLineEnds(bytes: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(bytes.length);
  let length = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0d) {
      out[length++] = 0x0a;
      if (bytes[i + 1] === 0x0a) i++;
    } else {
      out[length++] = b;
    }
  }
  return out.subarray(0, length);
}

/**
 * Enough of a record to quote it (shown() cuts at 80 characters), without decoding megabytes.
 * Cuts between characters: `end` may fall inside one.
 */
function excerpt(bytes: Uint8Array, start: number, end: number): string {
  let cut = Math.min(end, start + 400);
  while (cut < bytes.length && (bytes[cut]! & 0xc0) === 0x80) cut++; // UTF-8 continuation bytes
  return utf8.decode(bytes.subarray(start, cut)) + (cut < end ? '…' : '');
}

function kib(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KiB`;
}

/**
 * Separators a spreadsheet writes in place of the comma: Excel on a computer whose decimal mark is
 * a comma saves "CSV" with semicolons, and "Text (Tab delimited)" with tabs.
 */
const FOREIGN_DELIMITERS = [
  { character: ';', name: 'semicolons (;)' },
  { character: '\t', name: 'tabs' },
] as const;

/** How far into a file its header line is looked for: far beyond any header, far below a big file. */
const HEADER_SEARCH_BYTES = 64 * 1024;

/**
 * The separator a file's header line uses when it is not the comma: the header (its first line
 * that is not empty) holds no comma but splits on `;` or a tab into two or more names, one of them
 * a column of the table (`columns`). Read as CSV, such a file has one column with a long name and
 * lacks every other, a dozen messages that hide the one mistake.
 */
export function foreignDelimiter(bytes: Uint8Array, columns: readonly string[]): { line: number; name: string; header: string } | undefined {
  const lines = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, HEADER_SEARCH_BYTES)).toString('utf8').split(/\r\n|\r|\n/);
  const index = lines.findIndex((text) => text.trim() !== '');
  const header = lines[index];
  if (header === undefined || header.includes(',')) return undefined;
  const unquoted = (name: string) => name.trim().replace(/^"(.*)"$/, '$1');
  const found = FOREIGN_DELIMITERS.find(({ character }) => {
    const names = header.split(character).map(unquoted);
    return names.length > 1 && names.some((name) => columns.includes(name));
  });
  return found && { line: index + 1, name: found.name, header };
}
