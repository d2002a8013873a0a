// docker.container's reasons: a re-create says what differs (names of env vars, never their values), and
// only the arguments given are compared. And the docker.* operations' refusals, each the exact message.
import { describe, expect, test } from "vitest";
import { DockerContainer } from "../../src/facts/docker.js";
import { container } from "../../src/operations/docker/container.js";
import { operationsByName } from "../../src/operations/index.js";
import type { FactLookup } from "../../src/operations/operation.js";
import { OperationArgumentError } from "../../src/operations/shared/args.js";

const existing = {
  Name: "/web",
  State: { Running: true },
  Config: {
    Image: "nginx:1.25",
    Env: ["PATH=/usr/bin", "DB_PASSWORD=s3cret"],
    Cmd: ["nginx", "-g", "daemon off;"],
    Labels: { team: "web" },
  },
  HostConfig: {
    Binds: ["app_data:/var/lib/app"],
    PortBindings: { "80/tcp": [{ HostIp: "127.0.0.1", HostPort: "8080" }] },
    RestartPolicy: { Name: "on-failure", MaximumRetryCount: 3 },
    AutoRemove: false,
    Dns: [],
  },
  NetworkSettings: { Networks: { backend: {} } },
};

const facts: FactLookup = {
  get: (fact, args) => {
    expect(fact).toBe(DockerContainer);
    expect(args).toEqual({ object_id: "web" });
    return existing as never;
  },
};

// The plan's reason for these arguments (with container "web").
function reasonFor(args: Record<string, unknown>): string | undefined {
  const plan = container.plan(container.validate({ container: "web", ...args }), facts, undefined);
  return plan.changed ? plan.reason : `noop: ${plan.reason}`;
}

describe("docker.container says what differs", () => {
  test.each([
    [{ image: "nginx:1.26" }, "re-create: image is nginx:1.25, not nginx:1.26"],
    [{ image: "nginx:1.25", ports: ["8080:80"] }, "re-create: ports are 127.0.0.1:8080:80/tcp, not :8080:80/tcp"],
    [
      { image: "nginx:1.25", networks: ["backend", "frontend"] },
      "re-create: networks are backend, not backend, frontend",
    ],
    [{ image: "nginx:1.25", volumes: [] }, "re-create: volumes are app_data:/var/lib/app, not none"],
    [
      { image: "nginx:1.25", restart_policy: "on-failure:5" },
      "re-create: restart_policy is on-failure:3, not on-failure:5",
    ],
    [
      { image: "nginx:1.25", command: "nginx -g 'daemon on;'" },
      're-create: command is ["nginx","-g","daemon off;"], not ["nginx","-g","daemon on;"]',
    ],
    [{ image: "nginx:1.25", labels: ["team=api"] }, "re-create: labels team=api are not set"],
    [
      { image: "nginx:1.25", auto_remove: true, dns: ["10.0.0.53"] },
      "re-create: auto_remove is false, not true; dns are none, not 10.0.0.53",
    ],
    [{ image: "nginx:1.25", force: true }, "re-create: force"],
    [
      { image: "nginx:1.25", restart_policy: "on-failure:3", command: ["nginx", "-g", "daemon off;"] },
      "noop: container web is running with the configuration asked",
    ],
    [{}, "noop: container web is running with the configuration asked"],
  ])("%j → %s", (args, reason) => {
    expect(reasonFor(args)).toBe(reason);
  });

  test("a changed env var is named, its value never shown", () => {
    const reason = reasonFor({ image: "nginx:1.25", env_vars: ["DB_PASSWORD=n3w-secret"] });
    expect(reason).toBe("re-create: env_vars DB_PASSWORD differ");
    const plan = container.plan(
      container.validate({ container: "web", image: "nginx:1.25", env_vars: ["DB_PASSWORD=n3w-secret"] }),
      facts,
      undefined,
    );
    const shellCommands = plan.changed ? plan.commands.filter((c) => c.type === "shell") : [];
    expect(JSON.stringify(shellCommands)).not.toContain("n3w-secret");
  });
});

