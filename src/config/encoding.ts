/**
 * Which encoding a text file is in, decided once for the whole file from its bytes, for the CSV
 * tables and for competition.yaml alike. A file is never decoded one way in part and another way
 * in the rest: a file that fits no single encoding is refused, at the first byte that does not fit,
 * with the conversion that fits what was found.
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BuildError } from './diagnostics.ts';

export type Encoding =
  /** Valid UTF-8 throughout; `bom` says whether it starts with a byte-order mark to skip. */
  | { kind: 'utf8'; bom: boolean }
  /** Chinese text as Excel on a Chinese Windows saves it: decoded whole. `badByte` is its first non-UTF-8 byte. */
  | { kind: 'gb18030'; text: string; badByte: number }
  | { kind: 'utf16' }
  /** UTF-8 text on some lines, another encoding on others (`utf8Line` is one of the UTF-8 ones). */
  | { kind: 'mixed'; badByte: number; utf8Line: number }
  /** Not UTF-8 and not Chinese: a Western single-byte encoding such as "Hans M\xFCller". */
  | { kind: 'windows-1252'; badByte: number }
  | { kind: 'unknown'; badByte: number };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * GB18030 is accepted only when at least this share of its two-byte characters are GB2312 hanzi
 * or Chinese punctuation: real Chinese text is almost all GB2312, while Latin-1 or UTF-8 bytes read
 * as GB18030 rarely are ("M\xFCller" reads as "M黮ler", whose 黮 is outside GB2312).
 */
const CHINESE_SHARE = 0.8;
/** Below this share a line that is valid UTF-8 is taken to be UTF-8, not GBK that happens to fit. */
const CHINESE_LINE_SHARE = 0.5;

export function detectEncoding(bytes: Uint8Array): Encoding {
  if (looksLikeUtf16(bytes)) return { kind: 'utf16' };
  const bom = UTF8_BOM.every((b, i) => bytes[i] === b);
  if (isUtf8(bytes)) return { kind: 'utf8', bom };
  const lines = classifyLines(bytes);
  if (bom || lines.utf8Line !== undefined || lines.ambiguous > lines.notUtf8) {
    return { kind: 'mixed', badByte: lines.firstBadByte, utf8Line: lines.utf8Line ?? lines.firstAmbiguousLine ?? 1 };
  }
  const gbk = gbkProfile(bytes, 0, bytes.length);
  if (gbk.valid && gbk.pairs > 0 && gbk.chinesePairs >= CHINESE_SHARE * gbk.pairs) {
    return { kind: 'gb18030', text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), badByte: lines.firstBadByte };
  }
  return isWindows1252(bytes) ? { kind: 'windows-1252', badByte: lines.firstBadByte } : { kind: 'unknown', badByte: lines.firstBadByte };
}

/**
 * A text file that must be UTF-8 (competition.yaml: it is written in an editor, not exported from
 * Excel), as text without its byte-order mark. Anything else is refused at its first non-UTF-8
 * byte, with the conversion that fits, and so is a forbidden character (forbiddenCharacterAt).
 * `shownFile` names it in messages.
 */
export function readUtf8Text(file: string, shownFile: string, stage: string): string {
  const bytes = readFileSync(file);
  const encoding = detectEncoding(bytes);
  if (encoding.kind !== 'utf8') {
    const at = 'badByte' in encoding ? textPosition(bytes, encoding.badByte) : {};
    throw new BuildError(stage, [{ file: shownFile, ...at, ...encodingAdvice(encoding, bytes, file) }]);
  }
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (!mayStartForbidden(b)) continue;
    const character = forbiddenCharacterAt(bytes, i);
    if (character) throw new BuildError(stage, [{ file: shownFile, ...textPosition(bytes, i), ...forbiddenCharacterProblem(character) }]);
  }
  return bytes.subarray(encoding.bom ? 3 : 0).toString('utf8');
}

export interface ForbiddenCharacter {
  /** The character itself, for its code point. */
  text: string;
  what: string;
}

/** Whether a byte of UTF-8 text can start a character forbiddenCharacterAt refuses (a cheap test before it). */
export const mayStartForbidden = (b: number): boolean => b < 0x20 || b === 0x7f || b === 0xc2 || b === 0xd8 || b === 0xe2 || b === 0xef || (b >= 0xf0 && b <= 0xf4);

/**
 * A character no text Podium reads may hold, starting at byte i of UTF-8 text: C0 controls other
 * than tab, LF and CR (NUL above all: it must never reach a page), DEL, C1 controls, the bidi
 * overrides and isolates U+202A–U+202E and U+2066–U+2069, which can show a name backwards, the
 * invisible direction marks LRM, RLM and ALM (U+200E, U+200F, U+061C), which make two names that
 * look alike differ and can move the digits next to them, the line and paragraph separators
 * U+2028 and U+2029, which break a line on a page (and in YAML) where the file shows none, and the
 * noncharacters (U+FDD0–U+FDEF, and U+FFFE and U+FFFF of every plane), which HTML and XML forbid.
 */
