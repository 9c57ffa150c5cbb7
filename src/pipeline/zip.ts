/**
 * The little of the zip format that Podium needs of .xlsx files, which are zip archives: their
 * central directory, to fix the entries' timestamps of a workbook it writes and to learn how
 * large a workbook it reads will be once unpacked.
 */

/** 1980-01-01 in MS-DOS date format (years since 1980 << 9 | month << 5 | day); time 00:00:00 is 0. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
const UNIX_TIME = Date.UTC(1980, 0, 1) / 1000;
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
/** The "UT" extra field: a flags byte, then up to three 32-bit Unix times. */
const EXTENDED_TIMESTAMP = 0x5455;

/** The byte offsets of the central directory entries, read from the end-of-central-directory record. */
function centralEntries(zip: Buffer): number[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > zip.length) throw new Error('not a zip file: no end of central directory');
  const offsets: number[] = [];
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error(`zip: no central directory entry at byte ${at}`);
    offsets.push(at);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return offsets;
}

/**
 * Zip writers stamp every entry with the time it was written, so an .xlsx made twice from the
 * same rows differs in those bytes. Builds are byte-identical for the same input, so the
 * timestamps of every entry (local header, central directory, extended-timestamp extra fields)
 * are set to one fixed time, 1980-01-01 00:00, the earliest a zip can say.
 */
export function fixZipTimestamps(zip: Buffer): void {
  for (const at of centralEntries(zip)) {
    zip.writeUInt16LE(DOS_TIME, at + 12);
    zip.writeUInt16LE(DOS_DATE, at + 14);
    const nameLength = zip.readUInt16LE(at + 28);
    fixExtraTimes(zip, at + 46 + nameLength, zip.readUInt16LE(at + 30));
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== LOCAL_HEADER) throw new Error(`zip: no local header at byte ${local}`);
    zip.writeUInt16LE(DOS_TIME, local + 10);
    zip.writeUInt16LE(DOS_DATE, local + 12);
    fixExtraTimes(zip, local + 30 + zip.readUInt16LE(local + 26), zip.readUInt16LE(local + 28));
  }
}

/** The bytes the archive's entries say they unpack to; throws when `zip` is not a zip archive. */
export function unpackedSize(zip: Buffer): number {
  return centralEntries(zip).reduce((sum, at) => sum + zip.readUInt32LE(at + 24), 0);
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
