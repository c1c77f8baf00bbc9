import { describe, expect, it } from 'vitest';
import { STATISTICS_UPLOAD_LIMITS as LIMITS } from '../app/models/statistics-import.server';
import { MULTIPART_OVERHEAD_BYTES, readMultipartUpload } from '../app/utils/upload.server';

const BOUNDARY = '----drillTestBoundary7MA4YWxk';

type Part = { name: string; value: string | Buffer; filename?: string };

/** A multipart body written by hand, so that names and sizes are exactly what a client could send. */
function body(parts: Part[]): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const file = part.filename === undefined ? '' : `; filename="${part.filename}"`;
    const type = part.filename === undefined ? '' : '\r\nContent-Type: application/octet-stream';
    chunks.push(
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"${file}${type}\r\n\r\n`),
    );
    chunks.push(Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

function post(payload: Buffer | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return new Request('http://localhost/reports/import', {
    method: 'POST',
    body: payload,
    headers: { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`, ...headers },
    duplex: 'half',
  } as RequestInit);
}

const year = { name: 'periodYear', value: '2023' };
const tsv = Buffer.from('地区\t执法人员数\n海港区\t62\n'.repeat(10)).subarray(0, 300);

describe('a multipart upload says what went wrong', () => {
  it('a 300-byte file whose name holds ; = and quotes is read as it is', async () => {
    const name = '秦皇岛;统计=2023 %22终稿%22.tsv';
    const result = await readMultipartUpload(post(body([year, { name: 'file', filename: name, value: tsv }])), LIMITS);
    if (!result.ok) throw new Error(result.message);
    expect(result.fields).toEqual({ periodYear: '2023' });
    expect(result.file!.name).toBe('秦皇岛;统计=2023 "终稿".tsv');
    expect(result.file!.size).toBe(300);
  });

  it('too large: a declared length above the cap is refused unread, an undeclared one is cut off', async () => {
    const tooLarge = { ok: false, status: 413, message: '上传内容过大：统计文件不能超过 5 MB' };
    const big = body([
      year,
      { name: 'file', filename: 'big.tsv', value: Buffer.alloc(LIMITS.file.maxBytes + MULTIPART_OVERHEAD_BYTES, 0x31) },
    ]);
    expect(await readMultipartUpload(post(Buffer.alloc(10), { 'Content-Length': String(big.length) }), LIMITS)).toEqual(
      tooLarge,
    );
    const twice = body([
      year,
      { name: 'file', filename: 'big.tsv', value: Buffer.alloc(2 * LIMITS.file.maxBytes, 0x31) },
    ]);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= twice.length) return controller.close();
        controller.enqueue(twice.subarray(sent, sent + 65536));
        sent += 65536;
      },
    });
    expect(await readMultipartUpload(post(stream), LIMITS)).toEqual(tooLarge);
    expect(sent).toBeLessThan(twice.length);
    // Within the request cap but above the file limit.
    const file = body([
      year,
      { name: 'file', filename: 'big.tsv', value: Buffer.alloc(LIMITS.file.maxBytes + 1, 0x31) },
    ]);
    expect(await readMultipartUpload(post(file), LIMITS)).toEqual(tooLarge);
  });

  it('a huge text field, and thousands of parts', async () => {
    const field = body([
      { name: 'periodYear', value: '2'.repeat(1_000_000) },
      { name: 'file', filename: 'a.tsv', value: tsv },
    ]);
    expect(await readMultipartUpload(post(field), LIMITS)).toEqual({
      ok: false,
      status: 400,
      message: '“统计年度”过长',
    });
    const many = body(Array.from({ length: 5000 }, (_, i) => ({ name: `f${i}`, value: 'x' })));
    expect(await readMultipartUpload(post(many), LIMITS)).toEqual({
      ok: false,
      status: 400,
      message: '表单内容过多（最多 8 项），请在页面上重新提交',
    });
  });

  it('malformed multipart, and a body that is not multipart at all', async () => {
    const malformed = {
      ok: false,
      status: 400,
      message: '上传内容不完整或已损坏（表单数据格式错误），请重新选择文件上传',
    };
    const whole = body([year, { name: 'file', filename: 'a.tsv', value: tsv }]);
    expect(await readMultipartUpload(post(whole.subarray(0, whole.length - 40)), LIMITS)).toEqual(malformed);
    const noDisposition = Buffer.from(`--${BOUNDARY}\r\nX-Nothing: 1\r\n\r\nabc\r\n--${BOUNDARY}--\r\n`);
    expect(await readMultipartUpload(post(noDisposition), LIMITS)).toEqual(malformed);
    expect(
      await readMultipartUpload(post(whole, { 'Content-Type': 'application/x-www-form-urlencoded' }), LIMITS),
    ).toEqual({
      ok: false,
      status: 400,
      message: '上传内容格式不正确：请在页面上选择文件后提交',
    });
  });

  it('wrong file type, and file name problems', async () => {
    const upload = (filename: string, value: Buffer = tsv) =>
      readMultipartUpload(post(body([year, { name: 'file', filename, value }])), LIMITS);
    expect(await upload('统计.pdf')).toEqual({
      ok: false,
      status: 400,
      message: '文件类型不支持（“统计.pdf”）：请上传 .tsv、.csv、.txt、.xlsx 文件',
    });
    expect(await upload('统计')).toEqual({
      ok: false,
      status: 400,
      message: '文件类型不支持（“统计”）：请上传 .tsv、.csv、.txt、.xlsx 文件',
    });
    expect(await upload(`${'统'.repeat(201)}.tsv`)).toEqual({
      ok: false,
      status: 400,
      message: '文件名过长（不能超过 200 个字符）：请重命名后上传',
    });
    expect(await upload('统计\u0001.tsv')).toEqual({
      ok: false,
      status: 400,
      message: '文件名含有控制字符：请重命名后上传',
    });
    expect(await upload('统计.tsv', Buffer.alloc(0))).toEqual({
      ok: false,
      status: 400,
      message: '文件“统计.tsv”是空的',
    });
    // A path sent as the name keeps only its last part.
    const pathed = await upload('C:\\Users\\王\\统计.tsv');
    expect(pathed.ok && pathed.file!.name).toBe('统计.tsv');
  });

  it('no file chosen is no file (the form asks for one), and two files are refused', async () => {
    const none = await readMultipartUpload(
      post(body([year, { name: 'file', filename: '', value: Buffer.alloc(0) }])),
      LIMITS,
    );
    expect(none).toEqual({ ok: true, file: null, fields: { periodYear: '2023' } });
    const two = body([
      year,
      { name: 'file', filename: 'a.tsv', value: tsv },
      { name: 'file', filename: 'b.tsv', value: tsv },
    ]);
    expect(await readMultipartUpload(post(two), LIMITS)).toEqual({
      ok: false,
      status: 400,
      message: '一次只能上传一个文件',
    });
  });
});
