import { spawn, type ChildProcess } from 'node:child_process';

/** `margin serve` on a free port, offline, and the address it prints; `stop` ends it. */
export async function startServe(cliPath: string, dir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [cliPath, 'serve', '--port', '0', '--library', dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, MARGIN_OFFLINE: '1' },
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0]?.trim() ?? '');
      });
      child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
    });
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
