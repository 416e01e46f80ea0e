#!/usr/bin/env node
// Compares our content sniffing (src/domain/documents/sniff.ts) with maintained libraries on what an upload
// gives it: the first 64 KiB (SNIFF_BYTES) of the file. file-type judges the same head; yauzl needs the ZIP's
// central directory at the end of the file, so it gets the whole file, in memory or on disk. Prints, per input,
// what each one found, then the time per sniff. The figures and the decision: docs/decisions/0003.
//
// The libraries are not dependencies of the project: install them aside, then point SNIFF_LIBS there.
//   npm install --prefix /tmp/sniff-libs --save-exact file-type@21.3.4 yauzl@3.4.0
//   SNIFF_LIBS=/tmp/sniff-libs node --import tsx bench/document-sniffing.mjs [more files to judge...]
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { generateTemplate } from '../scripts/document-templates/generate-template.ts';
import { readPackage, writePackage } from '../scripts/document-templates/office-package.ts';
import { SNIFF_BYTES, sniffFileKind } from '../src/domain/documents/sniff.ts';
import { documentTemplates } from '../src/domain/documents/templates.ts';
import { sampleFiles } from '../test/support/document-fixtures.ts';

const libs = process.env.SNIFF_LIBS;
if (!libs) {
  console.error(
    'Set SNIFF_LIBS to a folder where file-type and yauzl are installed (see the top of this file).',
  );
  process.exit(1);
}
const requireFromLibs = createRequire(join(libs, 'package.json'));
const { fileTypeFromBuffer } = await import(pathToFileURL(requireFromLibs.resolve('file-type/core')).href);
const yauzl = requireFromLibs('yauzl');
const versionOf = (name) =>
  JSON.parse(readFileSync(join(libs, 'node_modules', name, 'package.json'), 'utf8')).version;

// file-type's extensions as our kinds: what a switch to it would have to map.
const kindOfExtension = {
  pdf: 'pdf',
  png: 'png',
  jpg: 'jpeg',
  mp4: 'mp4',
  m4v: 'mp4',
  mov: 'quicktime',
  heic: 'heif',
  avif: 'heif',
  cfb: 'ole2',
  docx: 'docx',
  pptx: 'pptx',
  xlsx: 'xlsx',
  docm: 'officeMacro',
  xlsm: 'officeMacro',
  pptm: 'officeMacro',
  odt: 'openDocument',
  ods: 'openDocument',
  odp: 'openDocument',
  jar: 'javaArchive',
  zip: 'zip',
  exe: 'windowsExecutable',
  elf: 'elf',
  macho: 'macho',
  class: 'javaOrMacho',
  rtf: 'rtf',
  ps: 'postscript',
  gif: 'gif',
  webp: 'webp',
  tif: 'tiff',
  mkv: 'matroska',
  webm: 'matroska',
  avi: 'avi',
  mp3: 'mp3',
  gz: 'gzip',
  rar: 'rar',
  '7z': 'sevenZip',
  xml: 'xml',
};

/** file-type's verdict as one of our kinds; what it does not know (HTML, text, empty) is `-`. */
async function fileTypeKind(head) {
  const found = await fileTypeFromBuffer(head);
  return found ? (kindOfExtension[found.ext] ?? found.ext) : '-';
}

/** The kind our ZIP rules give to the entry names yauzl reads from the central directory. */
function kindOfNames(names) {
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) return 'officeMacro';
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.some((n) => n.startsWith('ppt/'))) return 'pptx';
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  if (names.includes('META-INF/MANIFEST.MF')) return 'javaArchive';
  return 'zip';
}

