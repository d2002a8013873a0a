// The commands that put SSH public keys in a user's ~/.ssh/authorized_keys (0700 directory, 0600 file, owned by the user).
import type { PathOwnership, UserAuthorizedKeysInfo } from "../../facts/users.js";
import { shellQuote } from "../../util/shell-quote.js";
import type { Command } from "../operation.js";
import { OperationArgumentError, stringList } from "./args.js";

// The key lines an argument gives: each a single line, trimmed; a blank one or one with a line break refused.
export function readPublicKeys(args: Record<string, unknown>, key: string): string[] {
  const keys = stringList(args, key).map((k) => k.trim());
  keys.forEach((k, i) => {
    if (k === "" || /[\r\n]/.test(k))
      throw new OperationArgumentError(
        `argument ${key}[${i}] must be one key line ("ssh-ed25519 AAAA… comment"): it is ${k === "" ? "empty" : "several lines"}.`,
      );
  });
  return keys;
}

// What to do for the keys: the commands (none when the file is as wanted) and a short account of it.
export function planAuthorizedKeys(
  user: string,
  keys: string[],
  deleteKeys: boolean,
  info: UserAuthorizedKeysInfo | null,
  wantedHome: string | undefined,
  primaryGroup: string | null,
): { commands: Array<Command | string>; summary: string[] } {
  const home = wantedHome ?? info?.home ?? `/home/${user}`;
  const dir = `${home.replace(/\/+$/, "")}/.ssh`;
  const path = `${dir}/authorized_keys`;
  const owner = `${user}:${primaryGroup ?? ""}`;
  const sameHome = info !== null && info.home === home;
  const current = sameHome ? info : null;
  const existing = current?.keys ?? [];
  const missing = [...new Set(keys.filter((k) => !existing.includes(k)))];
  const extra = deleteKeys ? existing.filter((k) => !keys.includes(k)) : [];
  const commands: Array<Command | string> = [];
  const summary: string[] = [];
  commands.push(...ownershipFixes(dir, current?.sshDir ?? null, "700", user, primaryGroup, true));
  const rewrite = deleteKeys && (missing.length > 0 || extra.length > 0 || existing.length !== new Set(existing).size);
  if (rewrite) {
    commands.push({
      type: "file",
      path,
      content: Buffer.from(keys.length ? `${[...new Set(keys)].join("\n")}\n` : "").toString("base64"),
      mode: "600",
      user,
      ...(primaryGroup ? { group: primaryGroup } : {}),
      ...(current?.file ? {} : { created: true }),
    });
    if (!primaryGroup) commands.push(`chown ${shellQuote(owner)} ${shellQuote(path)}`);
  } else if (missing.length) {
    const f = shellQuote(path);
    commands.push(
      `if [ -s ${f} ] && [ -n "$(tail -c 1 ${f})" ]; then echo >> ${f}; fi; printf '%s\\n' ${missing.map(shellQuote).join(" ")} >> ${f}`,
    );
  }
  if (!rewrite && (missing.length || current?.file))
    commands.push(...ownershipFixes(path, current?.file ?? null, "600", user, primaryGroup, false));
  if (missing.length) summary.push(`add ${missing.length} key(s)`);
  if (extra.length) summary.push(`remove ${extra.length} key(s)`);
  return { commands, summary };
}

// mkdir (for a directory not there), chmod and chown for what differs from mode and user:group.
function ownershipFixes(
  path: string,
  current: PathOwnership | null,
  mode: string,
  user: string,
  group: string | null,
  directory: boolean,
): string[] {
  const p = shellQuote(path);
  const commands: string[] = [];
  if (directory && !current) commands.push(`mkdir -p ${p}`);
  if (!current || current.mode !== mode) commands.push(`chmod ${mode} ${p}`);
  if (!current || current.user !== user || (group !== null && current.group !== group))
    commands.push(`chown ${shellQuote(`${user}:${group ?? ""}`)} ${p}`);
  return commands;
}
