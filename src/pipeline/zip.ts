/**
 * The little of the zip format that Podium needs to read .xlsx files, which are zip archives:
 * their central directory, to learn how large a workbook will be once unpacked before it is
 * opened. (The workbooks Podium writes are zipped by xlsx-file.mjs.)
 */
const CENTRAL_HEADER = 0x02014b50;

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

/** The bytes the archive's entries say they unpack to; throws when `zip` is not a zip archive. */
export function unpackedSize(zip: Buffer): number {
  return centralEntries(zip).reduce((sum, at) => sum + zip.readUInt32LE(at + 24), 0);
}
