import { crc32, deflateRawSync } from 'node:zlib';

/** One entry of a hand-made zip; `declaredSize` overrides the uncompressed size the headers state. */
export interface ZipInput {
  name: string;
  data: Buffer | string;
  declaredSize?: number;
}

/** One entry already deflated (a caller that streams a huge entry deflates it itself). */
export interface DeflatedEntry {
  name: string;
  compressed: Buffer;
  crc: number;
  /** The true uncompressed size. */
  size: number;
  /** The uncompressed size the headers state, when it should lie. */
  declaredSize?: number;
}

/**
 * A zip built byte by byte (PKWARE APPNOTE), deflated, so that tests can write what no library
 * would: headers that lie about sizes, thousands of entries.
 */
export function makeZip(entries: ZipInput[]): Buffer {
  return zipOfDeflated(
    entries.map((entry) => {
      const data = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data);
      return {
        name: entry.name,
        compressed: deflateRawSync(data),
        crc: crc32(data),
        size: data.length,
        ...(entry.declaredSize === undefined ? {} : { declaredSize: entry.declaredSize }),
      };
    }),
  );
}

/** The zip of entries deflated by the caller. */
export function zipOfDeflated(entries: DeflatedEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const size = entry.declaredSize ?? entry.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc, 16);
    central.writeUInt32LE(entry.compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.compressed);
    centrals.push(central, name);
    offset += 30 + name.length + entry.compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
