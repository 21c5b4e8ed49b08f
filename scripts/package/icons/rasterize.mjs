// Draws shapes into RGBA pixels, antialiased by signed distance: each pixel is covered by how far inside
// the shape its center lies, measured in pixels. Exact for the straight edges and arcs the icon is made of.

/** @typedef {import('./svg-shapes.mjs').Drawing} Drawing @typedef {import('./svg-shapes.mjs').Shape} Shape */

/** Straight (not premultiplied) RGBA, `size`×`size`. @param {Drawing} drawing @param {number} size */
export function rasterize(drawing, size) {
  const [minX, minY, width, height] = drawing.viewBox;
  const scale = size / Math.max(width, height);
  const pixels = new Float64Array(size * size * 4); // premultiplied while drawing
  for (const shape of drawing.shapes) {
    const [r, g, b, a] = shape.kind === 'rect' ? shape.fill : shape.stroke;
    for (let py = 0; py < size; py++) {
      for (let px = 0; px < size; px++) {
        const x = (px + 0.5) / scale + minX;
        const y = (py + 0.5) / scale + minY;
        const coverage = Math.min(1, Math.max(0, 0.5 - distance(shape, x, y) * scale));
        if (coverage === 0) continue;
        const alpha = (a / 255) * coverage;
        const i = (py * size + px) * 4;
        // "Source over", premultiplied.
        pixels[i] = (r / 255) * alpha + (pixels[i] ?? 0) * (1 - alpha);
        pixels[i + 1] = (g / 255) * alpha + (pixels[i + 1] ?? 0) * (1 - alpha);
        pixels[i + 2] = (b / 255) * alpha + (pixels[i + 2] ?? 0) * (1 - alpha);
        pixels[i + 3] = alpha + (pixels[i + 3] ?? 0) * (1 - alpha);
      }
    }
  }
  const out = new Uint8Array(size * size * 4);
  for (let i = 0; i < out.length; i += 4) {
    const alpha = pixels[i + 3] ?? 0;
    for (let c = 0; c < 3; c++) out[i + c] = alpha === 0 ? 0 : Math.round(((pixels[i + c] ?? 0) / alpha) * 255);
    out[i + 3] = Math.round(alpha * 255);
  }
  return out;
}

/**
 * Signed distance from (x, y) to the shape's edge, in drawing units: negative inside.
 * @param {Shape} s @param {number} x @param {number} y
 */
function distance(s, x, y) {
  if (s.kind === 'rect') {
    const r = Math.min(s.rx, s.width / 2, s.height / 2);
    const qx = Math.abs(x - (s.x + s.width / 2)) - s.width / 2 + r;
    const qy = Math.abs(y - (s.y + s.height / 2)) - s.height / 2 + r;
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
  }
  // A round-capped stroke: the distance to the segment, less half the width.
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.min(1, Math.max(0, ((x - s.x1) * dx + (y - s.y1) * dy) / length2));
  return Math.hypot(x - (s.x1 + t * dx), y - (s.y1 + t * dy)) - s.width / 2;
}
