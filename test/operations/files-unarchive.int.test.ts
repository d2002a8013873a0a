// files.unarchive on a fresh container of the test image: tar.gz, zip and a local tar.xz unpacked
// (owner, content, files already in dest kept), then nothing to change; a changed archive is unpacked
// again; archives with an entry leaving dest (../, a link out), or cut short, fail and leave dest as it was.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Report } from "../../src/report/report.js";
import { runCli } from "../helpers/run-cli.js";
import { loadTestEnv } from "../helpers/test-env.js";

const env = loadTestEnv();
const docker = (...args: string[]) => execFileSync("docker", args, { encoding: "utf8" }).trim();
const dir = mkdtempSync(join(tmpdir(), "infra-action-unarchive-"));
const container = `infra-action-test-gitssh-unarchive-${process.pid}`;
const exec = (command: string) => docker("exec", container, "sh", "-c", command);
const inventory = join(dir, "inventory.json");

async function run(mode: "plan" | "apply", deploy: string, name: string) {
  const reportFile = join(dir, `${name}.json`);
  const result = await runCli(
    [mode, inventory, deploy, "--report", reportFile, ...(mode === "apply" ? ["--yes"] : [])],
    { timeoutMs: 120_000 },
  );
  const report = JSON.parse(readFileSync(reportFile, "utf8")) as Report;
  return { ...result, report };
}

const statuses = (report: Report) =>
  Object.fromEntries((report.hosts[0]?.operations ?? []).map((o) => [o.name, o.status]));

