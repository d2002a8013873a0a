// server.hostname, server.locale, server.sysctl (persisted) and server.script on a fresh container with no
// network: the first apply changes it (checked with real commands), a second plan finds nothing to change
// but the script, which is always a change; server.reboot where nothing can reboot fails. The container may set its host name (CAP_SYS_ADMIN in its own UTS
// namespace) and write /proc/sys; the one kernel parameter the test sets, net.ipv4.ip_default_ttl, belongs to
// the container's own network namespace.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { operationStatuses, startTestContainer, type TestContainer } from "../helpers/container-deploys.js";

let host: TestContainer;
beforeAll(() => {
  host = startTestContainer("server", [
    "--network",
    "none",
    "--cap-add",
    "SYS_ADMIN",
    "--cap-add",
    "NET_ADMIN",
    "--security-opt",
    "systempaths=unconfined",
  ]);
}, 300_000);
afterAll(() => host?.remove(), 120_000);

describe("server operations on a fresh container", () => {
  test("apply, then a second plan changes nothing but the script", async () => {
    const script = join(host.dir, "record-args.sh");
    // The script records its arguments one per line, so quoting is checked too.
    writeFileSync(script, '#!/bin/sh\nprintf "%s\\n" "$@" > /tmp/script-ran\n');
    const deploy = host.writeDeploy(
      "server.ts",
      `import { server } from "infra-action";
server.hostname({ name: "hostname", hostname: "ia-renamed" });
server.locale({ name: "locale", locale: "de_DE.UTF-8" });
server.sysctl({ name: "sysctl", key: "net.ipv4.ip_default_ttl", value: 77, persist: true, persist_file: "/etc/sysctl.d/90-infra-action.conf" });
server.script({ name: "script", src: ${JSON.stringify(script)}, args: ["it's; a test", "-x"] });
`,
    );
    expect(host.sh("sysctl -n net.ipv4.ip_default_ttl; locale -a | grep -c '^de_DE' || true")).toBe("64\n0");

    const first = await host.run("apply", deploy);
    expect(operationStatuses(first.report)).toEqual({
      hostname: "changed",
      locale: "changed",
      sysctl: "changed",
      script: "changed",
    });
    expect(host.sh("hostname; cat /etc/hostname")).toBe("ia-renamed\nia-renamed");
    expect(host.sh("grep '^de_DE' /etc/locale.gen; locale -a | grep '^de_DE'")).toBe("de_DE.UTF-8 UTF-8\nde_DE.utf8");
    expect(host.sh("sysctl -n net.ipv4.ip_default_ttl; cat /etc/sysctl.d/90-infra-action.conf")).toBe(
      "77\nnet.ipv4.ip_default_ttl = 77",
    );
    expect(host.sh("cat /tmp/script-ran; ls /tmp | grep -c infra-action-script || true")).toBe("it's; a test\n-x\n0");

    host.sh("rm /tmp/script-ran");
    const second = await host.run("plan", deploy);
    expect(operationStatuses(second.report)).toEqual({
      hostname: "unchanged",
      locale: "unchanged",
      sysctl: "unchanged",
      script: "changed",
    });
    // A plan runs nothing.
    expect(host.sh("ls /tmp/script-ran 2>/dev/null || echo absent")).toBe("absent");
  }, 600_000);

  // server.reboot itself is fixture-tested (a container has no boot to come back from); what a host without a
  // reboot command does is checked here: it must fail, not pass an instant reconnect off as a reboot.
  test("server.reboot on a host with neither reboot nor shutdown fails and says so", async () => {
    expect(host.sh("command -v reboot shutdown || echo none")).toBe("none");
    const deploy = host.writeDeploy(
      "reboot.ts",
      `import { server } from "infra-action";
server.reboot({ name: "reboot", delay: 0, reboot_timeout: 30 });
`,
    );
    const run = await host.run("apply", deploy, { allowFailure: true });
    expect(run.exitCode).not.toBe(0);
    expect(operationStatuses(run.report)).toEqual({ reboot: "failed" });
    expect(`${run.stdout}\n${run.stderr}`).toContain("cannot reboot: neither reboot nor shutdown is installed");
  }, 300_000);
});
