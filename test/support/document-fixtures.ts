import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

/** A ZIP archive of stored (uncompressed) entries: enough to look like an Office Open XML file. */
export function storedZip(entries: Record<string, string | Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

const ooxml = (folder: string, part: string) =>
  storedZip({
    '[Content_Types].xml': '<?xml version="1.0"?><Types/>',
    '_rels/.rels': '<?xml version="1.0"?><Relationships/>',
    [`${folder}/${part}`]: '<?xml version="1.0"?><root/>',
  });

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;

/** A 128-byte compound file directory entry. */
function directoryEntry(name: string, type: 0 | 2 | 5, child = FREE): Buffer {
  const entry = Buffer.alloc(128);
  if (type !== 0) {
    entry.write(name, 0, 'utf16le');
    entry.writeUInt16LE((name.length + 1) * 2, 0x40);
  }
  entry.writeUInt8(type, 0x42);
  entry.writeUInt8(1, 0x43); // black
  entry.writeUInt32LE(FREE, 0x44);
  entry.writeUInt32LE(FREE, 0x48);
  entry.writeUInt32LE(child, 0x4c);
  entry.writeUInt32LE(END_OF_CHAIN, 0x74);
  return entry;
}

/**
 * The smallest OLE2 compound file holding one (empty) stream named `streamName`: what Word (WordDocument),
 * Excel (Workbook) and PowerPoint (PowerPoint Document) files are, as far as their directory goes. The FAT
 * comes first; with `fillerSectors`, that many 512-byte sectors come before the directory, as in files
 * Office writes with the directory at the end.
 */
export function compoundFile(streamName: string, { fillerSectors = 0 } = {}): Buffer {
  const fatSectors = Math.ceil((fillerSectors + 2) / 128);
  const directorySector = fatSectors + fillerSectors;
  const header = Buffer.alloc(512, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e); // 512-byte sectors
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(fatSectors, 0x2c);
  header.writeUInt32LE(directorySector, 0x30);
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(END_OF_CHAIN, 0x3c);
  header.writeUInt32LE(END_OF_CHAIN, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i < fatSectors ? i : FREE, 0x4c + i * 4);
  const fat = Buffer.alloc(fatSectors * 512, 0xff);
  for (let i = 0; i < fatSectors; i++) fat.writeUInt32LE(0xfffffffd, i * 4); // the FAT's own sectors
  fat.writeUInt32LE(END_OF_CHAIN, directorySector * 4);
  const directory = Buffer.concat([
    directoryEntry('Root Entry', 5, 1),
    directoryEntry(streamName, 2),
    directoryEntry('', 0),
    directoryEntry('', 0),
  ]);
  return Buffer.concat([header, fat, Buffer.alloc(fillerSectors * 512, 0x20), directory]);
}

/** Tiny files of every accepted kind, valid as far as the first bytes go. */
export const sampleFiles = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  png: Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IEND', Buffer.alloc(0)),
  ]),
  jpg: Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\0', 'latin1'),
    Buffer.from([1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]),
  ]),
  mp4: mp4Header(64),
  doc: compoundFile('WordDocument'),
  xls: compoundFile('Workbook'),
  ppt: compoundFile('PowerPoint Document'),
  docx: ooxml('word', 'document.xml'),
  pptx: ooxml('ppt', 'presentation.xml'),
  xlsx: ooxml('xl', 'workbook.xml'),
  exe: Buffer.concat([
    Buffer.from('MZ\x90\0', 'latin1'),
    Buffer.alloc(60),
    Buffer.from('This program cannot be run in DOS mode'),
  ]),
  elf: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(57)]),
  html: Buffer.from('<!DOCTYPE html>\n<html><body><script>alert(1)</script></body></html>\n'),
};

/** An MP4 `ftyp` box followed by `extra` bytes (random unless `fill` is given). */
export function mp4Header(extra: number, fill?: number): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypisom', 4, 'latin1');
  ftyp.writeUInt32BE(0x200, 12);
  ftyp.write('isommp41', 16, 'latin1');
  return Buffer.concat([ftyp, fill === undefined ? randomBytes(extra) : Buffer.alloc(extra, fill)]);
}

export type FormPart =
  | { name: string; value: string }
  | { name: string; fileName: string; content: Buffer; contentType?: string };

export const BOUNDARY = '----cosell-test-boundary-7MA4YWxkTrZu0gW';

/** A multipart/form-data body with these parts, and its content-type header. */
export function multipart(parts: FormPart[], options: { truncateAt?: number } = {}) {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${BOUNDARY}\r\n`));
    if ('value' in part) {
      chunks.push(
        Buffer.from(`Content-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`),
      );
    } else {
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"; filename*=UTF-8''${encodeURIComponent(part.fileName)}\r\n` +
            `Content-Type: ${part.contentType ?? 'application/octet-stream'}\r\n\r\n`,
        ),
        part.content,
        Buffer.from('\r\n'),
      );
    }
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  const body = Buffer.concat(chunks);
  return {
    payload: options.truncateAt === undefined ? body : body.subarray(0, options.truncateAt),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  };
}