// Validates `args` for `operation` and gives the error message (or "accepted").
function refusal(operation: string, args: Record<string, unknown>): string {
  try {
    operationsByName[operation]?.validate(args);
    return "accepted";
  } catch (error) {
    expect(error).toBeInstanceOf(OperationArgumentError);
    return (error as Error).message;
  }
}

const nameRule =
  'use letters, digits, "_", "." and "-", starting with a letter or digit (at least 2 characters), e.g. "web-1".';

describe("docker.* refuses what a shell or docker would misread", () => {
  test.each([
    [
      "docker.container",
      { container: "web\nrm -rf /" },
      `argument container "web\\nrm -rf /" is not a Docker container name: ${nameRule}`,
    ],
    [
      "docker.container",
      { container: "--privileged" },
      `argument container "--privileged" is not a Docker container name: ${nameRule}`,
    ],
    ["docker.container", { container: "w" }, `argument container "w" is not a Docker container name: ${nameRule}`],
    ["docker.network", { network: "a'b" }, `argument network "a'b" is not a Docker network name: ${nameRule}`],
    ["docker.volume", { volume: "$(id)" }, `argument volume "$(id)" is not a Docker volume name: ${nameRule}`],
    [
      "docker.container",
      { container: "web", networks: ["host;id"] },
      `argument networks "host;id" is not a Docker network name: ${nameRule}`,
    ],
    [
      "docker.container",
      { container: "web", labels: ["a=b\nc=d"] },
      'argument labels holds "a=b\\nc=d": a value must be one line without control characters, e.g. "team=web".',
    ],
    [
      "docker.container",
      { container: "web", ports: ["-P"] },
      'argument ports holds "-P", which starts with "-" and docker would read as an option; give values only, e.g. "127.0.0.1:8080:80".',
    ],
    [
      "docker.container",
      { container: "web", env_vars: ["TOKEN=very-secret\n"] },
      "argument env_vars: the value of TOKEN holds a line break or NUL byte, which docker's env files cannot carry (the value is not shown).",
    ],
    [
      "docker.container",
      { container: "web", command: "echo `id`" },
      'argument command "echo `id`" holds "`", which would need a shell: give the words as a list, or run one, e.g. ["sh", "-c", "…"].',
    ],
    [
      "docker.container",
      { container: "web", restart_policy: "always --privileged" },
      'argument restart_policy "always --privileged" is not a valid value: one word of letters, digits, ".", "_", "-", ":" or "/", e.g. "unless-stopped" or "on-failure:3".',
    ],
    [
      "docker.image",
      { image: "-q" },
      'argument image "-q" is not an image reference: give [registry/]name[:tag][@digest] with letters, digits, ".", "_", "-", "/", ":" and "@", e.g. "nginx:1.25" or "ghcr.io/team/app:2.1".',
    ],
    [
      "docker.network",
      { network: "backend", gateway: "10.0.0.1 --internal" },
      'argument gateway "10.0.0.1 --internal" is not an IP address or CIDR range, e.g. "10.20.0.1".',
    ],
    [
      "docker.plugin",
      { plugin: "vieux/sshfs", plugin_options: { "a=b": "1" } },
      'argument plugin_options holds "a=b": names are letters, digits, "_", "." and "-", values one line, e.g. { DEBUG: "1" }.',
    ],
    [
      "docker.prune",
      { filter: ["until=24h", ""] },
      'argument filter must be a string or a list of strings; it is ["until=24h",""] (an array).',
    ],
    [
      "docker.prune",
      { everything: true },
      "docker.prune has no argument everything. Its arguments: all, volumes, filter.",
    ],
  ])("%s %j", (operation, args, message) => {
    expect(refusal(operation, args)).toBe(message);
  });

  test("a string command is split as a shell would, without expanding anything", () => {
    const args = container.validate({ container: "web", command: `sh -c 'echo "$HOME"' "a b" c\\ d` });
    expect(args.spec.command).toEqual(["sh", "-c", 'echo "$HOME"', "a b", "c d"]);
  });
});
