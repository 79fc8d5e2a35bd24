#!/usr/bin/env node
/**
 * Draws the add-in icons (assets/icon-16.png … icon-128.png): a rounded square in Fluent brand blue with a
 * white check mark, anti-aliased by 4×4 supersampling. Uses only node's zlib to encode the PNGs.
 * Run by hand when the design changes (`node scripts/make-icons.js`); the PNGs are committed.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const BLUE = [15, 108, 189]; // #0F6CBD
const WHITE = [255, 255, 255];
const SS = 4; // samples per pixel side

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA pixels (Uint8Array, width*height*4) → PNG file bytes. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

/** Inside a rounded square covering [0,1]² with corner radius r. */
function inRoundedSquare(x, y, r) {
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= 0 && x <= 1 && y >= 0 && y <= 1;
}

function distToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The check mark: two strokes through three points, in unit coordinates. */
const CHECK = [
  [0.26, 0.53],
  [0.43, 0.7],
  [0.75, 0.33],
];

function drawIcon(size) {
  const rgba = new Uint8Array(size * size * 4);
  const stroke = size <= 16 ? 0.075 : 0.06; // half-width; thicker at 16 px so it stays visible
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let cover = 0;
      let white = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const u = (x + (sx + 0.5) / SS) / size;
          const v = (y + (sy + 0.5) / SS) / size;
          if (!inRoundedSquare(u, v, 0.2)) continue;
          cover++;
          const d = Math.min(distToSegment(u, v, CHECK[0], CHECK[1]), distToSegment(u, v, CHECK[1], CHECK[2]));
          if (d <= stroke) white++;
        }
      }
      const i = (y * size + x) * 4;
      if (cover === 0) continue;
      const w = white / cover;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(BLUE[c] * (1 - w) + WHITE[c] * w);
      rgba[i + 3] = Math.round((255 * cover) / (SS * SS));
    }
  }
  return encodePng(size, size, rgba);
}

if (require.main === module) {
  const out = path.resolve(__dirname, "..", "assets");
  fs.mkdirSync(out, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(out, `icon-${size}.png`);
    fs.writeFileSync(file, drawIcon(size));
    console.log(`${path.relative(process.cwd(), file)} (${size}×${size})`);
  }
}

module.exports = { drawIcon, encodePng, SIZES };
