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

// The same write as lines of a script that already runs as the file's writer with `set -e` (an
// apply script's operation): the bytes come from a here-document of the script itself (which
// arrived whole), straight into a new file beside the destination (`set -C`: never through a file
// or link already there), so no installer, staging copy or size check is needed. It starts as
// few processes as it can: the mode comes from the umask when it has no execute or special bits,
// the owner stays when the destination's already is this user's, and content known to differ
// (from the guard's hash) is not compared again.
export interface InlineFileWrite extends FileInstall {
  // The bytes, base64.
  content: string;
  // The destination's expected state: its hash, null while it must not exist, undefined for no check.
  guard?: string | null;
  // The SHA-256 of the bytes (to know when the guard's hash already says the content differs).
  sha256: string;
}

export function inlineFileWrite(write: InlineFileWrite): string[] {
  if (write.mode !== undefined && !/^[0-7]{3,4}$/.test(write.mode)) {
    throw new Error(`internal: mode ${JSON.stringify(write.mode)} is not octal`);
  }
  const path = write.path;
  const slash = path.lastIndexOf("/");
  const dir = slash > 0 ? path.slice(0, slash) : slash === 0 ? "/" : ".";
  const temp = `${dir === "/" ? "" : dir}/.infra-action.${write.tag}`;
  const fail = (message: string) => `{ echo ${shellQuote(message)} >&2; exit 1; }`;
  const changed = fail(`${path} changed since the plan was made; nothing was written. Plan again.`);
  const bits = write.mode === undefined ? undefined : Number.parseInt(write.mode, 8);
  // A mode within rw-rw-rw- is the umask's complement; any other is set with chmod after.
  const byUmask = bits !== undefined && (bits & ~0o666) === 0;
  const owner = write.user || write.group ? `${write.user ?? ""}${write.group ? `:${write.group}` : ""}` : "";
  const lines = [
    `__ia_d=${shellQuote(path)}; __ia_t=${shellQuote(temp)}`,
    `if [ -d "$__ia_d" ]; then ${fail(`${path} is a directory; nothing was written.`)}; fi`,
  ];
  if (write.guard === null) lines.push(`if [ -e "$__ia_d" ] || [ -L "$__ia_d" ]; then ${changed}; fi`);
  else if (write.guard !== undefined)
    lines.push(
      `__ia_h=$(sha256sum 2>/dev/null < "$__ia_d") || __ia_h=`,
      `[ "\${__ia_h%% *}" = ${shellQuote(write.guard)} ] || ${changed}`,
    );
  // A new file without a mode gets what the host's umask gives; otherwise it starts private.
  const umask = byUmask
    ? (0o777 & ~(bits ?? 0)).toString(8).padStart(3, "0")
    : write.mode || write.guard !== null
      ? "077"
      : undefined;
  lines.push(
    `trap 'rm -f "$__ia_t"' EXIT`,
    "trap 'exit 143' HUP INT TERM PIPE",
    `(set -C${umask ? `; umask ${umask}` : ""}; base64 -d > "$__ia_t") <<'__IA_EOF_${write.tag}'`,
    ...(write.content.match(/.{1,76}/g) ?? []),
    `__IA_EOF_${write.tag}`,
  );
  // chown first: it clears the setuid and setgid bits that chmod may set.
  if (owner) lines.push(`chown -- ${shellQuote(owner)} "$__ia_t"`);
  else if (write.guard !== null)
    // An existing file keeps its owner and group (where this user may give them); nothing to do
    // when they already are this user's and the directory does not hand its own group down.
    lines.push(
      `if [ -e "$__ia_d" ] && ! { [ -O "$__ia_d" ] && [ -G "$__ia_d" ] && [ ! -g ${shellQuote(dir)} ]; }; then chown -- "$(stat -L -c %u:%g -- "$__ia_d")" "$__ia_t" 2>/dev/null || :; fi`,
    );
  if (write.mode !== undefined && !byUmask) lines.push(`chmod ${write.mode} "$__ia_t"`);
  else if (write.mode === undefined && write.guard !== null)
    lines.push(
      `if [ -e "$__ia_d" ]; then chmod "$(stat -L -c %a -- "$__ia_d")" "$__ia_t"; else chmod "$(printf '%o' $((0666 & ~0$(umask))))" "$__ia_t"; fi`,
    );
  // Unchanged content (and mode and owner) leaves the destination untouched, as the installer does.
  // (no `exit`: these lines run in the operation's shell, whose next commands must still run)
  const move = 'mv -f -- "$__ia_t" "$__ia_d"';
  if (write.guard === undefined || write.guard === write.sha256)
    lines.push(
      `if [ -f "$__ia_d" ] && [ ! -L "$__ia_d" ] && cmp -s "$__ia_t" "$__ia_d" && [ "$(stat -c %a:%u:%g -- "$__ia_t")" = "$(stat -c %a:%u:%g -- "$__ia_d")" ]; then rm -f "$__ia_t"; else ${move}; fi`,
    );
  else lines.push(move);
  lines.push("trap - EXIT");
  return lines;
}
