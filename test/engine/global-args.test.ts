// The global arguments that change how a command runs: the exact command lines they make (doas
// cannot run in the test image, so its shape is checked here), and the message a bad value gets.
import { describe, expect, test } from "vitest";
import { buildCommand } from "../../src/connectors/shell.js";
import { escalationKey, runsAs, splitArgs, sudoOptions } from "../../src/engine/global-args.js";
import type { OperationHandle } from "../../src/engine/operation-handle.js";

const noHandle = (_value: unknown): _value is OperationHandle => false;
const globalOf = (raw: Record<string, unknown>, data: Record<string, unknown> = {}) =>
  splitArgs(raw, data, noHandle).global;

describe("command lines", () => {
  test.each([
    [{ doas: true }, "doas -n -- sh -c 'echo hi'"],
    [{ doasUser: "www-data" }, "doas -n -u www-data -- sh -c 'echo hi'"],
    [{ sudo: true, useSudoLogin: true, preserveSudoEnv: true }, "sudo -H -n -i -E -u root -- sh -c 'echo hi'"],
    [{ suUser: "app" }, `su app -c 'sh -c '\\''echo hi'\\'''`],
    [
      { suUser: "app", useSuLogin: true, preserveSuEnv: true, suShell: "/bin/bash" },
      `su -l -m -s /bin/bash app -c 'sh -c '\\''echo hi'\\'''`,
    ],
    [{ suUser: "nobody", suShell: "sh" }, `su -s "$(command -v sh || echo sh)" nobody -c 'sh -c '\\''echo hi'\\'''`],
    [{ sudo: true, suUser: "app" }, `sudo -H -n -u root -- su app -c 'sh -c '\\''echo hi'\\'''`],
    [{ doas: true, suUser: "app" }, `doas -n -- su app -c 'sh -c '\\''echo hi'\\'''`],
    // With a sudo password, su reads what is left of sudo's pipe (nothing) and the command /dev/null.
    [
      { sudo: true, sudoWithPassword: true, suUser: "app" },
      `{ sudo -n -k -u root -- sh -c : </dev/null >/dev/null 2>&1 || printf '%s\\n' "$__ia_pw"; } | sudo -H -k -S -p '' -u root -- su app -c 'sh -c '\\''exec 0</dev/null; echo hi'\\'''`,
    ],
    [{ shellExecutable: "bash" }, "bash -c 'echo hi'"],
    [{ shellExecutable: "/bin/my shell" }, `'/bin/my shell' -c 'echo hi'`],
    [{ shellExecutable: "bash", env: { A: "1" }, cwd: "/srv" }, "env A=1 bash -c 'cd -- /srv && echo hi'"],
    // No shell: the calling shell reads the line, in a subshell without the password's variable.
    [{ shellExecutable: null }, "( unset __ia_pw; echo hi )"],
    [
      { shellExecutable: null, env: { A: "x y" }, cwd: "/srv" },
      "( unset __ia_pw; export A='x y'; cd -- /srv && echo hi )",
    ],
    [{ shellExecutable: null, sudo: true }, "( unset __ia_pw; sudo -H -n -u root -- echo hi )"],
    [{ shellExecutable: null, doas: true }, "( unset __ia_pw; doas -n -- echo hi )"],
    [
      { shellExecutable: null, sudo: true, env: { A: "1" } },
      "( unset __ia_pw; sudo -H -n -u root -- env A=1 echo hi )",
    ],
    [
      { shellExecutable: null, sudo: true, sudoWithPassword: true },
      `{ sudo -n -k -u root -- sh -c : </dev/null >/dev/null 2>&1 || printf '%s\\n' "$__ia_pw"; } | ( unset __ia_pw; sudo -H -k -S -p '' -u root -- echo hi )`,
    ],
    [{ shellExecutable: null, suUser: "app", cwd: "/srv" }, "su app -c 'cd -- /srv && echo hi'"],
  ])("buildCommand(%j)", (context, line) => {
    expect(buildCommand("echo hi", context)).toBe(line);
  });

  test("sudo -i gets a command of several lines as one line (sudo would join the lines)", () => {
    const line = buildCommand("echo a\necho b", { sudo: true, useSudoLogin: true });
    const encoded = Buffer.from("sh -c 'echo a\necho b'").toString("base64");
    expect(line).toBe(`sudo -H -n -i -u root -- sh -c 'eval "$(printf %s ${encoded} | base64 -d)"'`);
  });

  test("_chdir without a shell under sudo has nothing to change directory in", () => {
    expect(() => buildCommand("ls", { shellExecutable: null, sudo: true, cwd: "/srv" })).toThrow(
      "_chdir cannot be used with _shell_executable: null under _sudo or _doas",
    );
  });

  test("who runs it, and which facts share a wrapper", () => {
    const su = sudoOptions(globalOf({ _sudo: true, _su_user: "app", _use_su_login: true }));
    expect(runsAs(su)).toBe("app");
    expect(escalationKey(su)).toBe("sudo:root+su:app-l");
    expect(escalationKey(sudoOptions(globalOf({ _sudo: true })))).toBe("root");
    expect(escalationKey(sudoOptions(globalOf({ _doas_user: "www" })))).toBe("doas:www");
    expect(runsAs(sudoOptions(globalOf({ _doas: true })))).toBe("root");
  });
});

