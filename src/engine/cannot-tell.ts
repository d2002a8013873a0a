// "cannot tell": an operation whose facts the host would not give, and what that makes of the plan.
import type { CommandOptions } from "../connectors/connector.js";
import { nothingApplied } from "../util/sentence.js";
import { runsAs } from "./global-args.js";

// "cannot tell: cannot read /etc/app.conf: permission denied — does it need `_sudo: true`?"
export function describeCannotTell(reason: string, sudo: CommandOptions): string {
  return `cannot tell: ${reason}${hintFor(reason, sudo)}`;
}

// The host's error when some operations cannot tell: the plan is incomplete and nothing is applied.
export function incompletePlan(labels: string[], first: string): string {
  const count = labels.length === 1 ? "1 operation cannot tell" : `${labels.length} operations cannot tell`;
  return nothingApplied(
    `plan incomplete: ${count} what to do (${labels.map((l) => `"${l}"`).join(", ")}); the first: ${first}`,
  );
}

function hintFor(reason: string, sudo: CommandOptions): string {
  const user = runsAs(sudo);
  if (/permission denied|must be privileged|operation not permitted/i.test(reason))
    return user ? ` — may ${user} read it?` : " — does it need `_sudo: true`?";
  if (/dubious ownership/.test(reason))
    return " — the repository belongs to another user: run the operation as its owner (`_sudo_user`), or mark it safe with `git config --global --add safe.directory`";
  if (/: not found$|command not found/.test(reason)) return " — is it installed on the host?";
  return "";
}
