import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileDurable } from '../storage/durable-write.js';
import { LibraryError } from '../storage/errors.js';
import { readIfExists } from '../storage/read-if-exists.js';

/**
 * Where exports may go, decided in the process that owns the library, never by the page: the renderer
 * is untrusted, so it can name only folders this policy hands out or accepts.
 */
export interface ExportFolders {
  /** The absolute path for a folder or file the UI names, or an error saying where exports may go. */
  target(requested: string): string;
  /** Ask for a folder (the app: a native dialog); null when the user cancels. */
  choose(): Promise<string | null>;
}

function inside(base: string, target: string): boolean {
  return target === base || target.startsWith(base + path.sep);
}

/** Anywhere the caller names (the CLI, where the user types the path, and tests). */
export const anyFolder: ExportFolders = {
  target: (requested) => path.resolve(requested),
  choose: () => Promise.reject(new LibraryError('unsupported', 'type the folder to export to')),
};

/** `margin serve`: below one folder named on its command line; choosing a folder gives that folder. */
export function folderBelow(root: string): ExportFolders {
  const base = path.resolve(root);
  return {
    target(requested) {
      const target = path.resolve(base, requested);
      if (!inside(base, target))
        throw new LibraryError('invalid-request', `${requested}: exports go in ${base} or a folder inside it`);
      return target;
    },
    async choose() {
      await mkdir(base, { recursive: true });
      return base;
    },
  };
}

/** Folders the user chose, kept between runs so a remembered export folder still works. */
export interface ChosenFolderStore {
  load(): Promise<readonly string[]>;
  save(folders: readonly string[]): Promise<void>;
}

/** Most folders remembered; the oldest is forgotten first. */
const REMEMBERED = 20;

/**
 * The desktop app: exports go only into a folder the user picked in the native dialog (or a folder
 * inside it). A path the page makes up is refused, so a compromised renderer cannot write elsewhere.
 */
export async function chosenFolders(
  ask: () => Promise<string | null>,
  store: ChosenFolderStore,
): Promise<ExportFolders> {
  let approved = (await store.load()).map((f) => path.resolve(f));
  return {
    target(requested) {
      const target = path.resolve(requested);
      if (!approved.some((base) => inside(base, target)))
        throw new LibraryError('invalid-request', `${requested}: choose the folder to export to with "Choose…" first`);
      return target;
    },
    async choose() {
      const picked = await ask();
      if (picked === null) return null;
      const folder = path.resolve(picked);
      approved = [folder, ...approved.filter((f) => f !== folder)].slice(0, REMEMBERED);
      await store.save(approved);
      return folder;
    },
  };
}

const FoldersFileSchema = z.object({ folders: z.array(z.string()).max(REMEMBERED * 2) });

/** Chosen folders kept in a small JSON file beside the app's settings (checked when read; a bad file is an empty list). */
export function folderFile(file: string): ChosenFolderStore {
  return {
    async load() {
      const text = await readIfExists(file);
      if (text === null) return [];
      try {
        const parsed = FoldersFileSchema.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data.folders : [];
      } catch {
        return [];
      }
    },
    save: (folders) => writeFileDurable(file, `${JSON.stringify({ folders }, null, 2)}\n`),
  };
}
