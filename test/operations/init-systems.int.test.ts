// Init systems, mounts and locales on a fresh container of the test image (openrc, runit and locales
// installed): OpenRC with its soft level written (as after boot), runsvdir watching /etc/service, an
// /etc/init.d script, tmpfs mounts (SYS_ADMIN, no network) and locale-gen. The first apply changes
// the container (checked with its own tools), the second plan changes nothing. upstart, launchd,
// BSD rc.d and systemd's user managers cannot run here: they are fixture-tested.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Report } from "../../src/report/report.js";
import { runCli } from "../helpers/run-cli.js";
import { loadTestEnv } from "../helpers/test-env.js";

const env = loadTestEnv();
const docker = (...args: string[]) => execFileSync("docker", args, { encoding: "utf8" }).trim();
const dir = mkdtempSync(join(tmpdir(), "infra-action-init-systems-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(mode: "plan" | "apply", inventory: string, deploy: string, name: string) {
  const reportFile = join(dir, `${name}.json`);
  const result = await runCli(
    [mode, inventory, deploy, "--report", reportFile, ...(mode === "apply" ? ["--yes"] : [])],
    { timeoutMs: 180_000 },
  );
  if (result.exitCode !== 0) throw new Error(`${mode} exited ${result.exitCode}:\n${result.stdout}\n${result.stderr}`);
  return { report: JSON.parse(readFileSync(reportFile, "utf8")) as Report, stdout: result.stdout };
}

const statuses = (report: Report) =>
  Object.fromEntries((report.hosts[0]?.operations ?? []).map((o) => [o.name, o.status]));

// An OpenRC service of its own: a sleep OpenRC runs in the background.
const openrcScript = (name: string) => `#!/sbin/openrc-run
command=/bin/sleep
command_args=600
command_background=true
pidfile=/run/${name}.pid
`;

// An LSB init script of its own: a sleep that start-stop-daemon runs and tracks by pid file.
const initdScript = (name: string) => `#!/bin/sh
### BEGIN INIT INFO
# Provides:          ${name}
# Required-Start:
# Required-Stop:
# Default-Start:     2 3 4 5
# Default-Stop:      0 1 6
# Short-Description: infra-action test service
### END INIT INFO
case "$1" in
  start) start-stop-daemon --start --background --make-pidfile --pidfile /run/${name}.pid --exec /bin/sleep -- 600 ;;
  stop) start-stop-daemon --stop --pidfile /run/${name}.pid --remove-pidfile ;;
  status) start-stop-daemon --status --pidfile /run/${name}.pid ;;
  restart) "$0" stop; "$0" start ;;
  *) echo "usage: $0 start|stop|status|restart" >&2; exit 3 ;;
esac
`;

describe("OpenRC, init.d, runit, mounts and a locale on a fresh container", () => {
  const container = `infra-action-test-initsys-${process.pid}`;
  const inventory = join(dir, "inventory.json");
  const deploy = join(dir, "init-systems.ts");
  const exec = (command: string) => docker("exec", container, "sh", "-c", command);
  const write = (path: string, text: string) =>
    execFileSync("docker", ["exec", "-i", container, "sh", "-c", `cat > ${path} && chmod 755 ${path}`], {
      input: text,
    });

  beforeAll(() => {
    // SYS_ADMIN for mount(2); no network at all.
    docker(
      "run",
      "-d",
      "--init",
      "--cap-add",
      "SYS_ADMIN",
      "--network",
      "none",
      "--name",
      container,
      env.image,
      "sleep",
      "infinity",
    );
    write("/etc/init.d/iaorc", openrcScript("iaorc"));
    write("/etc/init.d/iaorc2", openrcScript("iaorc2"));
    write("/etc/init.d/iasysv", initdScript("iasysv"));
    write("/etc/init.d/iasysv2", initdScript("iasysv2"));
    // OpenRC as after boot: its soft level written (no sysinit: that would set the clock).
    exec("mkdir -p /run/openrc && echo default > /run/openrc/softlevel");
    // runit: services of our own; runsvdir watches /etc/service without the image's ssh and syslog.
    // iarunit4 starts with a down file that runit.auto removes.
    for (const name of ["iarunit", "iarunit2", "iarunit3", "iarunit4"])
      exec(
        `mkdir -p /etc/sv/${name} && printf '#!/bin/sh\\nexec sleep 600\\n' > /etc/sv/${name}/run && chmod 755 /etc/sv/${name}/run`,
      );
    exec("touch /etc/sv/iarunit4/down && rm -f /etc/service/*");
    docker("exec", "-d", container, "runsvdir", "-P", "/etc/service");
    // A tmpfs to remount read-only and one to unmount.
    exec(
      "mkdir -p /mnt/ia /mnt/ia-rw /mnt/ia-gone && mount -t tmpfs tmpfs /mnt/ia-rw && mount -t tmpfs tmpfs /mnt/ia-gone",
    );
    writeFileSync(inventory, JSON.stringify({ targets: [[`@docker/${container}`, {}]] }));
    writeFileSync(
      deploy,
      `import { openrc, runit, server, sysvinit } from "infra-action";
openrc.service({ name: "openrc", service: "iaorc", running: true, enabled: true });
server.service({ name: "server.service", service: "iaorc2", running: true });
sysvinit.service({ name: "sysvinit", service: "iasysv", running: true, enabled: true });
sysvinit.enable({ name: "sysvinit.enable", service: "iasysv2", start_levels: [3, 5], stop_levels: [0, 6], start_priority: 7 });
runit.service({ name: "runit", service: "iarunit", svdir: "/etc/service", running: true });
runit.service({ name: "runit-down", service: "iarunit2", svdir: "/etc/service", running: false, enabled: false });
runit.auto({ name: "runit.auto-off", service: "iarunit3", auto: false });
runit.manage({ name: "runit.manage", service: "iarunit3", svdir: "/etc/service" });
runit.auto({ name: "runit.auto-on", service: "iarunit4" });
runit.manage({ name: "runit.manage-on", service: "iarunit4", svdir: "/etc/service" });
server.mount({ name: "mount", path: "/mnt/ia", device: "tmpfs", fs_type: "tmpfs", options: ["nosuid", "noexec"] });
server.mount({ name: "remount", path: "/mnt/ia-rw", options: ["ro"] });
server.mount({ name: "unmount", path: "/mnt/ia-gone", mounted: false });
server.locale({ name: "locale", locale: "fr_FR.UTF-8" });
`,
    );
  }, 60_000);
  afterAll(() => {
    docker("rm", "-f", container);
  });

  test("applies, then finds nothing to change", async () => {
    const names = [
      "openrc",
      "server.service",
      "sysvinit",
      "sysvinit.enable",
      "runit",
      "runit-down",
      "runit.auto-off",
      "runit.manage",
      "runit.auto-on",
      "runit.manage-on",
      "mount",
      "remount",
      "unmount",
      "locale",
    ];
    const first = await run("apply", inventory, deploy, "first");
    expect(statuses(first.report)).toEqual(Object.fromEntries(names.map((n) => [n, "changed"])));

    // OpenRC says both are started, and the first is in the default runlevel.
    expect(exec("for s in iaorc iaorc2; do rc-service $s status | tr -d ' *'; done")).toBe(
      "status:started\nstatus:started",
    );
    expect(exec("rc-update show default | grep -c iaorc || true")).toBe("1");
    // The init.d script runs and starts in runlevels 2 to 5; the other has exactly the links asked for.
    expect(exec("/etc/init.d/iasysv status >/dev/null && echo running")).toBe("running");
    expect(exec("ls /etc/rc2.d /etc/rc3.d /etc/rc4.d /etc/rc5.d | grep -c '^S..iasysv$'")).toBe("4");
    expect(exec('for l in /etc/rc?.d/*iasysv2; do echo "$l -> $(readlink "$l")"; done')).toBe(
      [
        "/etc/rc0.d/K80iasysv2 -> /etc/init.d/iasysv2",
        "/etc/rc3.d/S07iasysv2 -> /etc/init.d/iasysv2",
        "/etc/rc5.d/S07iasysv2 -> /etc/init.d/iasysv2",
        "/etc/rc6.d/K80iasysv2 -> /etc/init.d/iasysv2",
      ].join("\n"),
    );
    // runit: the first is linked and up, with no down file; the second is linked, down, with one.
    expect(exec("readlink /etc/service/iarunit /etc/service/iarunit2")).toBe("/etc/sv/iarunit\n/etc/sv/iarunit2");
    expect(exec("sv status /etc/service/iarunit | cut -d: -f1; sv status /etc/service/iarunit2 | cut -d: -f1")).toBe(
      "run\ndown",
    );
    expect(exec("ls /etc/sv/iarunit/down /etc/sv/iarunit2/down 2>&1 | sed 's/.*cannot access/missing/'")).toMatch(
      /^missing.*\n\/etc\/sv\/iarunit2\/down$/,
    );
    // runit.auto and runit.manage: iarunit3 is linked with a down file, so runsv supervises it but leaves it
    // down; iarunit4's down file is gone, so runsv starts it by itself once linked (within runsvdir's 5 s scan).
    expect(exec("readlink /etc/service/iarunit3 /etc/service/iarunit4")).toBe("/etc/sv/iarunit3\n/etc/sv/iarunit4");
    expect(exec("test -e /etc/sv/iarunit3/down && echo down; test -e /etc/sv/iarunit4/down || echo auto")).toBe(
      "down\nauto",
    );
    expect(
      exec(
        "i=0; until sv status /etc/service/iarunit3 >/dev/null 2>&1 && sv status /etc/service/iarunit4 | grep -q '^run:' || [ $i -ge 20 ]; do i=$((i+1)); sleep 1; done; sv status /etc/service/iarunit3 | cut -d: -f1; sv status /etc/service/iarunit4 | cut -d: -f1",
      ),
    ).toBe("down\nrun");
    // Mounts as the kernel lists them.
    expect(exec("grep ' /mnt/ia ' /proc/mounts | cut -d' ' -f1,3")).toBe("tmpfs tmpfs");
    expect(exec("grep ' /mnt/ia ' /proc/mounts | cut -d' ' -f4")).toMatch(/(^|,)nosuid,.*noexec/);
    expect(exec("grep ' /mnt/ia-rw ' /proc/mounts | cut -d' ' -f4 | cut -d, -f1")).toBe("ro");
    expect(exec("grep -c ' /mnt/ia-gone ' /proc/mounts || true")).toBe("0");
    // The locale is generated.
    expect(exec("locale -a | grep -ix 'fr_FR.utf8'")).toBe("fr_FR.utf8");

    const second = await run("plan", inventory, deploy, "second");
    expect(statuses(second.report)).toEqual(Object.fromEntries(names.map((n) => [n, "unchanged"])));
  }, 300_000);
});

describe("server.service where OpenRC is installed but has not booted the host", () => {
  const container = `infra-action-test-initsys-initd-${process.pid}`;
  const inventory = join(dir, "initd-inventory.json");
  const deploy = join(dir, "initd.ts");
  const exec = (command: string) => docker("exec", container, "sh", "-c", command);
  beforeAll(() => {
    docker("run", "-d", "--init", "--network", "none", "--name", container, env.image, "sleep", "infinity");
    execFileSync(
      "docker",
      ["exec", "-i", container, "sh", "-c", "cat > /etc/init.d/iasysv && chmod 755 /etc/init.d/iasysv"],
      {
        input: initdScript("iasysv"),
      },
    );
    writeFileSync(inventory, JSON.stringify({ targets: [[`@docker/${container}`, {}]] }));
    writeFileSync(
      deploy,
      `import { server } from "infra-action";
server.service({ name: "service", service: "iasysv", running: true, enabled: true });
`,
    );
  }, 60_000);
  afterAll(() => {
    docker("rm", "-f", container);
  });

  test("runs the /etc/init.d script, then finds nothing to change", async () => {
    const first = await run("apply", inventory, deploy, "initd-first");
    expect(statuses(first.report)).toEqual({ service: "changed" });
    expect(first.stdout).toContain("/etc/init.d/iasysv start");
    expect(first.stdout).not.toContain("rc-service");
    expect(exec("/etc/init.d/iasysv status >/dev/null && echo running; ls /etc/rc2.d | grep -c 'iasysv$'")).toBe(
      "running\n1",
    );
    // Nothing booted OpenRC meanwhile: reading its state leaves no soft level behind.
    expect(exec("test -e /run/openrc/softlevel && echo booted || echo not booted")).toBe("not booted");
    const second = await run("plan", inventory, deploy, "initd-second");
    expect(statuses(second.report)).toEqual({ service: "unchanged" });
  }, 240_000);
});
