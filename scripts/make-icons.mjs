// Draws the add-in's icon (a ruled sheet with a tick, on the product's blue) at every size the
// manifest needs and writes assets/icon-N.png. Pure Node (zlib), so anyone can regenerate it.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

// The manifest's 8 ribbon sizes (16, 32, 80 required; 20, 24, 40, 48, 64 sharp at 125-200% scaling), and 128 for the store.
const SIZES = [16, 20, 24, 32, 40, 48, 64, 80, 128];
const SUPER = 4;
const BLUE = [0x1f, 0x4e, 0x79];
const WHITE = [0xff, 0xff, 0xff];
const LINE = [0x8e, 0xa9, 0xc1];
const GREEN = [0x10, 0x7c, 0x41];

/** Colour at a point of the unit square, or null for transparent. */
function paint(x, y) {
  const r = 0.16;
  const inside = (cx, cy) => (cx - Math.min(Math.max(cx, r), 1 - r)) ** 2 + (cy - Math.min(Math.max(cy, r), 1 - r)) ** 2 <= r * r;
  if (!inside(x, y)) return null;
  // The tick: two strokes, distance from segments.
  const seg = (ax, ay, bx, by) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
  };
  if (Math.min(seg(0.44, 0.66, 0.58, 0.8), seg(0.58, 0.8, 0.86, 0.42)) < 0.065) return GREEN;
  // The sheet: a white page with ruled rows.
  if (x > 0.18 && x < 0.7 && y > 0.16 && y < 0.84) {
    const rows = [0.3, 0.44, 0.58];
    if (x > 0.26 && x < 0.62 && rows.some((ry) => Math.abs(y - ry) < 0.03)) return LINE;
    return WHITE;
  }
  return BLUE;
}

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < SUPER; sy++) {
        for (let sx = 0; sx < SUPER; sx++) {
          const c = paint((px + (sx + 0.5) / SUPER) / size, (py + (sy + 0.5) / SUPER) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((255 * a) / (SUPER * SUPER));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) writeFileSync(new URL(`../assets/icon-${size}.png`, import.meta.url), png(size));
console.log(`wrote ${SIZES.map((s) => `assets/icon-${s}.png`).join(', ')}`);