export function forbiddenCharacterAt(bytes: Uint8Array, i: number): ForbiddenCharacter | undefined {
  const b = bytes[i]!;
  const next = bytes[i + 1] ?? 0;
  const third = bytes[i + 2] ?? 0;
  const fourth = bytes[i + 3] ?? 0;
  const character = (length: number, what: string) => ({ text: Buffer.from(bytes.subarray(i, i + length)).toString('utf8'), what });
  if (b === 0) return character(1, 'a NUL byte');
  if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) return character(1, 'a control character');
  if (b === 0xc2 && next >= 0x80 && next <= 0x9f) return character(2, 'a control character');
  if ((b === 0xd8 && next === 0x9c) || (b === 0xe2 && next === 0x80 && (third === 0x8e || third === 0x8f))) {
    return character(b === 0xd8 ? 2 : 3, 'an invisible text-direction mark, which makes names that look alike differ');
  }
  if (b === 0xe2 && next === 0x80 && (third === 0xa8 || third === 0xa9)) return character(3, 'a line or paragraph separator, which breaks the line on a page');
  if (b === 0xe2 && ((next === 0x80 && third >= 0xaa && third <= 0xae) || (next === 0x81 && third >= 0xa6 && third <= 0xa9))) {
    return character(3, 'a text-direction control, which can show text backwards on a page');
  }
  if (b === 0xef && ((next === 0xb7 && third >= 0x90 && third <= 0xaf) || (next === 0xbf && third >= 0xbe))) return character(3, 'a noncharacter, which no page may hold');
  // A four-byte character whose code point ends in FFFE or FFFF (U+1FFFE … U+10FFFF).
  if (b >= 0xf0 && b <= 0xf4 && (next & 0x0f) === 0x0f && third === 0xbf && fourth >= 0xbe && fourth <= 0xbf) return character(4, 'a noncharacter, which no page may hold');
  return undefined;
}

export function forbiddenCharacterProblem(character: ForbiddenCharacter): { expected: string; found: string } {
  return { expected: 'text without control or direction-changing characters', found: `${character.what} (${codePoints(character.text)}); delete it or retype it` };
}

/** "U+00A0 U+3000": the characters of a short text, for ones a message cannot show. */
export function codePoints(text: string): string {
  const unique = [...new Set(text)];
  const listed = unique.slice(0, 4).map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  return listed.join(' ') + (unique.length > 4 ? ' …' : '');
}

/**
 * Why a refused file was refused and what to run, for a message's `expected` and `found`.
 * `file` names the file in the conversion command.
 */
export function encodingAdvice(encoding: Exclude<Encoding, { kind: 'utf8' }>, bytes: Uint8Array, file: string): { expected: string; found: string } {
  const name = path.basename(file);
  const converted = `${path.basename(name, path.extname(name))}-utf8${path.extname(name)}`;
  const iconv = (from: string) => `iconv -f ${from} -t UTF-8 ${name} > ${converted}`;
  // A CSV comes from a spreadsheet; competition.yaml from an editor.
  const excel = path.extname(name).toLowerCase() === '.csv' ? 'in Excel use "Save as → CSV UTF-8 (逗号分隔)"' : 'save it as UTF-8 in your editor';
  const expected = 'UTF-8 text (or GB18030/GBK Chinese text as Excel saves it)';
  const byte = 'badByte' in encoding ? `byte 0x${(bytes[encoding.badByte] ?? 0).toString(16).toUpperCase().padStart(2, '0')}` : '';
  switch (encoding.kind) {
    case 'utf16':
      return { expected, found: `UTF-16 text (Excel's "Unicode Text"); ${excel}, or run: ${iconv('UTF-16')}` };
    case 'mixed':
      return {
        expected: 'one encoding for the whole file',
        found: `${byte}, which is not UTF-8, in a file that is UTF-8 elsewhere (line ${encoding.utf8Line}): the file mixes encodings. Retype this line, or ${excel}`,
      };
    case 'windows-1252':
      return { expected, found: `${byte}: Western European text (Windows-1252/Latin-1), not UTF-8; ${excel}, or run: ${iconv('WINDOWS-1252')}` };
    case 'gb18030':
      return { expected: 'UTF-8 text', found: `GB18030/GBK text; ${excel}, or run: ${iconv('GB18030')}` };
    case 'unknown':
      return { expected, found: `${byte}, which fits neither; ${excel}` };
  }
}

