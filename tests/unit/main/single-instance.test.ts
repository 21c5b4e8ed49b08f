import { stat, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appOpenFor, type OpenFiles } from '../../../electron/main/open-delivery.js';
import {
  MAX_OPEN_REQUESTS,
  openRequestFromArg,
  openRequestsFromArgv,
  type OpenRequest,
} from '../../../electron/main/open-requests.js';
import {
  takeSingleInstance,
  type FocusableWindow,
  type SingleInstanceApp,
} from '../../../electron/main/single-instance.js';
import { AppOpenSchema } from '../../../shared/ipc/contract.js';
import { MAX_UPLOAD_BYTES } from '../../../shared/limits.js';
import { PaperIdSchema } from '../../../shared/models/paper.js';
import { tempDir } from '../../helpers/temp-dir.js';

const ID = 'a1b2c3d4e5f60718';
const CWD = path.resolve('/home/me/papers');
const EXE = '/opt/Margin/margin';

type Listener = (event: { preventDefault(): void }, ...args: never[]) => void;

/** Electron's `app`, as far as the handoff goes: one lock for the machine, events we fire by hand. */
function fakeApp(lockFree = true) {
  const listeners = new Map<string, Listener>();
  let prevented = 0;
  const app: SingleInstanceApp = {
    requestSingleInstanceLock: () => lockFree,
    on: (event: string, listener: Listener) => listeners.set(event, listener),
  };
  const fire = (event: string, ...args: unknown[]) =>
    (listeners.get(event) as ((...a: unknown[]) => void) | undefined)?.({ preventDefault: () => prevented++ }, ...args);
  return { app, fire, prevented: () => prevented, listeners };
}

function fakeWindow(minimized = false) {
  const calls: string[] = [];
  const window: FocusableWindow = {
    isMinimized: () => minimized,
    restore: () => calls.push('restore'),
    show: () => calls.push('show'),
    focus: () => calls.push('focus'),
  };
  return { window, calls };
}

describe('what a launch asks to open', () => {
  it('reads margin:// links and .bib, .ris and .pdf files (relative to the launching folder), in order', () => {
    expect(
      openRequestsFromArgv(
        [EXE, '--enable-logging', `margin://paper/${ID}`, 'refs.BIB', 'export.ris', '/tmp/paper.pdf', 'notes.txt', '.'],
        CWD,
      ),
    ).toEqual([
      { kind: 'paper', id: ID },
      { kind: 'import', path: path.join(CWD, 'refs.BIB') },
      { kind: 'import', path: path.join(CWD, 'export.ris') },
      { kind: 'attach', path: path.resolve('/tmp/paper.pdf') },
    ]);
  });

  it('ignores switches, hostile links, other URLs and the executable itself', () => {
    for (const arg of [
      '--inspect=9229',
      '-e',
      `margin://paper/${ID}/../../x`,
      `margin://evil/${ID}`,
      'margin://paper/%2e%2e',
      'file:///etc/passwd.bib',
      'https://example.com/x.pdf',
      `x.bib\0.exe`,
    ])
      expect(openRequestFromArg(arg, CWD), arg).toBeNull();
    expect(openRequestsFromArgv(['/tmp/evil.pdf'], CWD)).toEqual([]);
  });

  it('takes at most MAX_OPEN_REQUESTS from one launch', () => {
    const many = Array.from({ length: 100 }, (_, i) => `f${i}.pdf`);
    expect(openRequestsFromArgv([EXE, ...many], CWD)).toHaveLength(MAX_OPEN_REQUESTS);
  });
});

