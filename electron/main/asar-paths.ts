import path from 'node:path';

/**
 * Where electron-builder puts an unpacked file (electron-builder.yml `asarUnpack`): beside the archive, in
 * `app.asar.unpacked`. Worker threads are started from such a path, as plain Node would load them; outside a
 * packaged app (no `app.asar` in the path) the path is returned as it is.
 */
export function unpackedPath(file: string): string {
  const parts = file.split(path.sep);
  const at = parts.lastIndexOf('app.asar');
  if (at < 0) return file;
  return [...parts.slice(0, at), 'app.asar.unpacked', ...parts.slice(at + 1)].join(path.sep);
}
