// The Docker connector against a real Docker engine and the Debian test image.
import { execFileSync, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DockerConnector } from "../../src/connectors/docker.js";
import { runCli } from "../helpers/run-cli.js";
import { tempProject } from "../helpers/temp-project.js";
import { loadTestEnv } from "../helpers/test-env.js";
import { describeConnectorContract } from "./connector-contract.js";

const env = loadTestEnv();
const image = env.image;
const docker = (...args: string[]) => execFileSync("docker", args, { encoding: "utf8" }).trim();
const ownContainers = () => docker("ps", "-aq", "--filter", "label=infra-action");

describe("@docker/IMAGE: a container made for the run", () => {
  const connector = new DockerConnector(`@docker/${image}`);
  beforeAll(() => connector.connect());
  afterAll(() => connector.disconnect());

  describeConnectorContract(() => connector, "/tmp");

  test("sudo runs as the given user through the exec, without a sudo binary", async () => {
    expect((await connector.run("id -un", { sudoUser: "nobody" })).stdout).toBe("nobody\n");
    expect((await connector.run("id -un", { sudo: true })).stdout).toBe("root\n");
  });

  test("the container shares the host's network (no bridge address)", async () => {
    const id = docker("ps", "-q", "--filter", "label=infra-action");
    expect(docker("inspect", "-f", "{{.HostConfig.NetworkMode}}", id)).toBe("host");
  });
});

describe("@docker/IMAGE lifecycle", () => {
  test("disconnect removes the container; with commit it reports the new image first", async () => {
    const before = ownContainers();
    const connector = new DockerConnector(`@docker/${image}`);
    await connector.connect();
    await connector.run("echo committed > /etc/infra-action-marker");
    const { image: committed } = await connector.disconnect({ commit: true });
    expect(committed).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(ownContainers()).toBe(before);
    expect(docker("run", "--rm", "--network", "host", committed as string, "cat", "/etc/infra-action-marker")).toBe(
      "committed",
    );
    docker("rmi", committed as string);
  });

  test("an image with its own entrypoint: commands still run, and the commit keeps ENTRYPOINT and CMD", async () => {
    const base = docker("create", image, "true");
    const tagged = `infra-action-test/entrypoint:${process.pid}`;
    docker("commit", "--change", 'ENTRYPOINT ["/bin/echo","entry"]', "--change", 'CMD ["arg"]', base, tagged);
    docker("rm", base);
    const connector = new DockerConnector(`@docker/${tagged}`);
    await connector.connect();
    expect((await connector.run("echo inside")).stdout).toBe("inside\n");
    const { image: committed } = await connector.disconnect({ commit: true });
    expect(docker("run", "--rm", "--network", "host", committed as string)).toBe("entry arg");
    docker("rmi", committed as string, tagged);
  });

  test("without commit no image is made and the container is gone", async () => {
    const connector = new DockerConnector(`@docker/${image}`);
    await connector.connect();
    expect(await connector.disconnect()).toEqual({});
    expect(ownContainers()).toBe("");
  });

  test("SIGTERM during a command removes the container before exiting", async () => {
    const dir = tempProject({ "inventory.ts": `export const targets = ["@docker/${image}"];\n` });
    const child = spawn(
      process.execPath,
      [`${process.cwd()}/dist/cli.js`, "exec", "inventory.ts", "--", "echo started; sleep 60"],
      { cwd: dir },
    );
    let output = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const deadline = Date.now() + 20_000;
    while (!output.includes("started") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(ownContainers()).not.toBe("");
    child.kill("SIGTERM");
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(code).toBe(143);
    expect(stderr).toContain("SIGTERM received, cleaning up");
    expect(ownContainers()).toBe("");
  });
});

describe("@docker/CONTAINER: an existing container, used in place", () => {
  const name = `infra-action-test-existing-${process.pid}`;
  beforeAll(() => {
    docker("run", "-d", "--network", "host", "--name", name, image, "sleep", "infinity");
  });
  afterAll(() => {
    docker("rm", "-f", name);
  });

  test("runs inside it and leaves it running", async () => {
    const connector = new DockerConnector(`@docker/${name}`);
    await connector.connect();
    await connector.run("touch /tmp/used-in-place");
    expect(await connector.disconnect({ commit: true })).toEqual({});
    expect(docker("inspect", "-f", "{{.State.Running}}", name)).toBe("true");
    expect(docker("exec", name, "ls", "/tmp/used-in-place")).toBe("/tmp/used-in-place");
  });
});

describe("Docker failures, each a clear per-host message while other hosts finish", () => {
  test("a missing image that cannot be pulled", async () => {
    // A registry on a closed loopback port: the pull fails at once and nothing leaves the machine.
    const missing = "127.0.0.1:9/infra-action-missing:latest";
    const dir = tempProject({ "inventory.ts": `export const targets = ["@docker/${missing}", "@local"];\n` });
    const result = await runCli(["exec", "inventory.ts", "--", "echo ok"], { cwd: dir });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain("[@local");
    expect(result.stdout).toMatch(/@local\s+ok\s+0/);
    expect(result.stdout).toMatch(/@docker\/127\.0\.0\.1:9\/infra-action-missing:latest\s+unreachable/);
    expect(result.stderr).toContain(
      `@docker/${missing}: no container or image named ${missing} here, and pulling the image failed:`,
    );
  });

  test("the Docker engine not running", async () => {
    const dir = tempProject({ "inventory.ts": `export const targets = ["@docker/${image}", "@local"];\n` });
    const result = await runCli(["exec", "inventory.ts", "--", "echo ok"], {
      cwd: dir,
      env: { DOCKER_HOST: "unix:///tmp/infra-action-no-docker.sock" },
    });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/@local\s+ok\s+0/);
    expect(result.stderr).toContain(
      `@docker/${image}: cannot reach the Docker engine at unix:///tmp/infra-action-no-docker.sock`,
    );
    expect(result.stderr).toContain("Start Docker (dockerd) or point DOCKER_HOST at it.");
  });
});