describe('single instance handoff', () => {
  it('lets a second launch quit (null) when another instance holds the lock', () => {
    expect(takeSingleInstance(fakeApp(false).app, [EXE], CWD)).toBeNull();
  });

  it('keeps what arrives before the window is ready, then delivers it in order', () => {
    const fake = fakeApp();
    const handoff = takeSingleInstance(fake.app, [EXE, 'first.bib'], CWD);
    fake.fire('open-file', '/Users/me/Downloads/paper.pdf');
    fake.fire('open-url', `margin://paper/${ID}`);
    expect(fake.prevented()).toBe(2);
    const delivered: OpenRequest[] = [];
    handoff?.ready(fakeWindow().window, (request) => delivered.push(request));
    expect(delivered).toEqual([
      { kind: 'import', path: path.join(CWD, 'first.bib') },
      { kind: 'attach', path: '/Users/me/Downloads/paper.pdf' },
      { kind: 'paper', id: ID },
    ]);
  });

  it('focuses the window on a second launch and hands over its files and links', () => {
    const fake = fakeApp();
    const handoff = takeSingleInstance(fake.app, [EXE], CWD);
    const { window, calls } = fakeWindow(true);
    const delivered: OpenRequest[] = [];
    handoff?.ready(window, (request) => delivered.push(request));
    fake.fire('second-instance', [EXE, `margin://paper/${ID}`, 'more.ris'], '/elsewhere');
    expect(calls).toEqual(['restore', 'show', 'focus']);
    expect(delivered).toEqual([
      { kind: 'paper', id: ID },
      { kind: 'import', path: path.resolve('/elsewhere/more.ris') },
    ]);
    // A plain second launch only brings the window forward.
    fake.fire('second-instance', [EXE], '/elsewhere');
    expect(delivered).toHaveLength(2);
    expect(calls.filter((c) => c === 'focus')).toHaveLength(2);
  });

  it('opens nothing for a hostile link or a file it does not take, on macOS too', () => {
    const fake = fakeApp();
    const handoff = takeSingleInstance(fake.app, [EXE], CWD);
    const delivered: OpenRequest[] = [];
    handoff?.ready(fakeWindow().window, (request) => delivered.push(request));
    fake.fire('open-url', 'margin://paper/../../etc');
    fake.fire('open-url', 'javascript:alert(1)');
    fake.fire('open-file', '/Users/me/evil.app');
    fake.fire('open-file', 'relative.pdf');
    expect(delivered).toEqual([]);
  });

  it('keeps at most MAX_OPEN_REQUESTS waiting before the window is ready', () => {
    const fake = fakeApp();
    const handoff = takeSingleInstance(fake.app, [EXE], CWD);
    for (let i = 0; i < 50; i++) fake.fire('open-file', `/tmp/${i}.pdf`);
    const delivered: OpenRequest[] = [];
    handoff?.ready(fakeWindow().window, (request) => delivered.push(request));
    expect(delivered).toHaveLength(MAX_OPEN_REQUESTS);
  });
});

describe('handing a request to the renderer', () => {
  const files: OpenFiles = { size: async (f) => (await stat(f)).size, read: (f) => readFile(f) };

  it('sends a paper link as it is, and a file as its name and bytes, valid against the event schema', async () => {
    const dir = await tempDir();
    const bib = path.join(dir, 'refs.bib');
    await writeFile(bib, '@article{a, title={A}}');
    const paper = await appOpenFor({ kind: 'paper', id: PaperIdSchema.parse(ID) }, files);
    expect(paper).toEqual({ kind: 'paper', id: ID });
    const imported = await appOpenFor({ kind: 'import', path: bib }, files);
    expect(AppOpenSchema.parse(imported)).toMatchObject({ kind: 'import', fileName: 'refs.bib' });
    expect(imported.kind === 'import' && Buffer.from(imported.bytes).toString()).toBe('@article{a, title={A}}');
  });

  it('says why a file could not be opened: missing, or too large (never read)', async () => {
    const missing = await appOpenFor({ kind: 'attach', path: path.join(await tempDir(), 'gone.pdf') }, files);
    expect(missing).toEqual({ kind: 'error', message: 'Margin could not open gone.pdf (ENOENT).' });
    let read = false;
    const huge: OpenFiles = {
      size: () => Promise.resolve(MAX_UPLOAD_BYTES + 1),
      read: () => {
        read = true;
        return Promise.resolve(new Uint8Array());
      },
    };
    const tooLarge = await appOpenFor({ kind: 'attach', path: '/x/big.pdf' }, huge);
    expect(tooLarge).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('big.pdf is too large to attach'),
    });
    expect(read).toBe(false);
  });

  it('refuses an event the renderer should not trust', () => {
    for (const event of [
      { kind: 'paper', id: '../x' },
      { kind: 'import', fileName: 'a.bib', bytes: 'text' },
      { kind: 'attach', fileName: '', bytes: new Uint8Array() },
      { kind: 'open', path: '/etc/passwd' },
      { kind: 'paper', id: ID, path: '/etc/passwd' },
    ])
      expect(AppOpenSchema.safeParse(event).success, JSON.stringify(event)).toBe(false);
  });
});
