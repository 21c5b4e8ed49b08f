/** Small line icons (inline SVG elements built by React, no markup strings). */
const PATHS = {
  inbox: 'M3 13h4l2 3h6l2-3h4M5 5h14l2 8v6H3v-6z',
  toRead: 'M6 3h12v18l-6-4-6 4z',
  reading: 'M2 5h7a3 3 0 0 1 3 3v13a2 2 0 0 0-2-2H2zM22 5h-7a3 3 0 0 0-3 3v13a2 2 0 0 1 2-2h8z',
  read: 'M4 12l5 5L20 6',
  archive: 'M3 4h18v4H3zM5 8v12h14V8M10 12h4',
  all: 'M4 6h16M4 12h16M4 18h16',
  tag: 'M3 12V3h9l9 9-9 9zM7.5 7.5h.01',
  search: 'M11 18a7 7 0 1 1 0-14 7 7 0 0 1 0 14zM21 21l-5-5',
  highlight: 'M4 20h16M7 16l9-9 3 3-9 9H7z',
  note: 'M5 3h10l4 4v14H5zM9 9h6M9 13h6M9 17h4',
  paper: 'M6 2h9l5 5v15H6zM14 2v6h6',
  trash: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6',
  sidebar: 'M3 4h18v16H3zM9 4v16',
  density: 'M4 6h16M4 10h16M4 14h16M4 18h16',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, label }: { name: IconName; label?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden={label ? undefined : true}
      role={label ? 'img' : undefined}
      aria-label={label}
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
