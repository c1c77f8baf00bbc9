import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';

// A zip's table of contents read by hand (PKWARE APPNOTE 4.3.12, 4.3.16), so that an archive can be
// judged by its central directory before any library inflates it: exceljs (through JSZip) inflates
// every entry whole into memory, and a few MB of deflate can declare and produce hundreds of MB.

const inflateRawAsync = promisify(inflateRaw);

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** One entry of the central directory, with what it declares. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipLimits {
  maxEntries: number;
  /** Declared uncompressed bytes of all entries together. */
  maxTotalBytes: number;
  /** Declared uncompressed ÷ compressed, judged for entries above `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export type ZipDirectory = { ok: true; entries: ZipEntry[]; totalBytes: number } | { ok: false; error: string };

/** Reads and judges the central directory; errors are Chinese and name the limit that was passed. */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits): ZipDirectory {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const notZip = { ok: false as const, error: '文件不是有效的 XLSX（ZIP）格式' };
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL) return notZip;
  // The end record sits in the last 22 bytes plus a comment of at most 65,535.
  let eocd = -1;
  for (let at = buf.length - 22; at >= Math.max(0, buf.length - 22 - 0xffff); at--) {
    if (buf.readUInt32LE(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd === -1) return notZip;
  const declaredEntries = buf.readUInt16LE(eocd + 10);
  const directorySize = buf.readUInt32LE(eocd + 12);
  const directoryOffset = buf.readUInt32LE(eocd + 16);
  if (declaredEntries === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    return { ok: false, error: '不支持 ZIP64 格式的 XLSX 文件' };
  }
  if (declaredEntries > limits.maxEntries)
    return { ok: false, error: `XLSX 文件包含的部件过多（${declaredEntries} 个，不能超过 ${limits.maxEntries} 个）` };
  if (directoryOffset + directorySize > eocd) return notZip;

  const entries: ZipEntry[] = [];
  let totalBytes = 0;
  let at = directoryOffset;
  const end = directoryOffset + directorySize;
  while (at < end) {
    if (at + 46 > end || buf.readUInt32LE(at) !== CENTRAL) return notZip;
    if (entries.length >= limits.maxEntries)
      return { ok: false, error: `XLSX 文件包含的部件过多（不能超过 ${limits.maxEntries} 个）` };
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const uncompressedSize = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const localHeaderOffset = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      return { ok: false, error: '不支持 ZIP64 格式的 XLSX 文件' };
    }
    if (flags & 0x1) return { ok: false, error: 'XLSX 文件已加密：请取消密码保护后另存再上传' };
    if (method !== 0 && method !== 8) return { ok: false, error: 'XLSX 文件使用了不支持的压缩方式' };
    if (localHeaderOffset + 30 > directoryOffset || localHeaderOffset + compressedSize > directoryOffset) return notZip;
    totalBytes += uncompressedSize;
    if (totalBytes > limits.maxTotalBytes) {
      return {
        ok: false,
        error: `XLSX 文件解压后过大（超过 ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB）：请只保留统计表后另存再上传`,
      };
    }
    if (uncompressedSize > limits.ratioFloorBytes && uncompressedSize > compressedSize * limits.maxRatio) {
      return {
        ok: false,
        error: `XLSX 文件的压缩比异常（“${name.slice(0, 80)}”超过 ${limits.maxRatio} 倍），不像是正常的统计表，已拒绝`,
      };
    }
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
  }
  return { ok: true, entries, totalBytes };
}

/** Thrown when an entry inflates to more than it declared (or than it may). */
export class ZipEntryTooLargeError extends Error {}

/**
 * Inflates one entry, stopping as soon as the output passes `maxBytes` (zlib's maxOutputLength), so
 * a directory that under-declares its sizes cannot make us inflate more than we accepted.
 */
export async function inflateEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Promise<Buffer> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (buf.readUInt32LE(at) !== LOCAL) throw new Error('bad local header');
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length > maxBytes) throw new ZipEntryTooLargeError(entry.name);
    return data;
  }
  try {
    return await inflateRawAsync(data, { maxOutputLength: Math.max(1, maxBytes) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipEntryTooLargeError(entry.name);
    throw error;
  }
}
