/**
 * OCR (par … --ocr) with tesseract.js and the Vietnamese data of the npm package @tesseract.js-data/vie: its
 * langPath is always given, so nothing is downloaded at run time (offices behind a proxy, machines offline).
 * Images pulled out of a scanned PDF come as raw pixels and are encoded as PNG for tesseract.
 */
import { deflateSync } from "node:zlib";
import type { PdfImage } from "./pdf-text";

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Raw pixels of a PDF image (pdf.js ImageKind 1, 2 or 3) as a greyscale PNG. */
export function imagePng(img: PdfImage): Buffer {
  const { width, height, kind, data } = img;
  const rows = Buffer.alloc((width + 1) * height);
  const rowBytes1 = (width + 7) >> 3;
  for (let y = 0; y < height; y++) {
    rows[y * (width + 1)] = 0;
    for (let x = 0; x < width; x++) {
      let grey: number;
      if (kind === 1) grey = (data[y * rowBytes1 + (x >> 3)] >> (7 - (x & 7))) & 1 ? 255 : 0;
      else {
        const step = kind === 3 ? 4 : 3;
        const i = (y * width + x) * step;
        grey = Math.round(0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2]);
      }
      rows[y * (width + 1) + 1 + x] = grey;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}

type TesseractWorker = { recognize(image: Buffer): Promise<{ data: { text: string } }>; terminate(): Promise<unknown> };

/** One tesseract worker for a run, created when the first image needs it. */
export class OcrReader {
  private worker: Promise<TesseractWorker> | null = null;

  private start(): Promise<TesseractWorker> {
    // Required when first needed: a run without --ocr never loads tesseract.
    const { createWorker } = require("tesseract.js") as { createWorker: (lang: string, oem?: number, options?: Record<string, unknown>) => Promise<TesseractWorker> };
    const { langPath } = require("@tesseract.js-data/vie") as { langPath: string };
    return createWorker("vie", 1, { langPath, gzip: true, cacheMethod: "none", logger: () => undefined, errorHandler: () => undefined });
  }

  async recognize(image: Buffer): Promise<string> {
    this.worker ??= this.start();
    const worker = await this.worker;
    const result = await worker.recognize(image);
    return result.data.text;
  }

  async close(): Promise<void> {
    if (this.worker) await (await this.worker).terminate();
    this.worker = null;
  }
}
