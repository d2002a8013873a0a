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

  test("commands of the one root shell are its text in a subshell, checked with sh -n before anything runs", () => {
    const script = buildApplyScript(
      [
        op(0, { _sudo: true }, "cd /tmp && false; true"),
        op(1, { _sudo: true }),
        op(2, { _sudo: true, _shell_executable: "bash" }),
      ],
      wrap,
      "n5",
    );
    expect(script).toContain("( set +e; cd /tmp && false; true\n)");
    expect(script).toContain("( set +e; touch /srv/f1\n)");
    // Another shell keeps a shell of its own.
    expect(script).toContain(`bash -c 'touch /srv/f2'`);
    // The check comes before the staged marker: nothing has run when it fails.
    expect(script.indexOf('sh -n "$__ia_dir/body.sh"')).toBeGreaterThan(-1);
    expect(script.indexOf('sh -n "$__ia_dir/body.sh"')).toBeLessThan(script.indexOf("__ia_mark staged\n"));
  });

  test("a command under its own sudo keeps sh -c, and a script of only those has no sh -n", () => {
    const script = buildApplyScript([op(0, { _sudo: true, _sudo_user: "app" }), op(1, { _sudo: true })], wrap, "n6");
    expect(script).toContain("sh -c 'touch /srv/f0'");
    expect(script).toContain("sh -c 'touch /srv/f1'");
    expect(script).not.toContain("sh -n");
  });

  test("a file written by the script itself: exclusive create beside the destination, mode from the umask", () => {
    const script = buildApplyScript(
      [
        {
          index: 0,
          commands: [
            {
              type: "file",
              path: "/etc/app.conf",
              content: Buffer.from("x\n").toString("base64"),
              mode: "644",
              ifSha256: null,
            },
          ],
          global: global({ _sudo: true }),
          requires: [],
        },
        op(1, { _sudo: true }),
      ],
      wrap,
      "n7",
    );
    expect(script).toMatch(/__ia_t='?\/etc\/\.infra-action\.[0-9a-f]{16}'?$/m);
    expect(script).toContain('(set -C; umask 133; base64 -d > "$__ia_t")');
    expect(script).not.toContain("chmod 644");
    expect(script).toContain('mv -f -- "$__ia_t" "$__ia_d"');
  });
});
