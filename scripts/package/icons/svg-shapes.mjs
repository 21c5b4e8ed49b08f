// Reads the few SVG shapes Margin's icon uses (rounded rects, round-capped stroked lines) into plain shapes.
// No rasterizer is installed here (no resvg, sharp, rsvg-convert or ImageMagick), so the icon is drawn by our own
// code, and anything this reader does not know is refused rather than drawn wrong.

/**
 * @typedef {{ kind: 'rect'; x: number; y: number; width: number; height: number; rx: number; fill: Rgba }} RectShape
 * @typedef {{ kind: 'line'; x1: number; y1: number; x2: number; y2: number; width: number; stroke: Rgba }} LineShape
 * @typedef {RectShape | LineShape} Shape
 * @typedef {readonly [number, number, number, number]} Rgba
 * @typedef {{ viewBox: readonly [number, number, number, number]; shapes: readonly Shape[] }} Drawing
 */

/** @param {string} svg @returns {Drawing} */
export function readSvg(svg) {
  const root = /<svg\b([^>]*)>/.exec(svg);
  if (!root) throw new Error('icon: no <svg> element');
  const box = (attributes(root[1] ?? '').viewBox ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if (box.length !== 4 || box.some((n) => !Number.isFinite(n))) throw new Error('icon: the <svg> needs a viewBox');
  /** @type {Shape[]} */
  const shapes = [];
  for (const match of svg.matchAll(/<(\w+)\b([^>]*?)\/?>/g)) {
    const [, tag = '', rest = ''] = match;
    if (tag === 'svg') continue;
    const a = attributes(rest);
    if (tag === 'rect') {
      shapes.push({
        kind: 'rect',
        x: num(a.x ?? '0'),
        y: num(a.y ?? '0'),
        width: num(a.width),
        height: num(a.height),
        rx: num(a.rx ?? '0'),
        fill: color(a.fill),
      });
    } else if (tag === 'path') {
      if (a.fill !== undefined && a.fill !== 'none') throw new Error('icon: filled paths are not supported');
      if (a['stroke-linecap'] !== 'round') throw new Error('icon: only round-capped strokes are supported');
      const width = num(a['stroke-width']);
      const stroke = color(a.stroke);
      for (const [x1, y1, x2, y2] of segments(a.d ?? '')) shapes.push({ kind: 'line', x1, y1, x2, y2, width, stroke });
    } else throw new Error(`icon: <${tag}> is not supported`);
  }
  return { viewBox: /** @type {[number, number, number, number]} */ (box), shapes };
}

/** @param {string} text @returns {Record<string, string | undefined>} */
function attributes(text) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const [, name = '', value = ''] of text.matchAll(/([\w-:]+)="([^"]*)"/g)) out[name] = value;
  return out;
}

/** @param {string | undefined} text */
function num(text) {
  const value = Number(text);
  if (text === undefined || !Number.isFinite(value)) throw new Error(`icon: not a number: ${String(text)}`);
  return value;
}

/** `#rgb` or `#rrggbb`. @param {string | undefined} text @returns {Rgba} */
function color(text) {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text ?? '')?.[1];
  if (!hex) throw new Error(`icon: unsupported color ${String(text)}`);
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const [r = 0, g = 0, b = 0] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16));
  return [r, g, b, 255];
}

/** Straight segments of a path made of M, L, H, V (and their relative forms). @param {string} d */
function segments(d) {
  /** @type {[number, number, number, number][]} */
  const out = [];
  let x = 0;
  let y = 0;
  for (const [, command = '', args = ''] of d.matchAll(/([MmLlHhVv])([^MmLlHhVvA-Za-z]*)/g)) {
    const n =
      args.trim() === ''
        ? []
        : args
            .trim()
            .split(/[\s,]+/)
            .map(num);
    const relative = command === command.toLowerCase();
    const step = 'MmLl'.includes(command) ? 2 : 1;
    for (let i = 0; i < n.length; i += step) {
      const [a = 0, b = 0] = n.slice(i, i + step);
      let nx = x;
      let ny = y;
      if ('Mm'.includes(command) || 'Ll'.includes(command)) [nx, ny] = relative ? [x + a, y + b] : [a, b];
      else if ('Hh'.includes(command)) nx = relative ? x + a : a;
      else ny = relative ? y + a : a;
      // A moveto's extra pairs are lines, as SVG says.
      if (!('Mm'.includes(command) && i === 0)) out.push([x, y, nx, ny]);
      x = nx;
      y = ny;
    }
  }
  if (/[^MmLlHhVv\d\s,.+-]/.test(d)) throw new Error('icon: only M, L, H and V path commands are supported');
  return out;
}
