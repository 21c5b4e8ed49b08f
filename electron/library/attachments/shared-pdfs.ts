/**
 * The library's side of the shared PDF folder: each PDF placed in the library is copied there too (after the
 * attach has returned, one at a time), and a PDF missing here is looked for there first.
 */
import type { LibraryContext } from '../context/library-context.js';
import { attachmentPath, exists } from './attachment-files.js';
import { copyToShared, fetchFromShared, type SharedFetch } from './shared-pdf-folder.js';

/** The folder this machine shares PDFs through (the app's Settings), or null when none is set. */
export type SharedFolderSource = () => Promise<string | null>;

export class SharedPdfs {
  private source: SharedFolderSource = () => Promise.resolve(null);
  private copying: Promise<void> = Promise.resolve();
  /** Warned once per run: a folder on a NAS that is away would otherwise warn at every PDF. */
  private warned = false;

  constructor(private readonly ctx: LibraryContext) {}

  /** Share through the folder `source` names (read each time: Settings may change it while the library is open). */
  use(source: SharedFolderSource): void {
    this.source = source;
  }

  folder(): Promise<string | null> {
    return this.source().catch(() => null);
  }

  /** Copy this PDF to the shared folder, in the background; a folder that is away earns one warning, nothing more. */
  offer(sha256: string): void {
    this.copying = this.copying.then(async () => {
      const folder = await this.folder();
      if (folder === null) return;
      await copyToShared(this.ctx.store.dir, folder, sha256).catch((error: unknown) => this.warn(folder, error));
    });
  }

  /** Copy every PDF of the library that the shared folder lacks (a folder just set; after a sync); how many were. */
  offerAll(): Promise<number> {
    const run = this.copying.then(() => this.copyAll());
    this.copying = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async copyAll(): Promise<number> {
    const folder = await this.folder();
    if (folder === null) return 0;
    const dir = this.ctx.store.dir;
    const hashes = new Set((await this.ctx.store.allRecords()).flatMap((r) => r.attachments.map((a) => a.sha256)));
    let copied = 0;
    for (const sha256 of hashes) {
      if (!(await exists(attachmentPath(dir, sha256)))) continue;
      const outcome = await copyToShared(dir, folder, sha256).catch((error: unknown) => this.warn(folder, error));
      if (outcome === 'copied') copied++;
      if (outcome === null) break;
    }
    return copied;
  }

  /** Look for a missing PDF in the shared folder; `no-folder` when none is set. */
  async fetch(sha256: string): Promise<SharedFetch | { readonly outcome: 'no-folder' }> {
    const folder = await this.folder();
    if (folder === null) return { outcome: 'no-folder' };
    return fetchFromShared(this.ctx.store.dir, folder, sha256).catch((error: unknown): SharedFetch => ({
      outcome: 'refused',
      message: `Shared PDF folder ${folder}: cannot read it (${error instanceof Error ? error.message : String(error)})`,
    }));
  }

  /** Wait for the copies asked for so far (tests; closing). */
  idle(): Promise<void> {
    return this.copying;
  }

  private warn(folder: string, error: unknown): null {
    if (!this.warned)
      this.ctx.store.notices.push({
        level: 'warning',
        message: `PDFs could not be copied to the shared PDF folder ${folder} (${error instanceof Error ? error.message : String(error)}); they are safe in the library.`,
      });
    this.warned = true;
    return null;
  }
}
