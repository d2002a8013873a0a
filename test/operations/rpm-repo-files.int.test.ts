// dnf.repo, yum.repo and zypper.repo on a fresh container: each only writes (or removes) its <src>.repo file
// (/etc/yum.repos.d/, /etc/zypp/repos.d/), which needs no dnf, yum or zypper to check, so the file is applied
// for real even on the Debian test image. The first
// apply writes each file, a second plan changes nothing; present: false removes them, then nothing again.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { operationStatuses, startTestContainer, type TestContainer } from "../helpers/container-deploys.js";

let host: TestContainer;
beforeAll(() => {
  host = startTestContainer("rpmrepo");
}, 300_000);
afterAll(() => host?.remove(), 120_000);

// A deploy with one dnf.repo, one yum.repo and one zypper.repo, all present or all absent.
const deploy = (present: boolean) =>
  host.writeDeploy(
    `repos-${present}.ts`,
    `import { dnf, yum, zypper } from "infra-action";
dnf.repo({ name: "dnf", src: "ia-dnf", baseurl: "http://127.0.0.1/dnf/$basearch", description: "IA dnf", gpgcheck: false, present: ${present} });
yum.repo({ name: "yum", src: "ia-yum", baseurl: "http://127.0.0.1/yum", gpgkey: "http://127.0.0.1/key", enabled: false, present: ${present} });
zypper.repo({ name: "zypper", src: "ia-zypper", baseurl: "http://127.0.0.1/zypper", type: "rpm-md", present: ${present} });
`,
  );

describe("dnf.repo, yum.repo and zypper.repo files", () => {
  test("apply, then find nothing to change; present: false removes, then nothing", async () => {
    const add = await host.run("apply", deploy(true));
    expect(operationStatuses(add.report)).toEqual({ dnf: "changed", yum: "changed", zypper: "changed" });
    expect(host.sh("cat /etc/yum.repos.d/ia-dnf.repo; stat -c %a /etc/yum.repos.d/ia-dnf.repo")).toBe(
      "[ia-dnf]\nname=IA dnf\nbaseurl=http://127.0.0.1/dnf/$basearch\nenabled=1\ngpgcheck=0\ntype=rpm-md\n644",
    );
    expect(host.sh("cat /etc/yum.repos.d/ia-yum.repo")).toBe(
      "[ia-yum]\nname=ia-yum\nbaseurl=http://127.0.0.1/yum\nenabled=0\ngpgcheck=1\ntype=rpm-md\ngpgkey=http://127.0.0.1/key",
    );
    expect(host.sh("cat /etc/zypp/repos.d/ia-zypper.repo")).toBe(
      "[ia-zypper]\nname=ia-zypper\nbaseurl=http://127.0.0.1/zypper\nenabled=1\ngpgcheck=1\ntype=rpm-md",
    );
    expect(operationStatuses((await host.run("plan", deploy(true))).report)).toEqual({
      dnf: "unchanged",
      yum: "unchanged",
      zypper: "unchanged",
    });

    const remove = await host.run("apply", deploy(false));
    expect(operationStatuses(remove.report)).toEqual({ dnf: "changed", yum: "changed", zypper: "changed" });
    expect(host.sh("ls -A /etc/yum.repos.d /etc/zypp/repos.d")).toBe("/etc/yum.repos.d:\n\n/etc/zypp/repos.d:");
    expect(operationStatuses((await host.run("plan", deploy(false))).report)).toEqual({
      dnf: "unchanged",
      yum: "unchanged",
      zypper: "unchanged",
    });
  }, 600_000);
});
