// docker.container's reasons: a re-create says what differs (names of env vars, never their values), and
// only the arguments given are compared.
import { describe, expect, test } from "vitest";
import { DockerContainer } from "../../src/facts/docker.js";
import { container } from "../../src/operations/docker/container.js";
import type { FactLookup } from "../../src/operations/operation.js";

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
