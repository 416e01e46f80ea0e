/**
 * Legacy Office files (.doc, .xls, .ppt) are all OLE2 compound files: a little file system whose directory
 * names the streams inside. The stream that holds the document says which application wrote it, so a
 * spreadsheet renamed .doc, or an Outlook message or installer renamed .ppt, is told apart from the real
 * thing. Pure: it reads the bytes it is given, the file's head and (for files written directory-last, as
 * Office often does) its tail.
 */

/** The bytes of a file the sniffer has: its first bytes, and optionally its last ones with the file's size. */
export interface FileSample {
  head: Uint8Array;
  tail?: { bytes: Uint8Array; size: number };
}

export type CompoundFileKind = 'doc' | 'xls' | 'ppt';
/** `other`: the directory was read and names none of them; `unreadable`: it lies outside the sample. */
export type CompoundFileVerdict = CompoundFileKind | 'other' | 'unreadable';

/** The stream that marks each application's documents, as the file formats specify them. */
const MARKER_STREAMS: Record<string, CompoundFileKind> = {
  WordDocument: 'doc',
  Workbook: 'xls',
  Book: 'xls', // Excel 5 and 95
  'PowerPoint Document': 'ppt',
};

const END_OF_CHAIN = 0xfffffffe;
const MAX_DIRECTORY_SECTORS = 64;

/** Reads `length` bytes at `offset` of the file, or undefined when the sample does not hold them. */
function readAt(sample: FileSample, offset: number, length: number): DataView | undefined {
  const { head, tail } = sample;
  if (offset + length <= head.length) return new DataView(head.buffer, head.byteOffset + offset, length);
  if (tail) {
    const tailStart = tail.size - tail.bytes.length;
    if (offset >= tailStart && offset + length <= tail.size)
      return new DataView(tail.bytes.buffer, tail.bytes.byteOffset + offset - tailStart, length);
  }
  return undefined;
}

/** Which application's document the compound file is, from the names of the streams in its directory. */
export function compoundFileKind(sample: FileSample): CompoundFileVerdict {
  const header = readAt(sample, 0, 512);
  if (!header) return 'unreadable';
  const sectorShift = header.getUint16(0x1e, true);
  if (sectorShift !== 9 && sectorShift !== 12) return 'other';
  const sectorSize = 1 << sectorShift;
  const sectorOffset = (sector: number) => (sector + 1) * sectorSize;
  const entriesPerFatSector = sectorSize / 4;
  // The FAT's own sectors: the first 109 are listed in the header (more only in files of hundreds of MB).
  const fatSector = (index: number) => (index < 109 ? header.getUint32(0x4c + index * 4, true) : undefined);
  const nextSector = (sector: number): number | undefined => {
    const where = fatSector(Math.floor(sector / entriesPerFatSector));
    if (where === undefined) return undefined;
    return readAt(sample, sectorOffset(where) + (sector % entriesPerFatSector) * 4, 4)?.getUint32(0, true);
  };

  let sector: number | undefined = header.getUint32(0x30, true);
  for (
    let count = 0;
    sector !== undefined && sector !== END_OF_CHAIN && count < MAX_DIRECTORY_SECTORS;
    count++
  ) {
    const directory = readAt(sample, sectorOffset(sector), sectorSize);
    if (!directory) return 'unreadable';
    for (let at = 0; at + 128 <= sectorSize; at += 128) {
      const type = directory.getUint8(at + 0x42);
      const nameBytes = Math.min(directory.getUint16(at + 0x40, true), 64);
      if (type !== 2 || nameBytes < 2) continue; // only streams have content
      let name = '';
      for (let i = 0; i + 2 < nameBytes; i += 2)
        name += String.fromCharCode(directory.getUint16(at + i, true));
      const kind = MARKER_STREAMS[name];
      if (kind) return kind;
    }
    sector = nextSector(sector);
  }
  // The whole chain was read without a marker stream, unless a FAT sector was out of reach.
  return sector === undefined ? 'unreadable' : 'other';
}
