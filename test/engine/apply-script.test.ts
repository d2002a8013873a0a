// The apply script's shape: operations that all run through password-less sudo to root share one
// sudo; any other mix keeps a sudo per command (the per-command wrapping the connectors test).
import { describe, expect, test } from "vitest";
import { buildCommand } from "../../src/connectors/shell.js";
import { buildApplyScript, type ScriptOperation } from "../../src/engine/apply-script.js";
import { splitArgs } from "../../src/engine/global-args.js";

const global = (args: Record<string, unknown>) => splitArgs(args, {}, (v): v is never => false).global;
const op = (index: number, args: Record<string, unknown>, command = `touch /srv/f${index}`): ScriptOperation => ({
  index,
  commands: [{ type: "shell", command }],
  global: global(args),
  requires: [],
});
const wrap = (command: string, options: Parameters<typeof buildCommand>[1]) => buildCommand(command, options);
const sudoCalls = (script: string) => script.match(/\bsudo -H\b/g)?.length ?? 0;

describe("buildApplyScript", () => {
  test("every operation with _sudo to root: one sudo runs them all, as a staged body", () => {
    const script = buildApplyScript(
      [op(0, { _sudo: true }), op(1, { _sudo: true }), op(2, { _sudo: true })],
      wrap,
      "n1",
    );
    expect(sudoCalls(script)).toBe(1);
    expect(script).toContain('. "$__ia_dir/body.sh"');
    // The lock is taken before root runs anything, by the connecting user.
    expect(script.indexOf("flock")).toBeLessThan(script.indexOf("sudo -H"));
  });

  test("a mix (one without sudo, another user, a password, sudo -i, or doas) keeps a sudo per command", () => {
    for (const other of [
      {},
      { _sudo_user: "app" },
      { _sudo: true, _sudo_password: "pw" },
      { _sudo: true, _use_sudo_login: true },
    ]) {
      const script = buildApplyScript([op(0, { _sudo: true }), op(1, other), op(2, { _sudo: true })], wrap, "n2");
      expect(script, JSON.stringify(other)).not.toContain("body.sh");
    }
    const mixed = buildApplyScript([op(0, { _sudo: true }), op(1, {}), op(2, { _sudo: true })], wrap, "n3");
    expect(sudoCalls(mixed)).toBe(2);
  });

  test("one operation alone keeps its own sudo (nothing to share)", () => {
    const script = buildApplyScript([op(0, { _sudo: true })], wrap, "n4");
    expect(script).not.toContain("body.sh");
    expect(sudoCalls(script)).toBe(1);
  });
});