beforeAll(() => {
  docker("run", "-d", "--init", "--network", "none", "--name", container, env.image, "sleep", "infinity");
  writeFileSync(inventory, JSON.stringify({ targets: [[`@docker/${container}`, {}]] }));
  // The archives, made on the container with its own tar and zip tools.
  exec(
    [
      "set -e",
      "mkdir -p /src/app/bin /src/site/css && cd /src",
      "printf '#!/bin/sh\\necho run\\n' > app/bin/run && chmod 755 app/bin/run && echo readme > app/README",
      "chown -R 4242:4242 app && tar -czf /srv/app.tar.gz -C /src/app .",
      // A name that needs quoting, and an archive cut short (its listing fails).
      'tar -cf "/srv/it\'s a.tar" -C /src/app README',
      "mkdir /src/big && head -c 200000 /dev/urandom > /src/big/data.bin && echo a > /src/big/a.txt",
      "tar -czf /srv/big.tar.gz -C /src/big . && head -c 100000 /srv/big.tar.gz > /srv/corrupt.tar.gz",
    ].join("\n"),
  );
  // The image has unzip but no zip: the .zip is made on this machine with python3's zipfile.
  const zip = join(dir, "site.zip");
  execFileSync("python3", [
    "-c",
    "import sys,zipfile\nz=zipfile.ZipFile(sys.argv[1],'w')\nz.writestr('index.html','<h1>site</h1>\\n')\nz.writestr('css/site.css','body{}\\n')\nz.close()",
    zip,
  ]);
  docker("cp", zip, `${container}:/srv/site.zip`);
  // An existing dest with a file of its own, which must stay.
  exec("mkdir -p /var/www/site && echo mine > /var/www/site/keep.txt");
  // A local archive (tar.xz) on this machine.
  const local = join(dir, "local");
  mkdirSync(join(local, "conf"), { recursive: true });
  writeFileSync(join(local, "conf", "app.ini"), "[app]\nport = 8080\n");
  execFileSync("tar", ["-cJf", join(dir, "conf.tar.xz"), "-C", local, "."]);
  // Hostile archives: an entry "../escaped", and a link pointing out of dest followed by nothing else.
  exec(
    [
      "set -e",
      "mkdir -p /evil/in && cd /evil/in && echo x > ../escaped",
      "tar -cPf /srv/dotdot.tar ../escaped",
      "mkdir -p /evil/link && cd /evil/link && ln -s /etc linkout && echo ok > fine.txt",
      "tar -cf /srv/linkout.tar -C /evil/link .",
      "mkdir -p /opt/guarded && echo before > /opt/guarded/state.txt",
    ].join("\n"),
  );
}, 60_000);
afterAll(() => {
  docker("rm", "-f", container);
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe("files.unarchive", () => {
  test("unpacks tar.gz, zip and a local tar.xz, then finds nothing to change; a changed archive is unpacked again", async () => {
    const deploy = join(dir, "unarchive.ts");
    writeFileSync(
      deploy,
      `import { files } from "infra-action";
files.unarchive({ name: "tgz", src: "/srv/app.tar.gz", dest: "/opt/app", user: "deploy", group: "deploy" });
files.unarchive({ name: "zip", src: "/srv/site.zip", dest: "/var/www/site/" });
files.unarchive({ name: "local", src: ${JSON.stringify(join(dir, "conf.tar.xz"))}, dest: "/etc/myapp", local: true });
files.unarchive({ name: "quoted", src: "/srv/it's a.tar", dest: "/opt/it's here; x" });
files.unarchive({ name: "creates", src: "/srv/app.tar.gz", dest: "/srv/deep/other", creates: "/srv/deep/other/README" });
`,
    );
    const first = await run("apply", deploy, "first");
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    expect(statuses(first.report)).toEqual({
      tgz: "changed",
      zip: "changed",
      local: "changed",
      quoted: "changed",
      creates: "changed",
    });
    expect(exec("/opt/app/bin/run && cat /opt/app/README")).toBe("run\nreadme");
    // Owned by deploy (the archive's owner 4242 is not kept), modes as in the archive.
    expect(exec("stat -c '%U:%G %a' /opt/app /opt/app/bin/run /opt/app/README")).toBe(
      "deploy:deploy 755\ndeploy:deploy 755\ndeploy:deploy 644",
    );
    expect(exec("cat /var/www/site/index.html /var/www/site/css/site.css /var/www/site/keep.txt")).toBe(
      "<h1>site</h1>\nbody{}\nmine",
    );
    expect(exec("cat /etc/myapp/conf/app.ini")).toBe("[app]\nport = 8080");
    expect(exec('cat /srv/deep/other/README "/opt/it\'s here; x/README"')).toBe("readme\nreadme");
    // The marker holds the archive's hash; nothing is left beside dest (temporary directory, upload).
    expect(exec("cat /opt/app/.infra-action-unarchive-app.tar.gz.sha256")).toBe(
      exec("sha256sum /srv/app.tar.gz | cut -c1-64"),
    );
    expect(exec("ls -A /opt /var/www /etc | grep -c unarchive || true")).toBe("0");

    const second = await run("plan", deploy, "second");
    expect(second.exitCode).toBe(0);
    expect(statuses(second.report)).toEqual({
      tgz: "unchanged",
      zip: "unchanged",
      local: "unchanged",
      quoted: "unchanged",
      creates: "unchanged",
    });

    // A new version of the archive is unpacked again (creates keeps "creates" as it is).
    exec("cd /src/app && echo v2 > VERSION && tar -czf /srv/app.tar.gz -C /src/app .");
    const third = await run("apply", deploy, "third");
    expect(third.exitCode).toBe(0);
    expect(statuses(third.report)).toMatchObject({ tgz: "changed", creates: "unchanged" });
    expect(exec("cat /opt/app/VERSION; stat -c %U /opt/app/VERSION")).toBe("v2\ndeploy");
  }, 240_000);

  test.each([
    ["dotdot", "/srv/dotdot.tar", "an entry leaves dest"],
    ["linkout", "/srv/linkout.tar", "the link linkout points outside dest"],
    ["corrupt", "/srv/corrupt.tar.gz", "cannot list the entries of /srv/corrupt.tar.gz"],
  ])(
    "fails on %s and leaves dest as it was",
    async (name, src, message) => {
      const deploy = join(dir, `${name}.ts`);
      writeFileSync(
        deploy,
        `import { files } from "infra-action";
files.unarchive({ name: "evil", src: ${JSON.stringify(src)}, dest: "/opt/guarded" });
`,
      );
      const result = await run("apply", deploy, name);
      expect(result.exitCode).not.toBe(0);
      expect(statuses(result.report)).toEqual({ evil: "failed" });
      expect(`${result.stdout}\n${result.stderr}`).toContain(message);
      expect(exec("ls -A /opt/guarded; cat /opt/guarded/state.txt")).toBe("state.txt\nbefore");
      expect(exec("ls -A /opt /evil | grep -c unarchive || true")).toBe("0");
      expect(exec("[ -e /escaped ] || [ -e /opt/escaped ] && echo escaped || echo contained")).toBe("contained");
    },
    120_000,
  );
});
