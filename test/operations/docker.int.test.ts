// The docker.* operations against this machine's real Docker engine, through the @local connector (the
// controller is the Docker host): the first apply changes the engine (checked with docker inspect), the
// second plan finds nothing to change; a changed env var is re-created by name, never shown; removal
// and a label-filtered prune. No registry is reachable: docker.image works on the test image and a tag
// of it. docker.plugin needs a registry and is fixture-tested only. Containers get no ports and only a
// network of their own; their command does nothing but wait.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Report } from "../../src/report/report.js";
import { runCli } from "../helpers/run-cli.js";
import { deployHostData, loadTestEnv } from "../helpers/test-env.js";

const env = loadTestEnv();
const docker = (...args: string[]) =>
  execFileSync("docker", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
// docker, without failing when the object is already gone.
const tryDocker = (...args: string[]) => {
  try {
    docker(...args);
  } catch {
    // Already gone.
  }
};
const inspect = (kind: string, name: string) => JSON.parse(docker(kind, "inspect", "--", name))[0];
const exists = (kind: string, name: string) => {
  try {
    docker(kind, "inspect", "--", name);
    return true;
  } catch {
    return false;
  }
};

const dir = mkdtempSync(join(tmpdir(), "infra-action-docker-"));
const prefix = `infra-action-test-docker-${process.pid}`;
const names = {
  network: `${prefix}-net`,
  volume: `${prefix}-data`,
  app: `${prefix}-app`,
  idle: `${prefix}-idle`,
  pruned: `${prefix}-pruned`,
  tag: `${prefix}/img:tagged`,
};
// A subnet of our own (nothing is sent on it: the containers only wait).
const octet = process.pid % 250;
const subnet = `10.231.${octet}.0/24`;
const secret = `hunter2-${process.pid}`;
const newSecret = `n3w-${process.pid}`;
const pruneLabel = `infra-action-test-docker-prune=${process.pid}`;
const inventory = join(dir, "inventory.json");
// A command that exits at once on TERM, so that stopping it takes no grace period.
const waitCommand = ["sh", "-c", "trap 'exit 0' TERM; sleep 600 & wait"];

async function run(mode: "plan" | "apply", deploy: string, label: string) {
  const reportFile = join(dir, `${label}.json`);
  const result = await runCli(
    [mode, inventory, deploy, "--report", reportFile, ...(mode === "apply" ? ["--yes"] : [])],
    { timeoutMs: 180_000 },
  );
  if (result.exitCode !== 0) throw new Error(`${mode} exited ${result.exitCode}:\n${result.stdout}\n${result.stderr}`);
  return { report: JSON.parse(readFileSync(reportFile, "utf8")) as Report, stdout: result.stdout };
}

const operations = (report: Report) => report.hosts[0]?.operations ?? [];
const statuses = (report: Report) => Object.fromEntries(operations(report).map((o) => [o.name, o.status]));

// A deploy file calling docker.* with these operations' source lines.
function deployFile(name: string, body: string): string {
  const path = join(dir, `${name}.ts`);
  writeFileSync(path, `import { docker } from "infra-action";\n${body}\n`);
  return path;
}

const containerArgs = (secretValue: string) =>
  JSON.stringify({
    container: names.app,
    image: env.image,
    networks: [names.network],
    volumes: [`${names.volume}:/data`],
    env_vars: ["APP_MODE=test", `APP_SECRET=${secretValue}`],
    labels: ["infra-action-test=docker"],
    restart_policy: "on-failure:2",
    command: waitCommand,
  });

const present = (secretValue: string) =>
  deployFile(
    `present-${secretValue}`,
    `docker.network({ name: "network", network: ${JSON.stringify(names.network)}, subnet: ${JSON.stringify(subnet)}, gateway: "10.231.${octet}.1", labels: ["infra-action-test=docker"] });
docker.volume({ name: "volume", volume: ${JSON.stringify(names.volume)}, labels: ["infra-action-test=docker"] });
docker.image({ name: "image", image: ${JSON.stringify(env.image)} });
docker.image({ name: "untag", image: ${JSON.stringify(names.tag)}, present: false });
docker.container({ name: "app", ...${containerArgs(secretValue)} });
docker.container({ name: "idle", container: ${JSON.stringify(names.idle)}, image: ${JSON.stringify(env.image)}, command: ${JSON.stringify(waitCommand)}, start: false });`,
  );

beforeAll(() => {
  writeFileSync(inventory, JSON.stringify({ targets: ["@local"] }));
  docker("tag", env.image, names.tag);
  // A stopped container carrying the prune label: docker.prune with that filter removes it, and nothing else.
  docker("create", "--network", "none", "--label", pruneLabel, "--name", names.pruned, env.image, "true");
});

afterAll(() => {
  for (const name of [names.app, names.idle, names.pruned]) tryDocker("container", "rm", "-f", "--", name);
  tryDocker("network", "rm", "--", names.network);
  tryDocker("volume", "rm", "--", names.volume);
  tryDocker("image", "rm", "--", names.tag);
  rmSync(dir, { recursive: true, force: true });
});

describe("docker.* on the local Docker engine", () => {
  test("apply creates the network, volume and containers and removes the tag; the next plan changes nothing", async () => {
    const deploy = present(secret);
    const plan = await run("plan", deploy, "plan");
    expect(plan.stdout).not.toContain(secret);
    expect(JSON.stringify(plan.report)).not.toContain(secret);

    const first = await run("apply", deploy, "first");
    expect(statuses(first.report)).toEqual({
      network: "changed",
      volume: "changed",
      image: "unchanged",
      untag: "changed",
      app: "changed",
      idle: "changed",
    });
    expect(operations(first.report).find((o) => o.name === "image")?.reason).toBe(`image ${env.image} is on the host`);
    expect(JSON.stringify(first.report)).not.toContain(secret);
    expect(first.stdout).not.toContain(secret);

    const network = inspect("network", names.network);
    expect(network.IPAM.Config).toEqual([{ Subnet: subnet, Gateway: `10.231.${octet}.1` }]);
    expect(network.Labels).toEqual({ "infra-action-test": "docker" });
    expect(inspect("volume", names.volume).Labels).toEqual({ "infra-action-test": "docker" });
    expect(exists("image", names.tag)).toBe(false);
    expect(exists("image", env.image)).toBe(true);

    const app = inspect("container", names.app);
    expect(app.State.Running).toBe(true);
    expect(app.Config.Image).toBe(env.image);
    expect(app.Config.Cmd).toEqual(waitCommand);
    expect(app.Config.Env).toEqual(expect.arrayContaining(["APP_MODE=test", `APP_SECRET=${secret}`]));
    expect(app.Config.Labels["infra-action-test"]).toBe("docker");
    expect(Object.keys(app.NetworkSettings.Networks)).toEqual([names.network]);
    expect(app.HostConfig.Binds).toEqual([`${names.volume}:/data`]);
    expect(app.HostConfig.RestartPolicy).toEqual({ Name: "on-failure", MaximumRetryCount: 2 });
    // The private env file was removed once docker had read it.
    const envFile = `/tmp/infra-action-docker-env-${createHash("sha256").update(names.app).digest("hex").slice(0, 16)}`;
    expect(existsSync(envFile)).toBe(false);

    const idle = inspect("container", names.idle);
    expect(idle.State.Status).toBe("created");

    const second = await run("plan", deploy, "second");
    expect(statuses(second.report)).toEqual({
      network: "unchanged",
      volume: "unchanged",
      image: "unchanged",
      untag: "unchanged",
      app: "unchanged",
      idle: "unchanged",
    });
  }, 300_000);

  test("a changed env var re-creates the container, named in the plan, its value never shown", async () => {
    const deploy = present(newSecret);
    // The reason is in the report (and the PR comment); the plan's text shows the commands.
    const plan = await run("plan", deploy, "changed-plan");
    const app = operations(plan.report).find((o) => o.name === "app");
    expect(app?.status).toBe("changed");
    expect(app?.reason).toBe("re-create: env_vars APP_SECRET differ");
    expect(plan.stdout).not.toContain(newSecret);
    expect(JSON.stringify(plan.report)).not.toContain(newSecret);

    const before = inspect("container", names.app).Id;
    const applied = await run("apply", deploy, "changed-apply");
    expect(statuses(applied.report).app).toBe("changed");
    const after = inspect("container", names.app);
    expect(after.Id).not.toBe(before);
    expect(after.State.Running).toBe(true);
    expect(after.Config.Env).toContain(`APP_SECRET=${newSecret}`);
    expect((await run("plan", deploy, "changed-second")).report.hosts[0]?.operations.map((o) => o.status)).toEqual([
      "unchanged",
      "unchanged",
      "unchanged",
      "unchanged",
      "unchanged",
      "unchanged",
    ]);
  }, 300_000);

  test("stop, a label-filtered prune, then removal; the next plan changes nothing", async () => {
    const stop = deployFile(
      "stop",
      `docker.container({ name: "stop", container: ${JSON.stringify(names.app)}, start: false });`,
    );
    expect(statuses((await run("apply", stop, "stop")).report)).toEqual({ stop: "changed" });
    expect(inspect("container", names.app).State.Running).toBe(false);
    expect(statuses((await run("plan", stop, "stop-second")).report)).toEqual({ stop: "unchanged" });

    const prune = deployFile(
      "prune",
      `docker.prune({ name: "prune", filter: ${JSON.stringify(`label=${pruneLabel}`)} });`,
    );
    expect(statuses((await run("apply", prune, "prune")).report)).toEqual({ prune: "changed" });
    expect(exists("container", names.pruned)).toBe(false);
    // Stopped containers without the label are left alone.
    expect(exists("container", names.app)).toBe(true);
    expect(exists("container", names.idle)).toBe(true);

    const absent = deployFile(
      "absent",
      `docker.container({ name: "app", container: ${JSON.stringify(names.app)}, present: false });
docker.container({ name: "idle", container: ${JSON.stringify(names.idle)}, present: false });
docker.volume({ name: "volume", volume: ${JSON.stringify(names.volume)}, present: false });
docker.network({ name: "network", network: ${JSON.stringify(names.network)}, present: false });`,
    );
    const removed = await run("apply", absent, "absent");
    expect(statuses(removed.report)).toEqual({
      app: "changed",
      idle: "changed",
      volume: "changed",
      network: "changed",
    });
    for (const [kind, name] of [
      ["container", names.app],
      ["container", names.idle],
      ["volume", names.volume],
      ["network", names.network],
    ] as const)
      expect(exists(kind, name), `${kind} ${name}`).toBe(false);
    expect(statuses((await run("plan", absent, "absent-second")).report)).toEqual({
      app: "unchanged",
      idle: "unchanged",
      volume: "unchanged",
      network: "unchanged",
    });
  }, 300_000);
});

test("a hostile container name is refused with the argument named, before anything runs", async () => {
  const deploy = deployFile(
    "hostile",
    `docker.container({ container: "x; touch /tmp/${prefix}-owned", image: "alpine" });`,
  );
  const result = await runCli(["plan", inventory, deploy], { timeoutMs: 120_000 });
  expect(result.exitCode).not.toBe(0);
  expect(result.stdout + result.stderr).toContain('argument container "x; touch');
  expect(result.stdout + result.stderr).toContain("is not a Docker container name");
  expect(existsSync(`/tmp/${prefix}-owned`)).toBe(false);
}, 120_000);

describe("the Docker facts", () => {
  test("on this machine they give docker inspect's JSON; a missing object is null", async () => {
    const info = await runCli(["fact", inventory, "DockerSystemInfo"], { timeoutMs: 60_000 });
    expect(info.exitCode).toBe(0);
    expect(JSON.parse(info.stdout)["@local"].ServerVersion).toBe(docker("version", "--format", "{{.Server.Version}}"));
    const image = await runCli(["fact", inventory, "DockerImage", `object_id=${env.image}`], { timeoutMs: 60_000 });
    expect(JSON.parse(image.stdout)["@local"].Id).toBe(env.imageId);
    const none = await runCli(["fact", inventory, "DockerContainer", `object_id=${prefix}-none`], {
      timeoutMs: 60_000,
    });
    expect(none.exitCode).toBe(0);
    expect(JSON.parse(none.stdout)).toEqual({ "@local": null });
  }, 120_000);

  test("on a host without docker they cannot tell, and docker.container is reported as cannot tell", async () => {
    const ssh = join(dir, "ssh-inventory.json");
    writeFileSync(ssh, JSON.stringify({ targets: [["test-sshd", deployHostData(env)]] }));
    const fact = await runCli(["fact", ssh, "DockerContainers"], { timeoutMs: 60_000 });
    expect(fact.exitCode).toBe(1);
    expect(JSON.parse(fact.stdout)).toEqual({
      "test-sshd": { error: expect.stringMatching(/^cannot inspect the Docker containers: .*docker: not found$/) },
    });
    const deploy = deployFile("no-docker", `docker.container({ name: "app", container: "web", image: "nginx:1.25" });`);
    const reportFile = join(dir, "no-docker.json");
    const plan = await runCli(["plan", ssh, deploy, "--report", reportFile], { timeoutMs: 120_000 });
    expect(plan.exitCode).not.toBe(0);
    const report = JSON.parse(readFileSync(reportFile, "utf8")) as Report;
    expect(operations(report).map((o) => [o.name, o.status, o.reason])).toEqual([
      [
        "app",
        "failed",
        "cannot tell: cannot inspect the Docker container web: docker: not found — is it installed on the host?",
      ],
    ]);
  }, 180_000);
});
