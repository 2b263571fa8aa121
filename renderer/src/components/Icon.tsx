/** A small set of stroke icons drawn inline (no icon font, nothing fetched). */
const PATHS = {
  library: 'M4 4h4v16H4zM10 4h4v16h-4zM16.5 4.5l3.5 1-4 15-3.5-1z',
  excerpts: 'M5 5h14M5 10h14M5 15h9M5 20h6',
  cases: 'M4 7h16v12H4zM9 7V4h6v3',
  tags: 'M3 12V4h8l9 9-8 8zM7.5 7.5h.01',
  plus: 'M12 5v14M5 12h14',
  upload: 'M12 16V4M6 10l6-6 6 6M4 20h16',
  search: 'M11 18a7 7 0 1 1 0-14 7 7 0 0 1 0 14zM21 21l-5-5',
  close: 'M6 6l12 12M18 6L6 18',
  grip: 'M9 6h.01M15 6h.01M9 12h.01M15 12h.01M9 18h.01M15 18h.01',
  warning: 'M12 3l10 18H2zM12 10v5M12 18h.01',
  back: 'M15 18l-6-6 6-6',
  copy: 'M9 9h11v11H9zM5 15H4V4h11v1',
  trash: 'M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3',
  build: 'M4 20h16M6 16l4-12h4l4 12',
  check: 'M5 12l5 5 9-10',
  chevronUp: 'M6 15l6-6 6 6',
  chevronDown: 'M6 9l6 6 6-6',
  file: 'M6 3h8l4 4v14H6zM14 3v4h4',
  edit: 'M4 20h4L19 9l-4-4L4 16zM13 7l4 4',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.75} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}
