import { parseMarginLink } from '../../shared/links/margin-link.js';
import { MAX_OPEN_REQUESTS, openRequestFromFile, openRequestsFromArgv, type OpenRequest } from './open-requests.js';

/** The parts of Electron's `app` the handoff uses; tests pass a fake. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance', listener: (event: unknown, argv: string[], cwd: string) => void): unknown;
  on(event: 'open-file' | 'open-url', listener: (event: { preventDefault(): void }, value: string) => void): unknown;
}

/** The window the handoff brings forward. */
export interface FocusableWindow {
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/** The first instance's end of the handoff. */
export interface Handoff {
  /** The window is up and requests can be acted on: deliver what waited, then each as it comes. */
  ready(window: FocusableWindow, deliver: (request: OpenRequest) => void): void;
}

/**
 * Take the single-instance lock, or return null when another Margin has it (this process should quit: Electron
 * passes our command line to that one as `second-instance`). The first instance gets what its own command line
 * asks, what later launches ask (their window focused), and macOS's `open-file` and `open-url`, which can come
 * before the app is ready (a double-click launches it): until `ready`, requests wait in order, at most
 * MAX_OPEN_REQUESTS.
 */
export function takeSingleInstance(app: SingleInstanceApp, argv: readonly string[], cwd: string): Handoff | null {
  if (!app.requestSingleInstanceLock()) return null;
  const waiting: OpenRequest[] = [];
  let target: { window: FocusableWindow; deliver: (request: OpenRequest) => void } | null = null;
  const accept = (request: OpenRequest | null) => {
    if (request === null) return;
    if (target) target.deliver(request);
    else if (waiting.length < MAX_OPEN_REQUESTS) waiting.push(request);
  };
  const focus = () => {
    if (!target) return;
    if (target.window.isMinimized()) target.window.restore();
    target.window.show();
    target.window.focus();
  };
  for (const request of openRequestsFromArgv(argv, cwd)) accept(request);
  app.on('second-instance', (_event, otherArgv, otherCwd) => {
    focus();
    for (const request of openRequestsFromArgv(otherArgv, otherCwd)) accept(request);
  });
  // macOS: the OS opens files and links through the running app; preventDefault says the app took them.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    accept(openRequestFromFile(file));
    focus();
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    accept(parseMarginLink(url));
    focus();
  });
  return {
    ready(window, deliver) {
      target = { window, deliver };
      for (const request of waiting.splice(0)) deliver(request);
    },
  };
}
