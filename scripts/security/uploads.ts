// `npx tsx scripts/security/uploads.ts [--no-build]`: issue 12's hostile uploads, re-run from outside.
// Builds the app (as `npm start` does), starts it on a temporary demo database, logs in as the
// manager and sends: a valid 100,000-row TSV, four zip-bomb XLSX at once (a valid workbook whose sheet
// XML is hundreds of MB of repeated cells), four bombs whose headers under-declare their sizes, and
// the review page of a 100,000-row import stored before the row limit; last, four valid 5,000-row XLSX
// at once (the largest files accepted: exceljs's real work, one at a time). Meanwhile it samples the
// server's RSS (/proc/<pid>/status VmRSS) and another client's GET /login latency, then prints the
// figures and pass/fail against the bar: no 5xx, RSS < 600 MB throughout, /login p99 < 1 s.
// A script, not a test: the figures depend on the machine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { crc32, createDeflateRaw, constants as zlibConstants } from 'node:zlib';
import ExcelJS from 'exceljs';
import { readZipDirectory, inflateEntry } from '../../app/utils/zip.server';
import { openDatabase } from '../../db/connection';
import { prepareDatabase } from '../../db/seed';
import { log, percentile, sleep, startServer } from '../bench/lib';
import { loginProbe, reportBar, resourceChecks, rssSampler } from './probes';
import { zipOfDeflated } from '../../test/support/zip';

const ROOT = resolve(import.meta.dirname, '../..');
const SERVE = join(ROOT, 'node_modules/@remix-run/serve/dist/cli.js');

const published = readFileSync(join(ROOT, 'db/demo/published/qinhuangdao-online-enforcement-2023.tsv'), 'utf8');
const [header, ...lines] = published.trim().split('\n');

/** The valid 100,000-row TSV of the issue (about 3.2 MB): made-up units with possible figures. */
function bigTsv(rows = 100_000): Buffer {
  const body = Array.from({ length: rows }, (_, i) => `单位${i}\t10\t5\t12\t3\t0\t0\t0.50\t4\t2`);
  return Buffer.from([header, ...lines, ...body].join('\n') + '\n');
}

/** A valid XLSX at the row limit (5,000 units; the published nine then made-up ones): accepted. */
async function xlsxAtLimit(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('统计');
  for (const line of [header!, ...lines]) sheet.addRow(line.split('\t'));
  for (let i = 0; i < 5000 - lines.length; i++) sheet.addRow([`单位${i}`, 10, 5, 12, 3, 0, 0, 0.5, 4, 2]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The parts of a small valid workbook, from exceljs itself. */
async function workbookParts(): Promise<Map<string, Buffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('统计');
  for (const line of [header!, ...lines]) sheet.addRow(line.split('\t'));
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  const directory = readZipDirectory(bytes, { maxEntries: 100, maxTotalBytes: 1e8, maxRatio: 1e9, ratioFloorBytes: 0 });
  if (!directory.ok) throw new Error(directory.error);
  const parts = new Map<string, Buffer>();
  for (const entry of directory.entries)
    parts.set(entry.name, await inflateEntry(bytes, entry, entry.uncompressedSize));
  return parts;
}

/** Deflates a generated sheet XML of `targetBytes` without ever holding it: returns data, CRC and size. */
async function deflateSheet(targetBytes: number): Promise<{ compressed: Buffer; crc: number; size: number }> {
  const deflate = createDeflateRaw({ level: zlibConstants.Z_BEST_COMPRESSION });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((r) => deflate.on('end', () => r()));
  let crc = 0;
  let size = 0;
  const write = async (text: string) => {
    const chunk = Buffer.from(text);
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r));
  };
  await write(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  );
  await write(
    `<row r="1">${header!
      .split('\t')
      .map((h) => `<c t="inlineStr"><is><t>${h}</t></is></c>`)
      .join('')}</row>`,
  );
  const cells = '<c t="n"><v>1</v></c>'.repeat(2000);
  for (let r = 2; size < targetBytes; r++) await write(`<row r="${r}">${cells}</row>`);
  await write('</sheetData></worksheet>');
  deflate.end();
  await done;
  return { compressed: Buffer.concat(out), crc, size };
}

