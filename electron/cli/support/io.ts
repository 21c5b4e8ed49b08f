/** What a CLI command may touch besides the library: tests pass buffers. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Whether stderr is a terminal: progress is drawn there only then. */
  readonly stderrIsTTY?: boolean;
  /** Call `listener` on Ctrl-C (SIGINT) until the returned function is called; without it, Ctrl-C ends the process. */
  readonly onInterrupt?: (listener: () => void) => () => void;
  /** Milliseconds from any fixed point, for redrawing progress at most so often (tests pass their own). */
  readonly now?: () => number;
}

/** A mistake in how the command was called: exit code 2 and a one-line message. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Print a value as pretty JSON on stdout. */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
