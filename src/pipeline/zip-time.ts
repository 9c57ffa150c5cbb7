/**
 * Zip writers stamp every entry with the time it was written, so an .xlsx made twice from the
 * same rows differs in those bytes. Builds are byte-identical for the same input, so the
 * timestamps of every entry (local header, central directory, extended-timestamp extra fields)
 * are set to one fixed time, 1980-01-01 00:00, the earliest a zip can say.
 */

/** 1980-01-01 in MS-DOS date format (years since 1980 << 9 | month << 5 | day); time 00:00:00 is 0. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
const UNIX_TIME = Date.UTC(1980, 0, 1) / 1000;
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** The "UT" extra field: a flags byte, then up to three 32-bit Unix times. */
const EXTENDED_TIMESTAMP = 0x5455;

export function fixZipTimestamps(zip: Buffer): void {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || zip.readUInt32LE(end) !== END_OF_CENTRAL_DIRECTORY) throw new Error('not a zip file: no end of central directory');
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error(`zip: no central directory entry at byte ${at}`);
    zip.writeUInt16LE(DOS_TIME, at + 12);
    zip.writeUInt16LE(DOS_DATE, at + 14);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    fixExtraTimes(zip, at + 46 + nameLength, extraLength);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== LOCAL_HEADER) throw new Error(`zip: no local header at byte ${local}`);
    zip.writeUInt16LE(DOS_TIME, local + 10);
    zip.writeUInt16LE(DOS_DATE, local + 12);
    fixExtraTimes(zip, local + 30 + zip.readUInt16LE(local + 26), zip.readUInt16LE(local + 28));
    at += 46 + nameLength + extraLength + commentLength;
  }
}

function fixExtraTimes(zip: Buffer, start: number, length: number): void {
  for (let at = start; at + 4 <= start + length; ) {
    const id = zip.readUInt16LE(at);
    const size = zip.readUInt16LE(at + 2);
    if (id === EXTENDED_TIMESTAMP) {
      for (let t = at + 5; t + 4 <= at + 4 + size; t += 4) zip.writeUInt32LE(UNIX_TIME, t);
    }
    at += 4 + size;
  }
}
