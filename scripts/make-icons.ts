/**
 * Draws the add-in's ribbon and catalogue icons (assets/icon-16/32/64/80.png): a Fluent-blue
 * rounded square with three budget bars and a check mark. Pure Node (zlib), so the PNGs can be
 * regenerated anywhere: `npx tsc scripts/make-icons.ts --outDir /tmp/icons && node /tmp/icons/make-icons.js`.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];

const BLUE: Rgba = [15, 108, 189, 255]; // Fluent brand #0F6CBD
const LIGHT: Rgba = [207, 228, 250, 255]; // #CFE4FA
const WHITE: Rgba = [255, 255, 255, 255];

/** Signed distance to a rounded box centred at (cx, cy) with half sizes (hx, hy) and radius r. */
function roundedBox(x: number, y: number, cx: number, cy: number, hx: number, hy: number, r: number): number {
  const qx = Math.abs(x - cx) - hx + r;
  const qy = Math.abs(y - cy) - hy + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

function segment(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const px = x - ax, py = y - ay, dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - t * dx, py - t * dy);
}

/** Colour at a point of the unit square (0..1). */
function shade(x: number, y: number): Rgba | null {
  if (roundedBox(x, y, 0.5, 0.5, 0.47, 0.47, 0.16) > 0) return null;
  // Budget bars, lower left.
  const bars: [number, number][] = [[0.22, 0.55], [0.36, 0.42], [0.5, 0.62]];
  for (const [cx, top] of bars) {
    if (x > cx - 0.05 && x < cx + 0.05 && y > top && y < 0.8) return LIGHT;
  }
  // Check mark, upper right, over the bars.
  const d = Math.min(segment(x, y, 0.46, 0.5, 0.6, 0.64), segment(x, y, 0.6, 0.64, 0.84, 0.3));
  if (d < 0.075) return WHITE;
  return BLUE;
}

function render(size: number): Buffer {
  const ss = 4; // supersampling per axis
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (!c) continue;
          r += c[0] * c[3]; g += c[1] * c[3]; b += c[2] * c[3]; a += c[3];
        }
      }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round(a / (ss * ss));
    }
  }
  return encodePng(size, size, raw);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(width: number, height: number, raw: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = process.argv[2] ?? join(process.cwd(), 'assets');
mkdirSync(outDir, { recursive: true });
for (const size of [16, 32, 64, 80]) writeFileSync(join(outDir, `icon-${size}.png`), render(size));
console.log(`Ikoner skrivna till ${outDir}`);
