/** How the window is laid out: pane widths, whether the sidebar shows, row density. Kept per machine. */
export interface LayoutPrefs {
  readonly sidebarWidth: number;
  readonly listWidth: number;
  readonly sidebarHidden: boolean;
  readonly density: 'comfortable' | 'compact';
}

export const SIDEBAR_WIDTH = { min: 160, max: 360, initial: 220 } as const;
export const LIST_WIDTH = { min: 260, max: 720, initial: 380 } as const;

export const DEFAULT_LAYOUT: LayoutPrefs = {
  sidebarWidth: SIDEBAR_WIDTH.initial,
  listWidth: LIST_WIDTH.initial,
  sidebarHidden: false,
  density: 'comfortable',
};

const KEY = 'margin.layout';

function clampWidth(value: unknown, range: { min: number; max: number; initial: number }): number {
  return typeof value === 'number' && Number.isFinite(value)
    ? Math.round(Math.min(Math.max(value, range.min), range.max))
    : range.initial;
}

/** The layout saved on this machine; anything unreadable falls back to the default, field by field. */
export function readLayout(storage: Pick<Storage, 'getItem'> | undefined): LayoutPrefs {
  let raw: unknown = null;
  try {
    raw = JSON.parse(storage?.getItem(KEY) ?? 'null');
  } catch {
    raw = null;
  }
  if (typeof raw !== 'object' || raw === null) return DEFAULT_LAYOUT;
  const saved = raw as Record<string, unknown>; // read field by field below, each checked
  return {
    sidebarWidth: clampWidth(saved.sidebarWidth, SIDEBAR_WIDTH),
    listWidth: clampWidth(saved.listWidth, LIST_WIDTH),
    sidebarHidden: saved.sidebarHidden === true,
    density: saved.density === 'compact' ? 'compact' : 'comfortable',
  };
}

export function writeLayout(storage: Pick<Storage, 'setItem'> | undefined, layout: LayoutPrefs): void {
  try {
    storage?.setItem(KEY, JSON.stringify(layout));
  } catch {
    // Storage full or unavailable: the layout still applies for this session.
  }
}

/** A layout with a change applied, widths kept within their ranges. */
export function changedLayout(layout: LayoutPrefs, patch: Partial<LayoutPrefs>): LayoutPrefs {
  const next = { ...layout, ...patch };
  return {
    ...next,
    sidebarWidth: clampWidth(next.sidebarWidth, SIDEBAR_WIDTH),
    listWidth: clampWidth(next.listWidth, LIST_WIDTH),
  };
}
