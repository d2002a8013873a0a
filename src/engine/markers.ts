// The protocol of the scripts the engine runs on a host (the fact batch, the apply script), written
// and read here only.
// - Delivery: the script travels on standard input, its first line being the line it must end
//   with; `scriptRunner` stages it in a new private directory (mode 0700), checks that it arrived
//   whole and runs it in the same shell with /dev/null as input. The run's nonce is never on a
//   command line (which any user of the host may read), so no command can forge a marker. A part
//   run as another user (the fact batch's sudo part) comes to its shell the same way: on that
//   shell's standard input, checked whole, never on its command line (`nestedPart`).
// - Markers: each part's output is framed as `\n@@<nonce>:begin:<i>\n` … `\n@@<nonce>:end:<i>:<exit
//   code>\n`; the apply script also says `staged`, `done`, `locked` and `skip:<i>`.

// The variable that holds the nonce inside a script (set from the staged file, never exported).
const nonceVariable = "__ia_n";

// Prints a marker on stdout: `__ia_out begin:3`.
const outFunction = `__ia_out() { printf '\\n@@%s:%s\\n' "$${nonceVariable}" "$1"; }`;

// The marker functions a script uses: `__ia_mark` writes to stdout and stderr (so each stream's
// output can be told apart by part), `__ia_out` to stdout only.
export function markerFunctions(nonce: string): string {
  return [
    `${nonceVariable}=${nonce}`,
    outFunction,
    `__ia_mark() { __ia_out "$1"; printf '\\n@@%s:%s\\n' "$${nonceVariable}" "$1" >&2; }`,
  ].join("\n");
}

// A part of the script run by another shell (through sudo, as root or as another user). That
// shell's command line is `command`, the same fixed text for every part; `input` (piped into it)
// brings the nonce's line, then the part from a here-document of the staged script, then the end
// line. So no part's commands, which may hold a secret, are ever on a command line, and another user
// needs no access to the caller's private directory. The shell takes all of its input, checks that
// the part arrived whole, closes its input (a command reads /dev/null, never a sudo password) and
// runs the part.
export function nestedPart(nonce: string, body: string, what: string): { input: string; command: string } {
  const delimiter = `__ia_part_${nonce}`;
  return {
    input: `{ printf '%s\\n' "$${nonceVariable}"; cat <<'${delimiter}'\n${body}\n${scriptEnd(nonce)}\n${delimiter}\n}`,
    command: [
      `IFS= read -r ${nonceVariable} || exit 70`,
      "__ia_s=$(cat) || exit 70",
      "exec 0</dev/null",
      `case "$__ia_s" in *"\n# end $${nonceVariable}") ;; *) echo "a part of the ${what} did not arrive whole; it was not run" >&2; exit 70 ;; esac`,
      outFunction,
      'eval "$__ia_s"',
    ].join("\n"),
  };
}

// What goes on the runner's standard input: the end line, the script, the end line.
export function stagedScript(nonce: string, script: string): string {
  return `${scriptEnd(nonce)}\n${script}\n${scriptEnd(nonce)}\n`;
}

function scriptEnd(nonce: string): string {
  return `# end ${nonce}`;
}

// The staged script's file in the private directory `$__ia_dir`.
export const stagedScriptFile = "script.sh";

// The command line that receives a staged script on standard input and runs it (see above). With a
// sudo password the connector puts the password's line first: the script runs in the same shell
// (`.`), so its sudo calls reach the password without it ever being exported or written.
export function scriptRunner(what: string): string {
  return [
    "__ia_um=$(umask); umask 077",
    "IFS= read -r __ia_end || exit 70",
    `__ia_dir=$(mktemp -d "\${TMPDIR:-/tmp}/.infra-action-XXXXXXXX") || { echo "could not make a private directory for the ${what} (is the disk full?)" >&2; exit 70; }`,
    `trap 'rm -rf "$__ia_dir"' EXIT`,
    "trap 'exit 143' HUP INT TERM",
    `cat > "$__ia_dir/${stagedScriptFile}" || { echo "could not stage the ${what} in $__ia_dir (is the disk full?)" >&2; exit 70; }`,
    `[ "$(tail -n 1 "$__ia_dir/${stagedScriptFile}")" = "$__ia_end" ] || { echo "the ${what} did not arrive whole (was the connection lost?); nothing was run" >&2; exit 70; }`,
    'umask "$__ia_um"',
    "exec 0</dev/null",
    `. "$__ia_dir/${stagedScriptFile}"`,
  ].join("\n");
}

// The apply script's markers, as they stream in. The newline after a marker is looked at, not
// taken: a marker printed without one cannot swallow the newline that starts the next.
export function applyMarkerPattern(nonce: string): RegExp {
  return new RegExp(`\\n@@${nonce}:(staged|done|locked|begin:(\\d+)|end:(\\d+):(\\d+)|skip:(\\d+))(?=\\n)`, "g");
}

export interface MarkedSection {
  output: string;
  // Undefined when the end marker never came (the script stopped inside this part).
  exitCode?: number;
}

// Every part's output and exit code (undefined when its end marker never came), read in one pass.
export function markedSections(text: string, nonce: string): Map<number, MarkedSection> {
  const sections = new Map<number, MarkedSection>();
  const pattern = new RegExp(`@@${nonce}:begin:(\\d+)\\n|\\n@@${nonce}:end:(\\d+):(\\d+)`, "g");
  let open: { index: number; from: number } | undefined;
  for (const match of text.matchAll(pattern)) {
    const [whole, begin, end, exitCode] = match;
    const at = match.index ?? 0;
    if (begin !== undefined) {
      if (open) sections.set(open.index, { output: text.slice(open.from, at) });
      open = { index: Number(begin), from: at + whole.length };
    } else if (open && Number(end) === open.index) {
      sections.set(open.index, { output: text.slice(open.from, at), exitCode: Number(exitCode) });
      open = undefined;
    }
  }
  if (open) sections.set(open.index, { output: text.slice(open.from) });
  return sections;
}
