#!/usr/bin/env node
// Draws the extension's icon (images/icon.png, 128×128) and the small placeholder image the sample issue
// references (examples/assets/images/ai-weekly/ui.png). Hand-written because it is ~100 lines with only
// node:zlib (deflate + crc32), where an image library would be a dependency for two static files.
// Run it again after changing a shape: `node scripts/draw-images.mjs`.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** An RGBA PNG from a colour function sampled 4×4 times per pixel (anti-aliased edges). */
function drawPng(width, height, colourAt) {
  const SS = 4;
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const [r, g, b, a] = colourAt(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS);
          acc[0] += r * a; acc[1] += g * a; acc[2] += b * a; acc[3] += a;
        }
      }
      const o = y * (width * 4 + 1) + 1 + x * 4;
      const alpha = acc[3] / (SS * SS);
      for (let c = 0; c < 3; c++) raw[o + c] = acc[3] ? Math.round(acc[c] / acc[3]) : 0;
      raw[o + 3] = Math.round(alpha * 255);
    }
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
};
const mix = (a, b, t) => a.map((v, i) => Math.round(v + (b[i] - v) * t));

/** Icon: an indigo-to-teal tile, a newsletter page with a folded corner and text lines, a green check badge. */
function icon(x, y) {
  const badge = (x - 96) ** 2 + (y - 96) ** 2;
  if (badge <= 24 ** 2) {
    // check mark: two thick strokes
    const onStroke = (ax, ay, bx, by) => {
      const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
      return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= 4.2 ** 2;
    };
    if (onStroke(84, 97, 93, 106) || onStroke(93, 106, 109, 87)) return [255, 255, 255, 1];
    return badge >= 21 ** 2 ? [255, 255, 255, 1] : [34, 170, 90, 1];
  }
  const page = inRoundRect(x, y, 30, 18, 92, 110, 5) && !(x + (32 - y) > 92 - 4 && x > 74 && y < 36);
  if (page) {
    if (x + (32 - y) > 92 - 8 && x > 72 && y < 38) return [205, 214, 235, 1]; // the fold
    if (y >= 30 && y <= 38 && x >= 40 && x <= 68) return [63, 81, 181, 1]; // the title bar
    for (const [ly, len] of [[50, 42], [60, 36], [70, 42], [80, 30], [90, 24]]) {
      if (inRoundRect(x, y, 40, ly, 40 + len, ly + 4, 2)) return [150, 160, 190, 1];
    }
    return [250, 251, 255, 1];
  }
  if (inRoundRect(x, y, 4, 4, 124, 124, 22)) return [...mix([48, 63, 159], [0, 150, 136], (x + y) / 256), 1];
  return [0, 0, 0, 0];
}

/** Placeholder screenshot for the sample issue: a grey window with a blue bar. */
function placeholder(x, y) {
  if (y < 8) return [63, 81, 181, 1];
  return inRoundRect(x, y, 8, 16, 56, 34, 3) ? [220, 224, 232, 1] : [245, 246, 250, 1];
}

for (const [file, w, h, fn] of [
  ['images/icon.png', 128, 128, icon],
  ['examples/assets/images/ai-weekly/ui.png', 64, 40, placeholder],
]) {
  const out = path.join(ROOT, file);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, drawPng(w, h, fn));
  console.log(`${file}: ${w}×${h}, ${fs.statSync(out).size} bytes`);
}
