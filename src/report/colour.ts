// Colours for the text report on a terminal: diff lines and statuses. The plain palette changes
// nothing, so logs, pipes, report files and the action's summaries never carry escape codes.

// What text.ts colours; each takes the text and returns it as shown.
export interface Palette {
  added(text: string): string;
  removed(text: string): string;
  hunk(text: string): string;
  changed(text: string): string;
  unchanged(text: string): string;
  failed(text: string): string;
  skipped(text: string): string;
}

const same = (text: string) => text;

// No colour at all.
export const plainPalette: Palette = {
  added: same,
  removed: same,
  hunk: same,
  changed: same,
  unchanged: same,
  failed: same,
  skipped: same,
};

// Each colour ends with its own reset (39: default foreground, 22: normal intensity), so a colour
// never leaks past its text and nested resets do not cancel each other.
const paint = (open: number, close: number) => (text: string) => (text ? `\x1b[${open}m${text}\x1b[${close}m` : text);

// ANSI colours: green additions, red removals and failures, cyan hunks, yellow changes, dim the rest.
export const ansiPalette: Palette = {
  added: paint(32, 39),
  removed: paint(31, 39),
  hunk: paint(36, 39),
  changed: paint(33, 39),
  unchanged: paint(2, 22),
  failed: paint(31, 39),
  skipped: paint(2, 22),
};

// A unified diff's line in its colour: +added, -removed, @@ hunk header; headers (---/+++) and
// context stay plain.
export function paintDiffLine(line: string, palette: Palette): string {
  if (line.startsWith("+++") || line.startsWith("---")) return line;
  if (line.startsWith("+")) return palette.added(line);
  if (line.startsWith("-")) return palette.removed(line);
  if (line.startsWith("@@")) return palette.hunk(line);
  return line;
}

// A host's or an operation's status word in its colour ("unreachable" reads as a failure).
export function paintStatus(status: string, palette: Palette, text = status): string {
  switch (status) {
    case "changed":
      return palette.changed(text);
    case "unchanged":
      return palette.unchanged(text);
    case "failed":
    case "unreachable":
      return palette.failed(text);
    case "skipped":
      return palette.skipped(text);
    default:
      return text;
  }
}
