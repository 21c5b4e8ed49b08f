import { LibraryError } from '../library/storage/errors.js';
import { annotateCommand, annotateUsage } from './commands/annotate.js';
import { attachCommand, attachUsage } from './commands/attach.js';
import { fetchPdfCommand, fetchPdfUsage } from './commands/fetch-pdf.js';
import { backupCommand, backupUsage } from './commands/backup.js';
import { citeCommand, citeUsage } from './commands/cite.js';
import { exportCommand, exportUsage } from './commands/export.js';
import { importCommand, importUsage } from './commands/import.js';
import { noteCommand, noteUsage } from './commands/note.js';
import { listCommand, listUsage } from './commands/list.js';
import { serveCommand, serveUsage } from './commands/serve.js';
import { showCommand, showUsage } from './commands/show.js';
import { statusCommand, statusUsage } from './commands/status.js';
import { syncCommand, syncUsage } from './commands/sync.js';
import { tagCommand, tagUsage } from './commands/tag.js';
import { trashCommand, trashUsage } from './commands/trash.js';
import { triageCommand, triageUsage } from './commands/triage.js';
import { UsageError, type CliIo } from './support/io.js';
import { own } from '../../shared/own.js';

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Readonly<Record<string, { run: Command; usage: string }>> = {
  import: { run: importCommand, usage: importUsage },
  triage: { run: triageCommand, usage: triageUsage },
  list: { run: listCommand, usage: listUsage },
  show: { run: showCommand, usage: showUsage },
  tag: { run: tagCommand, usage: tagUsage },
  status: { run: statusCommand, usage: statusUsage },
  annotate: { run: annotateCommand, usage: annotateUsage },
  note: { run: noteCommand, usage: noteUsage },
  attach: { run: attachCommand, usage: attachUsage },
  'fetch-pdf': { run: fetchPdfCommand, usage: fetchPdfUsage },
  export: { run: exportCommand, usage: exportUsage },
  cite: { run: citeCommand, usage: citeUsage },
  trash: { run: trashCommand, usage: trashUsage },
  backup: { run: backupCommand, usage: backupUsage },
  serve: { run: serveCommand, usage: serveUsage },
  sync: { run: syncCommand, usage: syncUsage },
};

export function helpText(): string {
  return `Margin: a reading list for research papers.\n\nUsage:\n${Object.values(COMMANDS)
    .map((c) => `  ${c.usage}`)
    .join(
      '\n',
    )}\n\nThe library is --library DIR (before or after the command), else $MARGIN_LIBRARY, else the desktop app's own library.\n`;
}

/**
 * `margin --library DIR <command> …` as git's `-C DIR` works: a global option before the command is passed on
 * to it, as if written after it.
 */
function withGlobalOptionsLast(argv: readonly string[]): readonly string[] {
  const moved: string[] = [];
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--library' && i + 1 < argv.length) moved.push(arg, argv[++i] ?? '');
    else if (arg.startsWith('--library=')) moved.push(arg);
    else break;
  }
  return [...argv.slice(i), ...moved];
}

/** Run one CLI invocation; returns the exit code. Errors become one line on stderr. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = withGlobalOptionsLast(argv);
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(helpText());
    return name === undefined ? 2 : 0;
  }
  const command = own(COMMANDS, name);
  if (!command) {
    io.stderr(`margin: unknown command "${name}". Run margin --help for the list.\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`margin ${name}: ${error.message}\n`);
      return 2;
    }
    if (error instanceof LibraryError) {
      io.stderr(`margin ${name}: ${error.message}\n`);
      return 1;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`margin ${name}: ${error.message}; usage: ${command.usage}\n`);
      return 2;
    }
    io.stderr(`margin ${name}: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
