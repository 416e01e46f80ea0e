#!/usr/bin/env node
// Measures a co-sell document upload against a plain file copy on the same disk: a 200 MiB .mp4 uploaded
// to the built server (multipart over HTTP on 127.0.0.1) into otherDocuments, while the server's resident
// memory is sampled every 50 ms. Goals: upload at least half the copy speed; peak RSS growth < 64 MiB
// (the server streams: it never holds the file in memory). Run: node bench/document-upload.mjs
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { copyFile, mkdtemp, open, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

const MiB = 1024 * 1024;
const FILE_BYTES = 200 * MiB;
const RUNS = 5;
const PASSWORD = 'bench-password-document-upload';
const root = new URL('..', import.meta.url).pathname;

const build = spawnSync(process.execPath, [join(root, 'scripts/build-if-stale.mjs'), '--only', 'server'], {
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const work = await mkdtemp(join(tmpdir(), 'cosell-bench-upload-'));
const dataDir = join(work, 'data');
const server = spawn(process.execPath, [join(root, 'dist/server/main.js')], {
  env: {
    ...process.env,
    PORT: '0',
    COSELL_DATA_DIR: dataDir,
    COSELL_DEMO_PASSWORD: PASSWORD,
    COSELL_LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});

try {
  const base = await new Promise((resolve, reject) => {
    let output = '';
    server.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /running at (http:\/\/[^/\s]+)\//.exec(output);
      if (match) resolve(match[1].replace('localhost', '127.0.0.1'));
    });
    server.on('exit', (code) => reject(new Error(`the server exited with ${code}: ${output}`)));
  });

  const json = async (method, path, body, headers = {}) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return { body: await response.json(), headers: response.headers };
  };
  const login = await json('POST', '/api/v1/auth/login', {
    email: 'owner@contoso.example',
    password: PASSWORD,
  });
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const { body: token } = await json(
    'POST',
    '/api/v1/tokens',
    { name: 'bench' },
    { cookie, 'x-csrf-token': login.body.csrfToken },
  );
  const auth = { authorization: `Bearer ${token.token}` };
  const { body: offer } = await json(
    'POST',
    '/api/v1/offers',
    { name: 'Bench offer', offerType: 'SaaS' },
    auth,
  );

  // A 200 MiB .mp4: an ftyp box, then random bytes.
  const source = join(work, 'demo.mp4');
  {
    const ftyp = Buffer.alloc(24);
    ftyp.writeUInt32BE(24, 0);
    ftyp.write('ftypisom', 4, 'latin1');
    ftyp.write('isommp41', 16, 'latin1');
    const chunk = randomBytes(MiB);
    const file = await open(source, 'w');
    await file.write(ftyp);
    for (let written = ftyp.length; written < FILE_BYTES; written += MiB) {
      await file.write(chunk, 0, Math.min(MiB, FILE_BYTES - written));
    }
    await file.sync();
    await file.close();
  }

  const mbps = (ms) => FILE_BYTES / MiB / (ms / 1000);
  const timed = async (work) => {
    const started = performance.now();
    await work();
    return performance.now() - started;
  };
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

  const copyFileMs = [];
  const streamCopyMs = [];
  for (let i = 0; i < RUNS; i++) {
    copyFileMs.push(await timed(() => copyFile(source, join(work, `copy-${i}.mp4`))));
    await rm(join(work, `copy-${i}.mp4`));
    // A stream copy that, like the upload, fsyncs before it counts as done.
    streamCopyMs.push(
      await timed(() =>
        pipeline(createReadStream(source), createWriteStream(join(work, `stream-${i}.mp4`), { flush: true })),
      ),
    );
    await rm(join(work, `stream-${i}.mp4`));
  }

  const rssOf = () => {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'));
    return Number(match?.[1] ?? 0) * 1024;
  };
  const sampleRss = (ms) =>
    new Promise((resolve) => {
      const samples = [];
      const timer = setInterval(() => samples.push(rssOf()), 50);
      setTimeout(() => {
        clearInterval(timer);
        resolve(samples);
      }, ms);
    });

  const boundary = `----cosell-bench-${randomBytes(8).toString('hex')}`;
  const preamble = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="slot"\r\n\r\notherDocuments\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="demo.mp4"\r\n` +
      'Content-Type: video/mp4\r\n\r\n',
  );
  const epilogue = Buffer.from(`\r\n--${boundary}--\r\n`);
  const upload = () =>
    new Promise((resolve, reject) => {
      const req = request(
        `${base}/api/v1/offers/${offer.id}/co-sell/documents`,
        {
          method: 'POST',
          headers: {
            ...auth,
            'content-type': `multipart/form-data; boundary=${boundary}`,
            'content-length': String(preamble.length + FILE_BYTES + epilogue.length),
          },
        },
        (response) => {
          let text = '';
          response.on('data', (chunk) => (text += chunk));
          response.on('end', () =>
            response.statusCode === 201
              ? resolve(JSON.parse(text))
              : reject(new Error(`${response.statusCode} ${text}`)),
          );
        },
      );
      req.on('error', reject);
      req.write(preamble);
      const file = createReadStream(source, { highWaterMark: MiB });
      file.pipe(req, { end: false });
      file.on('end', () => req.end(epilogue));
      file.on('error', reject);
    });

  const idle = await sampleRss(1000);
  const baseline = median(idle);
  const uploadMs = [];
  let peak = baseline;
  for (let i = 0; i < RUNS; i++) {
    const samples = [];
    const timer = setInterval(() => samples.push(rssOf()), 50);
    uploadMs.push(await timed(upload));
    clearInterval(timer);
    peak = Math.max(peak, ...samples);
  }

  const rows = [
    ['fs.copyFile (same disk)', median(copyFileMs), Math.min(...copyFileMs)],
    ['stream copy + fsync (same disk)', median(streamCopyMs), Math.min(...streamCopyMs)],
    ['upload: multipart HTTP → blob store', median(uploadMs), Math.min(...uploadMs)],
  ];
  console.log(`\n200 MiB .mp4, ${RUNS} runs each, Node ${process.version}\n`);
  console.log('| what | median MB/s | best MB/s | median ms |');
  console.log('|---|---:|---:|---:|');
  for (const [what, med, best] of rows) {
    console.log(`| ${what} | ${mbps(med).toFixed(0)} | ${mbps(best).toFixed(0)} | ${med.toFixed(0)} |`);
  }
  const growth = (peak - baseline) / MiB;
  const ratioCopy = mbps(median(uploadMs)) / mbps(median(copyFileMs));
  const ratioStream = mbps(median(uploadMs)) / mbps(median(streamCopyMs));
  console.log(`\nupload runs (ms): ${uploadMs.map((ms) => ms.toFixed(0)).join(', ')}`);
  console.log(
    `\nserver RSS: idle ${(baseline / MiB).toFixed(0)} MiB, peak ${(peak / MiB).toFixed(0)} MiB, growth ${growth.toFixed(1)} MiB (goal < 64)`,
  );
  console.log(
    `upload / copyFile: ${(ratioCopy * 100).toFixed(0)} %, upload / stream copy: ${(ratioStream * 100).toFixed(0)} % (goal ≥ 50 %)`,
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  await rm(work, { recursive: true, force: true });
}
