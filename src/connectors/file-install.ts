// The one way a file is written on a host: the bytes arrive on standard input after a header line,
// land in a temporary file beside the destination, get their mode and owner, are checked whole,
// and only then replace the destination. Any failure leaves the destination as it was and no
// temporary file behind.
import { shellQuote } from "../util/shell-quote.js";

export interface FileInstall {
  path: string;
  // Octal bits ("644"); when absent an existing file keeps its mode and a new one gets 0666 & ~umask.
  mode?: string;
  user?: string;
  group?: string;
  // A random tag the header must carry, so nothing but the expected input is ever written.
  tag: string;
}

// What must be written: the content's size, and the destination's expected state (the hash it
// must still have, `absent` when it must still not exist, `-` for no check).
export function fileHeader(tag: string, size: number, guard: string | null | undefined): string {
  const check = guard === undefined ? "-" : guard === null ? "absent" : guard;
  return `${tag} ${size} ${check}\n`;
}

// The installer script (run as the user who owns the write, through sudo when asked). Hashes and
// sizes travel in the header on standard input, never on a command line others can see.
export function fileInstallScript(install: FileInstall): string {
  if (install.mode !== undefined && !/^[0-7]{3,4}$/.test(install.mode)) {
    throw new Error(`internal: mode ${JSON.stringify(install.mode)} is not octal`);
  }
  const d = shellQuote(install.path);
  const changed = shellQuote(`${install.path} changed since the plan was made; nothing was written. Plan again.`);
  const owner = install.user || install.group ? `${install.user ?? ""}${install.group ? `:${install.group}` : ""}` : "";
  return [
    "set -e",
    `IFS=' ' read -r __t __n __g || { echo ${shellQuote(`${install.path}: the content did not arrive; nothing was written.`)} >&2; exit 71; }`,
    `[ "$__t" = ${shellQuote(install.tag)} ] || { echo ${shellQuote(`${install.path}: unexpected input before the content; nothing was written.`)} >&2; exit 71; }`,
    `d=${d}`,
    // (a link to a directory too: the file would be moved into it)
    `if [ -d "$d" ]; then echo ${shellQuote(`${install.path} is a directory; nothing was written.`)} >&2; exit 1; fi`,
    `case "$__g" in -) ;; absent) if [ -e "$d" ] || [ -L "$d" ]; then echo ${changed} >&2; exit 1; fi ;; *) if [ "$(sha256sum < "$d" | cut -c1-64)" != "$__g" ]; then echo ${changed} >&2; exit 1; fi ;; esac`,
    `t=$(mktemp "$(dirname -- "$d")/.infra-action.XXXXXX")`,
    `trap 'rm -f "$t"' EXIT`,
    "trap 'exit 143' HUP INT TERM PIPE",
    'cat > "$t"',
    '__w=$(wc -c < "$t")',
    `[ "$__w" -eq "$__n" ] || { echo "${escapeDouble(install.path)}: only $__w of $__n bytes arrived; nothing was written." >&2; exit 1; }`,
    // chown first: it clears the setuid and setgid bits that chmod may set.
    owner
      ? `chown -- ${shellQuote(owner)} "$t"`
      : // An existing file (or a link's target) keeps its owner and group where this user may give them.
        `if [ -e "$d" ]; then chown -- "$(stat -L -c %u:%g -- "$d")" "$t" 2>/dev/null || :; fi`,
    install.mode
      ? `chmod ${install.mode} "$t"`
      : `if [ -e "$d" ]; then chmod "$(stat -L -c %a -- "$d")" "$t"; else chmod "$(printf '%o' $((0666 & ~0$(umask))))" "$t"; fi`,
    `if [ -f "$d" ] && [ ! -L "$d" ] && cmp -s "$t" "$d" && [ "$(stat -c %a:%u:%g -- "$t")" = "$(stat -c %a:%u:%g -- "$d")" ]; then exit 0; fi`,
    'mv -f -- "$t" "$d"',
    "trap - EXIT",
  ].join("\n");
}

// Escapes text for use inside a double-quoted shell string.
function escapeDouble(text: string): string {
  return text.replace(/[\\"$`]/g, (c) => `\\${c}`);
}
