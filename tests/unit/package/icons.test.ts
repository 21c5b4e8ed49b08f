import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICNS_TYPES } from '../../../scripts/package/icons/containers.mjs';
import { pngSize } from '../../../scripts/package/icons/png.mjs';
import { readSvg } from '../../../scripts/package/icons/svg-shapes.mjs';
import { ICON_SIZES, iconPng } from '../../../scripts/package/make-icons.mjs';

const ASSETS = path.resolve(import.meta.dirname, '../../../assets');
const read = (name: string) => readFile(path.join(ASSETS, name));

describe('app icons (generated from assets/icon.svg by scripts/package/make-icons.mjs)', () => {
  it('has a PNG of every size from 16 to 1024, each as large as its name says', async () => {
    expect(ICON_SIZES).toEqual(expect.arrayContaining([16, 32, 48, 64, 128, 256, 512, 1024]));
    for (const size of ICON_SIZES)
      expect(pngSize(await read(`icons/${size}x${size}.png`)), `${size}`).toEqual({ width: size, height: size });
    expect(pngSize(await read('icon.png'))).toEqual({ width: 512, height: 512 });
  });

  it('is up to date with the SVG', async () => {
    const svg = await readFile(path.join(ASSETS, 'icon.svg'), 'utf8');
    for (const size of [16, 64]) expect(iconPng(svg, size).equals(await read(`icons/${size}x${size}.png`))).toBe(true);
  });

  it('has a Windows .ico of PNGs up to 256 (stored as 0)', async () => {
    const bytes = await read('icon.ico');
    expect([bytes.readUInt16LE(0), bytes.readUInt16LE(2)]).toEqual([0, 1]);
    const count = bytes.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i;
      const declared = bytes.readUInt8(entry) || 256;
      const png = bytes.subarray(
        bytes.readUInt32LE(entry + 12),
        bytes.readUInt32LE(entry + 12) + bytes.readUInt32LE(entry + 8),
      );
      expect(pngSize(png)).toEqual({ width: declared, height: declared });
      sizes.push(declared);
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('has a macOS .icns whose every entry is a PNG of its type’s size, up to 1024', async () => {
    const bytes = await read('icon.icns');
    expect(bytes.toString('latin1', 0, 4)).toBe('icns');
    expect(bytes.readUInt32BE(4)).toBe(bytes.length);
    const found: string[] = [];
    for (let at = 8; at < bytes.length; at += bytes.readUInt32BE(at + 4)) {
      const type = bytes.toString('latin1', at, at + 4);
      const size = ICNS_TYPES.find(([t]) => t === type)?.[1];
      expect(pngSize(bytes.subarray(at + 8, at + bytes.readUInt32BE(at + 4))), type).toEqual({
        width: size,
        height: size,
      });
      found.push(type);
    }
    expect(found).toEqual(ICNS_TYPES.map(([type]) => type));
  });

  it('refuses SVG it cannot draw faithfully', () => {
    expect(() => readSvg('<svg viewBox="0 0 8 8"><circle r="3"/></svg>')).toThrow(/circle/);
    expect(() =>
      readSvg(
        '<svg viewBox="0 0 8 8"><path d="M0 0C1 1 2 2 3 3" stroke="#000" stroke-width="1" stroke-linecap="round"/></svg>',
      ),
    ).toThrow(/path commands/);
    expect(() => readSvg('<svg><rect width="1" height="1" fill="#000"/></svg>')).toThrow(/viewBox/);
  });
});
