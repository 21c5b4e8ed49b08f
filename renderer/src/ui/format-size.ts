/** A file's size as people read it: KB under a megabyte (at least 1), MB with one decimal above. */
export function formatSize(bytes: number): string {
  return bytes < 1048576 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
}