/** The zip bombs: one with true sizes in its headers, one whose sheet claims 60 KB. */
async function zipBombs(sheetBytes: number) {
  const parts = await workbookParts();
  const sheet = await deflateSheet(sheetBytes);
  const { deflateRawSync } = await import('node:zlib');
  const others = [...parts]
    .filter(([name]) => name !== 'xl/worksheets/sheet1.xml')
    .map(([name, data]) => ({ name, compressed: deflateRawSync(data), crc: crc32(data), size: data.length }));
  const honest = zipOfDeflated([...others, { name: 'xl/worksheets/sheet1.xml', ...sheet }]);
  const lying = zipOfDeflated([...others, { name: 'xl/worksheets/sheet1.xml', ...sheet, declaredSize: 60_000 }]);
  return { honest, lying, sheetBytes: sheet.size };
}

async function logIn(base: string): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: 'POST',
    body: new URLSearchParams({ username: 'qhd.manager', password: 'Drill@2023', redirectTo: '' }),
    redirect: 'manual',
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (response.status !== 302 || !cookie) throw new Error(`login failed: ${response.status}`);
  return cookie;
}

type Outcome = { what: string; status: number; ms: number; bytes: number; message: string };

async function uploadFile(base: string, cookie: string, what: string, name: string, bytes: Buffer): Promise<Outcome> {
  const form = new FormData();
  form.set('periodYear', '2021');
  form.set('file', new Blob([new Uint8Array(bytes)]), name);
  const started = performance.now();
  try {
    const response = await fetch(`${base}/reports/import`, {
      method: 'POST',
      body: form,
      headers: { cookie },
      redirect: 'manual',
    });
    const text = await response.text();
    const message = /<li>([^<]{0,120})<\/li>/.exec(text)?.[1] ?? response.headers.get('location') ?? '';
    return { what, status: response.status, ms: performance.now() - started, bytes: text.length, message };
  } catch (error) {
    return { what, status: 0, ms: performance.now() - started, bytes: 0, message: String(error) };
  }
}

async function getPage(base: string, cookie: string, what: string, path: string): Promise<Outcome> {
  const started = performance.now();
  const response = await fetch(base + path, { headers: { cookie }, redirect: 'manual' });
  const text = await response.text();
  const message = (/data-testid="import-summary"[^>]*>(.*?)<\/p>/s.exec(text)?.[1] ?? '')
    .replace(/<!-- -->/g, '')
    .slice(0, 120);
  return { what, status: response.status, ms: performance.now() - started, bytes: text.length, message };
}

