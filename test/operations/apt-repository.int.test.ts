// apt.repo, apt.update, apt.packages (a pinned version, latest, removal), apt.upgrade and apt.dist_upgrade on a
// fresh container with no network: its only source is a flat repository in /repo (file:/repo, trusted) whose
// tiny packages the test builds there with dpkg-deb. Each step applies once and a second plan finds nothing to
// change; between steps the test publishes new versions as a real repository would.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { operationStatuses, startTestContainer, type TestContainer } from "../helpers/container-deploys.js";
import { debRepoTools } from "../helpers/deb-repo.js";

// Installed test packages as "name version" lines, sorted.
const installed = (host: TestContainer) =>
  host.sh("COLUMNS=200 dpkg -l 'ia-*' | awk '$1 == \"ii\" { print $2, $3 }' | sort");

let host: TestContainer;
beforeAll(() => {
  host = startTestContainer("apt");
  // No source but /repo: the image's Debian mirror is out of reach by design (tests address 127.0.0.0/8 only).
  host.sh(
    `${debRepoTools}noMirrors
mk /repo ia-pinned 1.0; mk /repo ia-pinned 2.0; mk /repo ia-plain 1.0; mk /repo ia-other 1.0; mk /repo ia-held 1.0
index /repo; age`,
  );
}, 300_000);
afterAll(() => host?.remove(), 120_000);

describe("apt on a local repository", () => {
  const install = () =>
    host.writeDeploy(
      "install.ts",
      `import { apt } from "infra-action";
apt.repo({ name: "repo", src: "deb [trusted=yes] file:/repo ./", filename: "ia-local" });
apt.update({ name: "update", cache_time: 3600 });
apt.packages({ name: "install", packages: ["ia-pinned=1.0", "ia-plain", "ia-other", "ia-held"] });
`,
    );

  test("apt.repo, apt.update and apt.packages (one of them pinned) apply, then find nothing to change", async () => {
    const first = await host.run("apply", install());
    expect(operationStatuses(first.report)).toEqual({ repo: "changed", update: "changed", install: "changed" });
    expect(host.sh("cat /etc/apt/sources.list.d/ia-local.list")).toBe("deb [trusted=yes] file:/repo ./");
    // The pin holds although 2.0 is in the repository.
    expect(installed(host)).toBe("ia-held 1.0\nia-other 1.0\nia-pinned 1.0\nia-plain 1.0");
    const second = await host.run("plan", install());
    expect(operationStatuses(second.report)).toEqual({ repo: "unchanged", update: "unchanged", install: "unchanged" });
  }, 600_000);

  test("lists older than cache_time are refreshed once: apt.update changes, then nothing", async () => {
    // A new release: ia-held 2.0 needs a package that is not installed yet (ia-newdep).
    host.sh(
      `${debRepoTools}mk /repo ia-plain 2.0; mk /repo ia-other 2.0; mk /repo ia-newdep 1.0; mk /repo ia-held 2.0 ia-newdep
index /repo; age`,
    );
    const first = await host.run("apply", install());
    expect(operationStatuses(first.report)).toEqual({ repo: "unchanged", update: "changed", install: "unchanged" });
    expect(host.sh("apt-cache policy ia-plain | grep Candidate")).toContain("2.0");
    const second = await host.run("plan", install());
    expect(operationStatuses(second.report)).toEqual({ repo: "unchanged", update: "unchanged", install: "unchanged" });
  }, 600_000);

  test("apt.packages latest and apt.upgrade upgrade, holding back what needs a new package; then nothing", async () => {
    const deploy = host.writeDeploy(
      "upgrade.ts",
      `import { apt } from "infra-action";
apt.packages({ name: "latest", packages: ["ia-plain"], latest: true });
apt.upgrade({ name: "upgrade" });
`,
    );
    const first = await host.run("apply", deploy);
    expect(operationStatuses(first.report)).toEqual({ latest: "changed", upgrade: "changed" });
    expect(installed(host)).toBe("ia-held 1.0\nia-other 2.0\nia-pinned 2.0\nia-plain 2.0");
    const second = await host.run("plan", deploy);
    expect(operationStatuses(second.report)).toEqual({ latest: "unchanged", upgrade: "unchanged" });
  }, 600_000);

  test("apt.dist_upgrade installs what an upgrade needs and apt.packages present: false removes; then nothing", async () => {
    const deploy = host.writeDeploy(
      "dist.ts",
      `import { apt } from "infra-action";
apt.dist_upgrade({ name: "dist" });
apt.packages({ name: "remove", packages: ["ia-pinned"], present: false });
`,
    );
    const first = await host.run("apply", deploy);
    expect(operationStatuses(first.report)).toEqual({ dist: "changed", remove: "changed" });
    expect(installed(host)).toBe("ia-held 2.0\nia-newdep 1.0\nia-other 2.0\nia-plain 2.0");
    const second = await host.run("plan", deploy);
    expect(operationStatuses(second.report)).toEqual({ dist: "unchanged", remove: "unchanged" });
  }, 600_000);
});
