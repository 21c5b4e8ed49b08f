import type { View } from '../../../../shared/ipc/contract.js';
import { STATUS_NAMES, type Status } from '../../../../shared/models/paper.js';
import type { IconName } from '../../ui/Icon.js';

/** The sidebar's status views, in reading order. */
export const STATUS_VIEWS: ReadonlyArray<{ status: Status; label: string; icon: IconName }> = [
  { status: 'inbox', label: STATUS_NAMES.inbox, icon: 'inbox' },
  { status: 'to-read', label: STATUS_NAMES['to-read'], icon: 'toRead' },
  { status: 'reading', label: STATUS_NAMES.reading, icon: 'reading' },
  { status: 'read', label: STATUS_NAMES.read, icon: 'read' },
  { status: 'archived', label: STATUS_NAMES.archived, icon: 'archive' },
];

export const STATUS_LABELS: Readonly<Record<Status, string>> = STATUS_NAMES;

export function viewTitle(view: View): string {
  if (view.kind === 'all') return 'All papers';
  if (view.kind === 'status') return STATUS_LABELS[view.status];
  if (view.kind === 'trash') return 'Trash';
  return `#${view.tag}`;
}

export function sameView(a: View, b: View): boolean {
  if (a.kind === 'status' && b.kind === 'status') return a.status === b.status;
  if (a.kind === 'tag' && b.kind === 'tag') return a.tag.toLowerCase() === b.tag.toLowerCase();
  return a.kind === b.kind;
}