function namesWithYauzl(open, source) {
  return new Promise((resolve, reject) => {
    open(source, { lazyEntries: true, autoClose: true }, (error, zip) => {
      if (error) return reject(error);
      const names = [];
      zip.on('entry', (entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

async function yauzlKind(bytes) {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return 'n/a';
  try {
    return kindOfNames(await namesWithYauzl(yauzl.fromBuffer, bytes));
  } catch (error) {
    return `error: ${error.message.slice(0, 40)}`;
  }
}

/** A ZIP written the way streaming writers do: sizes and CRC after each entry's data (a data descriptor). */
async function streamedZip(entries) {
  const zip = new JSZip();
  for (const { name, data } of entries) zip.file(name, data, { date: time });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', streamFiles: true });
}

const time = new Date('2025-01-01T00:00:00Z');
const template = async (id) => generateTemplate(documentTemplates.find((t) => t.id === id));
const caseStudy = readPackage(await template('customerCaseStudy'));
const picture = {
  name: 'word/media/image1.png',
  data: Buffer.concat([sampleFiles.png, randomBytes(2 << 20)]),
};
const named = (name) => caseStudy.find((e) => e.name === name);
const rest = (...names) => caseStudy.filter((e) => !names.includes(e.name));
// LibreOffice writes [Content_Types].xml last and the package relationships first.
const libreOfficeOrder = [
  ...caseStudy.filter((e) => e.name.startsWith('_rels/') || e.name.startsWith('docProps/')),
  picture,
  ...caseStudy.filter((e) => e.name.startsWith('word/')),
  named('[Content_Types].xml'),
];
const macroTypes = {
  name: '[Content_Types].xml',
  data: Buffer.from(
    named('[Content_Types].xml')
      .data.toString()
      .replace(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
        'application/vnd.ms-word.document.macroEnabled.main+xml',
      ),
  ),
};
const workbook = writePackage(
  [
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
      ),
    },
    { name: '_rels/.rels', data: Buffer.from('<?xml version="1.0"?><Relationships/>') },
    { name: 'xl/workbook.xml', data: Buffer.from('<?xml version="1.0"?><workbook/>') },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<?xml version="1.0"?><worksheet/>') },
  ],
  time,
);

const fixtureKinds = {
  pdf: 'pdf',
  png: 'png',
  jpg: 'jpeg',
  mp4: 'mp4',
  doc: 'ole2',
  docx: 'docx',
  pptx: 'pptx',
  xlsx: 'xlsx',
  exe: 'windowsExecutable',
  elf: 'elf',
  html: 'html',
};

/** [what, bytes, the kind it is]. */
const inputs = [
  ...Object.entries(sampleFiles).map(([name, bytes]) => [`test fixture ${name}`, bytes, fixtureKinds[name]]),
  ...(await Promise.all(
    documentTemplates.map(async (t) => [`template ${t.id}`, await generateTemplate(t), t.format]),
  )),
  ['docx, Word order, 2 MiB picture', writePackage([...caseStudy, picture], time), 'docx'],
  ['docx, LibreOffice order, 2 MiB', writePackage(libreOfficeOrder, time), 'docx'],
  ['docx, streamed (data descriptors)', await streamedZip(caseStudy), 'docx'],
  // Where ours goes wrong: no part name of word/ within the first 64 KiB.
  [
    'docx, 100 KiB customXml part before word/',
    writePackage(
      [
        named('[Content_Types].xml'),
        named('_rels/.rels'),
        { name: 'customXml/item1.xml', data: randomBytes(100 << 10) },
        ...rest('[Content_Types].xml', '_rels/.rels'),
      ],
      time,
    ),
    'docx',
  ],
  [
    'docm renamed .docx',
    writePackage(
      [macroTypes, ...rest('[Content_Types].xml'), { name: 'word/vbaProject.bin', data: randomBytes(4096) }],
      time,
    ),
    'officeMacro',
  ],
  ['xlsx, Excel order', workbook, 'xlsx'],
  ['shell script', Buffer.from('#!/bin/sh\necho hello\n'), 'script'],
  ['SVG', Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'), 'svg'],
  ['plain text', Buffer.from('Notes\r\n'), 'text'],
  ...process.argv.slice(2).map((file) => [basename(file), readFileSync(file), '?']),
];

console.log(`file-type ${versionOf('file-type')}, yauzl ${versionOf('yauzl')}, Node ${process.version}\n`);
console.log('| input | size | is | ours (head) | file-type (head) | yauzl (whole file) |');
console.log('|---|---:|---|---|---|---|');
const score = { ours: 0, fileType: 0, yauzl: 0, zips: 0 };
for (const [what, bytes, expected] of inputs) {
  const head = bytes.subarray(0, SNIFF_BYTES);
  const ours = sniffFileKind(head);
  const theirs = await fileTypeKind(head);
  const unzipped = await yauzlKind(bytes);
  if (expected !== '?') {
    score.ours += ours === expected ? 1 : 0;
    score.fileType += theirs === expected ? 1 : 0;
    if (unzipped !== 'n/a') {
      score.zips += 1;
      score.yauzl += unzipped === expected ? 1 : 0;
    }
  }
  const size = bytes.length >= 1 << 20 ? `${(bytes.length / (1 << 20)).toFixed(1)} MiB` : `${bytes.length} B`;
  console.log(`| ${what} | ${size} | ${expected} | ${ours} | ${theirs} | ${unzipped} |`);
}
const known = inputs.filter(([, , expected]) => expected !== '?').length;
console.log(
  `\nright: ours ${score.ours}/${known}, file-type ${score.fileType}/${known}, yauzl ${score.yauzl}/${score.zips} ZIPs\n`,
);

/** Microseconds per call: the median of 5 runs of `calls` calls, after a warm-up run. */
async function perCall(calls, run) {
  const runs = [];
  for (let i = 0; i <= 5; i++) {
    const started = process.hrtime.bigint();
    for (let j = 0; j < calls; j++) await run();
    runs.push(Number(process.hrtime.bigint() - started) / 1000 / calls);
  }
  const timed = runs.slice(1).sort((a, b) => a - b);
  return timed[2].toFixed(1);
}

const byName = Object.fromEntries(inputs.map(([what, bytes]) => [what, bytes]));
const work = await mkdtemp(join(tmpdir(), 'cosell-bench-sniff-'));
try {
  const big = byName['docx, Word order, 2 MiB picture'];
  const onDisk = join(work, 'big.docx');
  writeFileSync(onDisk, writePackage([...caseStudy, { ...picture, data: randomBytes(25 << 20) }], time));
  console.log(
    '| input | ours: sniffFileKind(head) | file-type: fileTypeFromBuffer(head) | yauzl: entry names |',
  );
  console.log('|---|---:|---:|---:|');
  for (const what of [
    'test fixture pdf',
    'test fixture exe',
    'test fixture html',
    'template customerPresentation',
  ]) {
    const head = byName[what].subarray(0, SNIFF_BYTES);
    const yauzlTime =
      head[0] === 0x50
        ? `${await perCall(2000, () => namesWithYauzl(yauzl.fromBuffer, byName[what]))} µs`
        : '';
    console.log(
      `| ${what} | ${await perCall(20000, () => sniffFileKind(head))} µs | ${await perCall(20000, () => fileTypeFromBuffer(head))} µs | ${yauzlTime} |`,
    );
  }
  const bigHead = big.subarray(0, SNIFF_BYTES);
  console.log(
    `| docx 2 MiB (head) / 25 MiB on disk (yauzl.open) | ${await perCall(20000, () => sniffFileKind(bigHead))} µs | ${await perCall(20000, () => fileTypeFromBuffer(bigHead))} µs | ${await perCall(500, () => namesWithYauzl(yauzl.open, onDisk))} µs |`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