/** Line (1-based) and character column (1-based) of a byte offset, counting CR, LF and CRLF as line ends. */
export function textPosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  let column = 1;
  // Count characters, not bytes: UTF-8 continuation bytes (10xxxxxx) do not start one.
  for (let i = lineStart; i < offset; i++) if ((bytes[i]! & 0xc0) !== 0x80) column++;
  return { line, column };
}

/**
 * UTF-16 with a byte-order mark, or without one: ASCII text in UTF-16 has a NUL in every other
 * byte, which would otherwise pass as (odd) UTF-8.
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const sample = Math.min(bytes.length, 4096) & ~1;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  const pairs = sample / 2;
  return Math.max(evenNuls, oddNuls) >= Math.max(4, pairs * 0.3);
}

interface LineClasses {
  /** Offset of the first byte that is not UTF-8. */
  firstBadByte: number;
  /** The first line that can only be UTF-8: valid UTF-8 with non-ASCII text that is not Chinese GBK. */
  utf8Line?: number;
  /** Lines with non-ASCII text that are valid UTF-8 and read as Chinese GBK as well. */
  ambiguous: number;
  firstAmbiguousLine?: number;
  /** Lines that are not valid UTF-8. */
  notUtf8: number;
}

/**
 * Sorts the lines of a file that is not valid UTF-8. Only files that fail UTF-8 come here. Line
 * ends are found on bytes: CR and LF never occur inside a UTF-8, GBK or single-byte character.
 */
function classifyLines(bytes: Uint8Array): LineClasses {
  const classes: LineClasses = { firstBadByte: -1, ambiguous: 0, notUtf8: 0 };
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    const b = bytes[i];
    if (i < bytes.length && b !== 0x0a && b !== 0x0d) continue;
    const badByte = firstNonUtf8Byte(bytes, start, i);
    if (badByte !== undefined) {
      classes.notUtf8++;
      if (classes.firstBadByte < 0) classes.firstBadByte = badByte;
    } else if (hasNonAscii(bytes, start, i)) {
      const gbk = gbkProfile(bytes, start, i);
      if (gbk.valid && gbk.chinesePairs >= CHINESE_LINE_SHARE * gbk.pairs) {
        classes.ambiguous++;
        classes.firstAmbiguousLine ??= line;
      } else {
        classes.utf8Line ??= line;
      }
    }
    if (b === 0x0d && bytes[i + 1] === 0x0a) i++;
    line++;
    start = i + 1;
  }
  return classes;
}

function hasNonAscii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

/** The offset of the first byte in [start, end) that breaks UTF-8 (RFC 3629), if any. */
function firstNonUtf8Byte(bytes: Uint8Array, start: number, end: number): number | undefined {
  let i = start;
  while (i < end) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [length, min] = [2, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [length, min] = [3, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    if (i + length > end) return i;
    let code = b & (0x7f >> length);
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k]!;
      if ((next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += length;
  }
  return undefined;
}

/**
 * Reads [start, end) as GB18030: whether it is valid, how many two-byte characters it has, and
 * how many of those are GB2312 hanzi (lead 0xB0–0xF7) or Chinese punctuation and full-width
 * forms (lead 0xA1, 0xA3), with a trail byte 0xA1–0xFE.
 */
function gbkProfile(bytes: Uint8Array, start: number, end: number): { valid: boolean; pairs: number; chinesePairs: number } {
  let pairs = 0;
  let chinesePairs = 0;
  let i = start;
  while (i < end) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const trail = bytes[i + 1] ?? -1;
    if (lead === 0x80 || lead === 0xff || i + 1 >= end) return { valid: false, pairs, chinesePairs };
    if (trail >= 0x30 && trail <= 0x39) {
      // A four-byte GB18030 sequence: lead, digit, 0x81–0xFE, digit.
      const third = bytes[i + 2] ?? -1;
      const fourth = bytes[i + 3] ?? -1;
      if (i + 3 >= end || third < 0x81 || third > 0xfe || fourth < 0x30 || fourth > 0x39) return { valid: false, pairs, chinesePairs };
      pairs++;
      i += 4;
      continue;
    }
    if (trail < 0x40 || trail === 0x7f || trail === 0xff) return { valid: false, pairs, chinesePairs };
    pairs++;
    if (trail >= 0xa1 && ((lead >= 0xb0 && lead <= 0xf7) || lead === 0xa1 || lead === 0xa3)) chinesePairs++;
    i += 2;
  }
  return { valid: true, pairs, chinesePairs };
}

/** Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D mean nothing in Windows-1252: a file with them is not in it. */
function isWindows1252(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d) return false;
  return true;
}
