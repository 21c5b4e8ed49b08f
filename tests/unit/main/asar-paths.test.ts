import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unpackedPath } from '../../../electron/main/asar-paths.js';

describe('unpacked paths', () => {
  it('points a file inside app.asar at its unpacked copy, and leaves any other path alone', () => {
    const inAsar = path.join(path.sep, 'opt', 'Margin', 'resources', 'app.asar', 'out', 'workers', 'search-worker.js');
    expect(unpackedPath(inAsar)).toBe(
      path.join(path.sep, 'opt', 'Margin', 'resources', 'app.asar.unpacked', 'out', 'workers', 'search-worker.js'),
    );
    const dev = path.join(path.sep, 'home', 'me', 'margin', 'out', 'workers', 'search-worker.js');
    expect(unpackedPath(dev)).toBe(dev);
    const lookalike = path.join(path.sep, 'x', 'my-app.asar', 'out', 'w.js');
    expect(unpackedPath(lookalike)).toBe(lookalike);
  });
});
