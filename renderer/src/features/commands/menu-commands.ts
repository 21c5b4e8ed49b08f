import type { CommandId } from '../../../../shared/commands/shortcuts.js';
import type { MarginState } from '../../store/store-types.js';
import { COMMANDS, type FocusTargets } from './commands.js';

/** Edit-menu commands that, in a text field, act on the text (the browser's own undo, redo and select all). */
const TEXT_ACTIONS: Partial<Record<CommandId, 'undo' | 'redo' | 'selectAll'>> = {
  undo: 'undo',
  redo: 'redo',
  'select-all': 'selectAll',
};
/** What a triage (which has keys of its own) lets through, as its keys do. */
const DURING_TRIAGE: ReadonlySet<CommandId> = new Set<CommandId>(['undo', 'redo', 'palette', 'shortcuts']);
/** Commands that edit one paper: with several selected, they act on all of them or do nothing. */
const ONE_PAPER: ReadonlySet<CommandId> = new Set<CommandId>(['cycle-status', 'highlight', 'tag']);

/** Where the command was chosen from: whether focus is in a text field, and how to edit that text. */
export interface MenuContext {
  readonly typing: boolean;
  editText(action: 'undo' | 'redo' | 'selectAll'): void;
}

/**
 * A command chosen in the native menu, run as its key would be: in a text field Undo, Redo and Select all edit the
 * text; a dialog keeps the list's commands away (a merge is undone where it was made); a triage lets through only
 * undo, redo, the palette and the shortcuts; with several papers selected, Archive and Trash act on all of them.
 */
export function runMenuCommand(id: CommandId, state: MarginState, focus: FocusTargets, context: MenuContext): void {
  const textAction = TEXT_ACTIONS[id];
  if (textAction !== undefined && context.typing) return context.editText(textAction);
  if (state.triage !== null && !DURING_TRIAGE.has(id)) return;
  if ((id === 'undo' || id === 'redo') && state.dialog !== null && state.dialog !== 'duplicates') return;
  if (id === 'select-all' && state.dialog !== null) return;
  if (state.multi.length > 1) {
    if (id === 'trash') return void state.bulkTrash();
    if (id === 'archive') return void state.bulkSetStatus('archived');
    if (ONE_PAPER.has(id)) return;
  }
  COMMANDS.find((command) => command.id === id)?.run(state, focus);
}
