// The lines of a failed command's stderr that say why it failed: the last lines that read like
// an error (apt's "E: …", "fatal: …", "… No such file or directory"), not the hints before them.
const errorLike =
  /\b(error|fatal|failed|failure|cannot|can't|could not|couldn't|unable|denied|not found|no such|invalid|refused|not permitted|no space|timed out|did not)\b|^E: /i;

// At most `count` lines, joined; "" for empty stderr.
export function fatalLines(stderr: string, count = 2): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const errors = lines.filter((line) => errorLike.test(line));
  return (errors.length ? errors : lines).slice(-count).join(" ");
}
