// Reading why a fact's command failed from its standard error (commands run under LC_ALL=C).

const errnoText = /:\s*([A-Z][a-z]+(?:[ /][a-z]+)*)\s*$/;

// Whether the error only says the path does not exist (which is an answer: "absent").
export function saysMissing(stderr: string): boolean {
  return /No such file or directory|Not a directory/.test(stderr) && !/Permission denied/.test(stderr);
}

// The line of stderr that says why, shortened: "permission denied", "git: not found",
// "detected dubious ownership in repository at '/srv/app'"; "no output on stderr" when there is none.
export function stderrCause(stderr: string): string {
  const all = stderr
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  // git and friends print hints before or after the fatal line: the fatal line says why.
  const line = all.find((l) => /^(fatal|error):/i.test(l)) ?? all.at(-1);
  if (!line) return "no output on stderr";
  const errno = errnoText.exec(line)?.[1];
  if (errno && !/^(fatal|error):/i.test(line)) return lowerFirst(errno);
  // "fatal: …", "sh: 1: git: not found" → "…", "git: not found"
  const stripped = line
    .replace(/^(fatal|error):\s*/i, "")
    .replace(/^(sh|bash|dash):\s*(\d+:\s*)?/, "")
    // The staged script's path ("/tmp/.infra-action-…/script.sh: line 3: rpm: command not found").
    .replace(/^\S*\/script\.sh:\s*(line \d+:\s*|\d+:\s*)?/, "");
  return stripped.length > 300 ? `${stripped.slice(0, 299)}…` : stripped;
}

// "cannot read /etc/app.conf: permission denied" from a path and the command's stderr.
export function cannotRead(path: string, stderr: string, verb = "read"): string {
  return `cannot ${verb} ${path}: ${stderrCause(stderr)}`;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]?.toLowerCase() + text.slice(1) : text;
}