describe("reading them", () => {
  test("host data of the same name is the default; the call wins, null included", () => {
    const data = { _su_user: "app", _shell_executable: "bash", _success_exit_codes: [0, 1] };
    expect(globalOf({}, data)).toMatchObject({ suUser: "app", shellExecutable: "bash", successExitCodes: [0, 1] });
    expect(globalOf({ _shell_executable: null, _su_user: "web" }, data)).toMatchObject({
      suUser: "web",
      shellExecutable: null,
    });
    expect(globalOf({})).toMatchObject({ shellExecutable: "sh", doas: false, successExitCodes: undefined });
    expect(globalOf({ _doas_user: "www" })).toMatchObject({ doas: true, doasUser: "www" });
  });

  test.each([
    [
      { _su_user: "-c id" },
      'global argument _su_user must be a user name (not starting with "-", on one line); it is "-c id" (a string).',
    ],
    [{ _doas_user: 3 }, "global argument _doas_user must be a string; it is 3 (a number)."],
    [{ _doas: "yes" }, 'global argument _doas must be true or false; it is "yes" (a string).'],
    [
      { _sudo: true, _doas: true },
      "global arguments _sudo and _doas cannot be used together: choose one (_su_user may go with either).",
    ],
    [
      { _su_shell: "bash -x" },
      'global argument _su_shell must be a program name or path without arguments (sh, bash, /bin/zsh); it is "bash -x" (a string).',
    ],
    [
      { _shell_executable: "-bash" },
      'global argument _shell_executable must be a program name or path without arguments (sh, bash, /bin/zsh); it is "-bash" (a string).',
    ],
    [
      { _success_exit_codes: 3 },
      "global argument _success_exit_codes must be a non-empty list of exit codes (whole numbers 0 to 255), e.g. [0, 3]; it is 3 (a number).",
    ],
    [
      { _success_exit_codes: [] },
      "global argument _success_exit_codes must be a non-empty list of exit codes (whole numbers 0 to 255), e.g. [0, 3]; it is [] (an array).",
    ],
    [
      { _success_exit_codes: [0, 256] },
      "global argument _success_exit_codes must be a non-empty list of exit codes (whole numbers 0 to 255), e.g. [0, 3]; it is",
    ],
    [
      { _retry_until: true, _retries: 2 },
      "global argument _retry_until must be a function given { stdout, stderr, exitCode } that returns true to retry; it is true (a boolean).",
    ],
    [
      { _retry_until: () => true },
      "global argument _retry_until needs _retries above 0 (how many times to retry at most), e.g. _retries: 5.",
    ],
    [{ _su_usr: "app" }, "unknown global argument _su_usr."],
  ])("%j", (raw, message) => {
    expect(() => globalOf(raw)).toThrow(message);
  });
});
