import { access, rename } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../../shared/models/settings.js';
import { writeFileDurable } from '../storage/durable-write.js';
import { readIfExists } from '../storage/read-if-exists.js';

/** Where settings live; the app passes `settings.json` in its user-data folder, `margin serve` keeps them in memory. */
export interface SettingsStore {
  get(): Promise<Settings>;
  update(patch: Partial<Omit<Settings, 'version'>>): Promise<Settings>;
  /** What happened to a damaged file this run (kept aside, never overwritten); null when nothing did. */
  notice(): string | null;
}

/** Settings that last as long as the process (the HTTP host, tests). */
export function memorySettings(initial: Settings = DEFAULT_SETTINGS): SettingsStore {
  let current = initial;
  return {
    get: () => Promise.resolve(current),
    update(patch) {
      current = SettingsSchema.parse({ ...current, ...patch });
      return Promise.resolve(current);
    },
    notice: () => null,
  };
}

/**
 * Settings in one JSON file, checked when read. A file that is not valid JSON or fails the schema is renamed aside
 * (`settings.damaged-<time>.json`, byte for byte) and the defaults are used, so the next save never overwrites what
 * the user may want back; every write is durable (temp file, fsync, rename).
 */
export function settingsFile(file: string, now: () => Date = () => new Date()): SettingsStore {
  let loaded: Promise<Settings> | null = null;
  let damaged: string | null = null;
  const load = async (): Promise<Settings> => {
    const text = await readIfExists(file);
    if (text === null) return DEFAULT_SETTINGS;
    const parsed = SettingsSchema.safeParse(parseJson(text));
    if (parsed.success) return parsed.data;
    const aside = await freeName(path.dirname(file), `settings.damaged-${now().toISOString().replace(/[:.]/g, '-')}`);
    await rename(file, aside);
    damaged = `Your settings file could not be read, so Margin started with its defaults. It is kept as ${aside}.`;
    return DEFAULT_SETTINGS;
  };
  const get = () => (loaded ??= load());
  return {
    get,
    async update(patch) {
      const next = SettingsSchema.parse({ ...(await get()), ...patch });
      await writeFileDurable(file, `${JSON.stringify(next, null, 2)}\n`);
      loaded = Promise.resolve(next);
      return next;
    },
    notice: () => damaged,
  };
}

/** `<stem>.json`, or `<stem>-2.json`… when that is taken: a damaged file never replaces one set aside before. */
async function freeName(dir: string, stem: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, `${stem}${n === 1 ? '' : `-${n}`}.json`);
    try {
      await access(candidate);
    } catch {
      return candidate;
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A store that calls `changed` with the settings after every update (main applies the theme this way). */
export function observedSettings(store: SettingsStore, changed: (settings: Settings) => void): SettingsStore {
  return {
    get: () => store.get(),
    notice: () => store.notice(),
    async update(patch) {
      const next = await store.update(patch);
      changed(next);
      return next;
    },
  };
}
