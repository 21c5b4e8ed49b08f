// Generates the app's icons from assets/icon.svg (the source): assets/icons/<N>x<N>.png for Linux,
// assets/icon.png (512), assets/icon.icns (macOS) and assets/icon.ico (Windows). Run after changing the SVG:
//   node scripts/package/make-icons.mjs
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { icns, ico } from './icons/containers.mjs';
import { encodePng } from './icons/png.mjs';
import { rasterize } from './icons/rasterize.mjs';
import { readSvg } from './icons/svg-shapes.mjs';

/** Every size any platform asks for. */
export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

/** The PNG of the icon at one size. @param {string} svg @param {number} size */
export function iconPng(svg, size) {
  return encodePng(rasterize(readSvg(svg), size), size);
}

async function main() {
  const assets = path.resolve(import.meta.dirname, '../../assets');
  const svg = await readFile(path.join(assets, 'icon.svg'), 'utf8');
  const pngs = new Map(ICON_SIZES.map((size) => [size, iconPng(svg, size)]));
  await mkdir(path.join(assets, 'icons'), { recursive: true });
  for (const [size, png] of pngs) await writeFile(path.join(assets, 'icons', `${size}x${size}.png`), png);
  await writeFile(path.join(assets, 'icon.png'), pngs.get(512) ?? Buffer.alloc(0));
  await writeFile(path.join(assets, 'icon.icns'), icns(pngs));
  await writeFile(path.join(assets, 'icon.ico'), ico(pngs));
  console.log(
    `wrote ${pngs.size} PNGs, icon.png, icon.icns and icon.ico into ${path.relative(process.cwd(), assets)}/`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) await main();
