// Facts about a user's access: its authorized SSH keys (with its home and .ssh ownership) and its password hash.
import { shellQuote } from "../util/shell-quote.js";
import { defineFact, lines, unreadable } from "./fact.js";
import { stderrCause } from "./stderr.js";

/** The arguments of the UserAuthorizedKeys and UserPassword facts. */
export interface UserArgs {
  /** The user's name. */
  user: string;
}

/** Owner, group and permission bits of a path, as UserAuthorizedKeys reports them. */
export interface PathOwnership {
  /** The owner's name. */
  user: string;
  /** The group's name. */
  group: string;
  /** The permission bits as octal text, "700". */
  mode: string;
}

/** What the UserAuthorizedKeys fact gives for a user that exists. */
export interface UserAuthorizedKeysInfo {
  /** The user's home directory (/etc/passwd). */
  home: string;
  /** The home directory's ownership, or null when it does not exist. */
  homeDir: PathOwnership | null;
  /** ~/.ssh's ownership, or null when it does not exist. */
  sshDir: PathOwnership | null;
  /** ~/.ssh/authorized_keys's ownership, or null when it does not exist. */
  file: PathOwnership | null;
  /** The file's lines that are keys (not blank, not comments), trimmed. */
  keys: string[];
}

// Prints the home, three stat lines and the file after a marker; "no-user" for a user /etc/passwd lacks.
function authorizedKeysCommand({ user }: UserArgs): string {
  const stat = (label: string, path: string) =>
    `{ stat -c '${label} %a %U %G' ${path} 2>/dev/null || echo '${label} -'; }`;
  return [
    `h=$(awk -F: -v u=${shellQuote(user)} '$1 == u { print $6; exit }' /etc/passwd)`,
    `if [ -z "$h" ]; then echo no-user; exit 0; fi`,
    `echo "home $h"`,
    // An unsearchable home or ~/.ssh would make the keys look absent: say so instead.
    `for d in "$h" "$h/.ssh"; do if [ -d "$d" ] && [ ! -x "$d" ]; then echo "$d: Permission denied" >&2; exit 1; fi; done`,
    stat("homedir", '"$h"'),
    stat("sshdir", '"$h/.ssh"'),
    stat("file", '"$h/.ssh/authorized_keys"'),
    "echo --infra-action-keys--",
    `if [ -e "$h/.ssh/authorized_keys" ]; then cat "$h/.ssh/authorized_keys"; fi`,
  ].join("; ");
}

/**
 * A user's home and ~/.ssh/authorized_keys: ownership and key lines; null when the user does not exist.
 * `await host.getFact("UserAuthorizedKeys", { user })`.
 */
export const UserAuthorizedKeys = defineFact<UserArgs, UserAuthorizedKeysInfo | null>({
  name: "UserAuthorizedKeys",
  description: "a user's authorized SSH keys with its home and ~/.ssh ownership",
  arguments: { user: { type: "string", required: true, description: "the user's name" } },
  command: authorizedKeysCommand,
  parse: ({ stdout, stderr, exitCode }, { user }) => {
    if (exitCode !== 0)
      return unreadable(`cannot read ${user}'s authorized keys: exit code ${exitCode}: ${stderrCause(stderr)}`);
    if (stdout.trim() === "no-user") return null;
    const [head = "", body] = stdout.split("--infra-action-keys--\n");
    if (body === undefined) return unreadable(`cannot read ${user}'s authorized keys: the output was cut short`);
    const fields: Record<string, PathOwnership | null> = {};
    let home = "";
    for (const line of lines(head)) {
      if (line.startsWith("home ")) home = line.slice(5);
      const [label, mode, owner, group] = line.split(" ");
      if (label && mode) fields[label] = mode === "-" ? null : { mode, user: owner ?? "", group: group ?? "" };
    }
    return {
      home,
      homeDir: fields.homedir ?? null,
      sshDir: fields.sshdir ?? null,
      file: fields.file ?? null,
      keys: lines(body)
        .map((l) => l.trim())
        .filter((l) => l !== "" && !l.startsWith("#")),
    };
  },
});

/**
 * A user's password hash from /etc/shadow ("" for none, null when the user has no shadow entry). Needs root.
 * `await host.getFact("UserPassword", { user })`.
 */
export const UserPassword = defineFact<UserArgs, string | null>({
  name: "UserPassword",
  description: "a user's password hash (/etc/shadow; needs _sudo)",
  arguments: { user: { type: "string", required: true, description: "the user's name" } },
  command: ({ user }) => `awk -F: -v u=${shellQuote(user)} '$1 == u { print "hash:" $2; exit }' /etc/shadow`,
  parse: ({ stdout, stderr, exitCode }) => {
    if (exitCode !== 0) return unreadable(`cannot read /etc/shadow: ${stderrCause(stderr)} (add _sudo)`);
    const line = lines(stdout).find((l) => l.startsWith("hash:"));
    return line === undefined ? null : line.slice(5);
  },
});
