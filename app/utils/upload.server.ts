// Reading a multipart upload with the whole request bounded and every refusal named for what it is
// (docs/security.md). Remix's unstable_parseMultipartFormData bounds only each part, and its
// parser fails on a legal file name holding ";" or "=", which the route then called "文件过大".

export interface UploadLimits {
  /** The one file field, and the file types it takes (extensions, lower case, without the dot). */
  file: { name: string; label: string; maxBytes: number; extensions: readonly string[] };
  /** The text fields the form has, with their labels for messages. */
  fields: Record<string, string>;
  /** Bytes of one text field. */
  maxFieldBytes: number;
  /** Parts of the whole body (a form has a handful). */
  maxParts: number;
}

export type UploadResult =
  { ok: true; file: File | null; fields: Record<string, string> } | { ok: false; status: 400 | 413; message: string };

/** Room for the other fields, part headers and boundaries on top of the largest file. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** Longest file name kept (the name is shown on the review page and stored). */
export const MAX_FILE_NAME_LENGTH = 200;

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** A file name as it may appear in a message: without control characters, shortened. */
const shown = (name: string) => {
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
};

/**
 * The request body, no more than `maxBytes`: a declared Content-Length above it is refused unread,
 * and an undeclared (chunked) body is cut off as soon as it passes it.
 */
async function readBody(request: Request, maxBytes: number): Promise<Uint8Array | 'tooLarge' | 'broken'> {
  const declared = Number(request.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > maxBytes) return 'tooLarge';
  if (!request.body) return 'broken';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        return 'tooLarge';
      }
      chunks.push(value);
    }
  } catch {
    // The client went away mid-upload.
    return 'broken';
  }
  return Buffer.concat(chunks, size);
}

function countOccurrences(haystack: Uint8Array, needle: Buffer, stopAfter: number): number {
  const buf = Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength);
  let count = 0;
  for (let at = buf.indexOf(needle); at !== -1 && count <= stopAfter; at = buf.indexOf(needle, at + needle.length))
    count++;
  return count;
}

/**
 * Reads a multipart/form-data request with one file field and a few text fields. Refusals are
 * Chinese, say what went wrong (too large, malformed, too many parts, wrong type, the file name) and
 * carry status 413 or 400; nothing is kept from a refused request.
 */
export async function readMultipartUpload(request: Request, limits: UploadLimits): Promise<UploadResult> {
  const contentType = request.headers.get('Content-Type') ?? '';
  const boundary = /^multipart\/form-data\s*;.*\bboundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  if (!boundary) return { ok: false, status: 400, message: '上传内容格式不正确：请在页面上选择文件后提交' };
  const tooLarge = {
    ok: false as const,
    status: 413 as const,
    message: `上传内容过大：${limits.file.label}不能超过 ${megabytes(limits.file.maxBytes)}`,
  };
  const body = await readBody(request, limits.file.maxBytes + MULTIPART_OVERHEAD_BYTES);
  if (body === 'tooLarge') return tooLarge;
  const malformed = {
    ok: false as const,
    status: 400 as const,
    message: '上传内容不完整或已损坏（表单数据格式错误），请重新选择文件上传',
  };
  if (body === 'broken') return malformed;

  // Counted before parsing, so that thousands of tiny parts are never turned into objects.
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  if (countOccurrences(body, delimiter, limits.maxParts + 1) > limits.maxParts + 1) {
    return { ok: false, status: 400, message: `表单内容过多（最多 ${limits.maxParts} 项），请在页面上重新提交` };
  }
  let formData: FormData;
  try {
    formData = await new Response(body as Uint8Array<ArrayBuffer>, {
      headers: { 'Content-Type': contentType },
    }).formData();
  } catch {
    return malformed;
  }

  let file: File | null = null;
  const fields: Record<string, string> = {};
  for (const [name, value] of formData) {
    if (name === limits.file.name) {
      if (typeof value === 'string') {
        if (value !== '') return { ok: false, status: 400, message: `请通过“${limits.file.label}”选择文件上传` };
        continue;
      }
      if (file) return { ok: false, status: 400, message: '一次只能上传一个文件' };
      file = value;
      continue;
    }
    const label = limits.fields[name];
    if (!label) continue; // not a field of this form: ignored (counted in maxParts above)
    if (typeof value !== 'string') return { ok: false, status: 400, message: `“${label}”应填写文字，不能是文件` };
    if (Buffer.byteLength(value) > limits.maxFieldBytes) return { ok: false, status: 400, message: `“${label}”过长` };
    fields[name] = value;
  }

  // A file input left empty is sent as a part with no name and no content.
  if (file && file.name === '' && file.size === 0) file = null;
  if (file) {
    if (file.size > limits.file.maxBytes) return tooLarge;
    const name = file.name.split(/[/\\]/).pop() ?? '';
    if (name.trim() === '') return { ok: false, status: 400, message: '文件名为空：请重命名后上传' };
    if (name.length > MAX_FILE_NAME_LENGTH)
      return {
        ok: false,
        status: 400,
        message: `文件名过长（不能超过 ${MAX_FILE_NAME_LENGTH} 个字符）：请重命名后上传`,
      };
    if (/[\u0000-\u001f\u007f]/.test(name))
      return { ok: false, status: 400, message: '文件名含有控制字符：请重命名后上传' };
    const extension = name.includes('.') ? name.toLowerCase().split('.').pop()! : '';
    if (!limits.file.extensions.includes(extension)) {
      const allowed = limits.file.extensions.map((e) => `.${e}`).join('、');
      return { ok: false, status: 400, message: `文件类型不支持（“${shown(name)}”）：请上传 ${allowed} 文件` };
    }
    if (file.size === 0) return { ok: false, status: 400, message: `文件“${shown(name)}”是空的` };
    if (name !== file.name) file = new File([file], name, { type: file.type });
  }
  return { ok: true, file, fields };
}
