import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * Office files (DOCX, PPTX) are ZIP packages, and the libraries that write them stamp the current time into
 * them twice: the ZIP entries' modification times and the created/modified dates of docProps/core.xml. This
 * module rewrites a package with one fixed time in both places, so the same template comes out as the same
 * bytes on every run. Only what Office packages use is supported: one disk, no ZIP64, stored or deflated
 * entries.
 */

export interface PackageEntry {
  readonly name: string;
  readonly data: Buffer;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;
const UTF8_NAME_FLAG = 0x0800;
const ZIP_VERSION = 20;

/** Reads every entry of a ZIP archive, in the order of its central directory. */
export function readPackage(zip: Buffer): PackageEntry[] {
  const end = findEndOfCentralDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: PackageEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(offset) !== CENTRAL_HEADER)
      throw new Error('Not a ZIP archive: bad central directory');
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const size = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localOffset = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);

    if (zip.readUInt32LE(localOffset) !== LOCAL_HEADER)
      throw new Error(`Not a ZIP archive: bad entry ${name}`);
    const dataStart =
      localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    let data: Buffer;
    if (method === STORED) data = Buffer.from(raw);
    else if (method === DEFLATED) data = inflateRawSync(raw);
    else throw new Error(`Unsupported ZIP compression method ${method} for ${name}`);
    if (data.length !== size) throw new Error(`ZIP entry ${name} has the wrong size`);

    entries.push({ name, data });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Writes a ZIP archive of the entries, every one stamped with the same time; the same entries give the same bytes. */
export function writePackage(entries: readonly PackageEntry[], time: Date): Buffer {
  const { dosTime, dosDate } = dosDateTime(time);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const isDirectory = name.endsWith('/');
    const method = isDirectory || data.length === 0 ? STORED : DEFLATED;
    const content = method === DEFLATED ? deflateRawSync(data, { level: 9 }) : data;
    const crc = crc32(data) >>> 0;
    const flags = nameBytes.length === name.length ? 0 : UTF8_NAME_FLAG;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(ZIP_VERSION, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(content.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBytes, content);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(ZIP_VERSION, 4);
    central.writeUInt16LE(ZIP_VERSION, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(content.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    // Extra and comment lengths, disk number and internal attributes stay 0.
    central.writeUInt32LE(isDirectory ? 0x10 : 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);

    offset += local.length + nameBytes.length + content.length;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/**
 * The package rewritten to be reproducible: every entry and the document's created and modified dates
 * (docProps/core.xml) carry `time`.
 */
export function normaliseOfficePackage(zip: Buffer, time: Date): Buffer {
  const stamp = time.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const entries = readPackage(zip).map((entry) =>
    entry.name === 'docProps/core.xml'
      ? {
          name: entry.name,
          data: Buffer.from(
            entry.data
              .toString('utf8')
              .replace(
                /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
                (_match, open: string, _tag: string, close: string) => `${open}${stamp}${close}`,
              ),
            'utf8',
          ),
        }
      : entry,
  );
  return writePackage(entries, time);
}

function findEndOfCentralDirectory(zip: Buffer): number {
  if (zip.length < 22) throw new Error('Not a ZIP archive: too short');
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const lowest = Math.max(0, zip.length - 22 - 0xffff);
  for (let offset = zip.length - 22; offset >= lowest; offset--) {
    if (zip.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  throw new Error('Not a ZIP archive: no end of central directory');
}

/** MS-DOS date and time fields, as ZIP keeps them: local time without a zone, so taken in UTC here. */
function dosDateTime(time: Date): { dosTime: number; dosDate: number } {
  return {
    dosTime: (time.getUTCHours() << 11) | (time.getUTCMinutes() << 5) | Math.floor(time.getUTCSeconds() / 2),
    dosDate: ((time.getUTCFullYear() - 1980) << 9) | ((time.getUTCMonth() + 1) << 5) | time.getUTCDate(),
  };
}
