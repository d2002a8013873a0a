// files.copy on a fresh container whose /dest is a 256 KiB tmpfs: a copy applies, then a second plan finds
// nothing to change; a copy that cannot fit (the disk fills midway) fails, and the old copy in dest survives
// byte for byte with no partial or temporary file left beside it; a file replacing a file is renamed into
// place (a new inode), never written over the old one.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { operationStatuses, startTestContainer, type TestContainer } from "../helpers/container-deploys.js";

let host: TestContainer;
beforeAll(() => {
  host = startTestContainer("copy", ["--network", "none", "--tmpfs", "/dest:size=256k"]);
  host.sh(
    [
      "mkdir -p /srv/site/css /srv/big",
      "printf 'body{}\\n' > /srv/site/css/site.css",
      "printf 'v1\\n' > /srv/app.conf",
      // 1 MiB cannot fit in the 256 KiB tmpfs.
      "head -c 1048576 /dev/urandom > /srv/big/app.conf",
    ].join(" && "),
  );
}, 300_000);
afterAll(() => host?.remove(), 120_000);

describe("files.copy on a fresh container", () => {
  test("applies, then finds nothing to change", async () => {
    const deploy = host.writeDeploy(
      "copy.ts",
      `import { files } from "infra-action";
files.copy({ name: "file", src: "/srv/app.conf", dest: "/dest" });
files.copy({ name: "dir", src: "/srv/site", dest: "/dest" });
`,
    );
    const first = await host.run("apply", deploy);
    expect(operationStatuses(first.report)).toEqual({ file: "changed", dir: "changed" });
    expect(host.sh("cat /dest/app.conf /dest/site/css/site.css; ls -A /dest")).toBe("v1\nbody{}\napp.conf\nsite");
    const second = await host.run("plan", deploy);
    expect(operationStatuses(second.report)).toEqual({ file: "unchanged", dir: "unchanged" });
  }, 400_000);

  test("a file replacing a file is renamed into place: a new inode, the new content", async () => {
    host.sh("printf 'v2\\n' > /srv/app.conf");
    const before = host.sh("stat -c %i /dest/app.conf");
    const deploy = host.writeDeploy(
      "overwrite.ts",
      `import { files } from "infra-action";
files.copy({ name: "file", src: "/srv/app.conf", dest: "/dest", overwrite: true });
`,
    );
    const first = await host.run("apply", deploy);
    expect(operationStatuses(first.report)).toEqual({ file: "changed" });
    expect(host.sh("cat /dest/app.conf")).toBe("v2");
    expect(host.sh("stat -c %i /dest/app.conf")).not.toBe(before);
    expect(operationStatuses((await host.run("plan", deploy)).report)).toEqual({ file: "unchanged" });
  }, 400_000);

  test("a copy that fills the disk fails and leaves the old copy intact, with nothing partial beside it", async () => {
    const oldHash = host.sh("sha256sum /dest/app.conf");
    const deploy = host.writeDeploy(
      "too-big.ts",
      `import { files } from "infra-action";
files.copy({ name: "big", src: "/srv/big/app.conf", dest: "/dest", overwrite: true });
`,
    );
    const run = await host.run("apply", deploy, { allowFailure: true });
    expect(run.exitCode).not.toBe(0);
    expect(operationStatuses(run.report)).toEqual({ big: "failed" });
    expect(`${run.stdout}\n${run.stderr}\n${JSON.stringify(run.report)}`).toMatch(/No space left on device/);
    expect(host.sh("sha256sum /dest/app.conf")).toBe(oldHash);
    expect(host.sh("cat /dest/app.conf")).toBe("v2");
    expect(host.sh("ls -A /dest")).toBe("app.conf\nsite");
  }, 400_000);
});