async function main() {
  if (!process.argv.includes('--no-build')) {
    log('building the app (remix build)…');
    execFileSync(process.execPath, [join(ROOT, 'node_modules/@remix-run/dev/dist/cli.js'), 'build'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'drill-security-'));
  const dbPath = join(dir, 'uploads.db');
  try {
    log('preparing a demo database, with a 100,000-row import stored as before the row limit…');
    const { db } = openDatabase(dbPath);
    await prepareDatabase(db);
    const manager = await db
      .selectFrom('users')
      .select(['id', 'unit_id'])
      .where('username', '=', 'qhd.manager')
      .executeTakeFirstOrThrow();
    const row = {
      officersOnRecord: 10,
      enterprisesOnboarded: 5,
      inspections: 12,
      hazards: 3,
      majorHazards: 0,
      cases: 0,
      penaltiesWan: 0.5,
      documents: 4,
      participatingOfficers: 2,
    };
    const stored = await db
      .insertInto('statistics_imports')
      .values({
        user_id: manager.id,
        scope_unit_id: manager.unit_id,
        file_name: 'before-the-limit.tsv',
        period_year: 2021,
        rows_json: JSON.stringify(Array.from({ length: 100_000 }, (_, i) => ({ unitName: `单位${i}`, ...row }))),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.destroy();

    log('generating the files…');
    const tsv = bigTsv();
    const bombs = await zipBombs(780 * 1024 * 1024);
    const atLimit = await xlsxAtLimit();
    log(
      `  TSV ${(tsv.length / 1e6).toFixed(1)} MB; zip bomb ${(bombs.honest.length / 1e6).toFixed(2)} MB → sheet ${(bombs.sheetBytes / 1e6).toFixed(0)} MB`,
    );

    const app = await startServer({
      args: [SERVE, join(ROOT, 'build/index.js')],
      env: {
        DATABASE_PATH: dbPath,
        SESSION_SECRET: 'security-session-secret-0123456789',
        NODE_ENV: 'production',
        SCHEDULED_JOBS: '0',
      },
      readyPath: '/login',
    });
    try {
      const cookie = await logIn(app.base);
      const rss = rssSampler(app.child.pid!);
      const probe = loginProbe(app.base);
      await sleep(500);
      const outcomes: Outcome[] = [];
      outcomes.push(await uploadFile(app.base, cookie, '100,000-row TSV', 'national.tsv', tsv));
      outcomes.push(
        await getPage(app.base, cookie, 'review of a stored 100,000-row import', `/reports/import/${stored.id}`),
      );
      outcomes.push(
        ...(await Promise.all(
          [1, 2, 3, 4].map((i) => uploadFile(app.base, cookie, `zip bomb #${i}`, `bomb-${i}.xlsx`, bombs.honest)),
        )),
      );
      outcomes.push(
        ...(await Promise.all(
          [1, 2, 3, 4].map((i) =>
            uploadFile(app.base, cookie, `under-declared bomb #${i}`, `lying-${i}.xlsx`, bombs.lying),
          ),
        )),
      );
      outcomes.push(
        ...(await Promise.all(
          [1, 2, 3, 4].map((i) =>
            uploadFile(app.base, cookie, `100,000-row TSV #${i} (at once)`, `national-${i}.tsv`, tsv),
          ),
        )),
      );
      outcomes.push(
        ...(await Promise.all(
          [1, 2, 3, 4].map((i) =>
            uploadFile(app.base, cookie, `5,000-row XLSX #${i} (accepted)`, `limit-${i}.xlsx`, atLimit),
          ),
        )),
      );
      const accepted = outcomes.at(-1)!.message;
      if (accepted.startsWith('/reports/import/'))
        outcomes.push(await getPage(app.base, cookie, 'review of a 5,000-row import (page 1)', accepted));
      await sleep(1000);
      const login = await probe.stop();
      const samples = rss.stop();

      const sorted = [...login.latencies].sort((a, b) => a - b);
      const peak = Math.max(...samples);
      const fiveXx = outcomes.filter((o) => o.status >= 500 || o.status === 0);
      console.log('\nUploads and pages (status, time, body size, what the page said):');
      for (const o of outcomes)
        console.log(
          `  ${o.what.padEnd(40)} ${o.status}  ${o.ms.toFixed(0).padStart(6)} ms  ${(o.bytes / 1024).toFixed(0).padStart(5)} KB  ${o.message}`,
        );
      console.log('\nFigures:');
      console.log(
        `  server RSS: start ${samples[0]?.toFixed(0)} MB, peak ${peak.toFixed(0)} MB, end ${samples.at(-1)?.toFixed(0)} MB (${samples.length} samples)`,
      );
      console.log(
        `  other client's GET /login: ${sorted.length} requests, p50 ${percentile(sorted, 50).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms, errors ${login.errors}`,
      );
      reportBar([
        {
          name: 'no 5xx (or dropped connection)',
          pass: fiveXx.length === 0,
          figure: `${fiveXx.length} of ${outcomes.length}`,
        },
        ...resourceChecks(samples, login),
      ]);
    } finally {
      await app.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
