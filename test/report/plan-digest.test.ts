// The plan digest is keyed with the known secrets: the same plan and secrets give the same digest
// (a plan job and its apply job agree), other secrets give another, and a reader who has the
// digest, the template and the code — but not the secrets — cannot find a templated PIN by trying
// every value. Sizes in the report are rounded, so they do not give a secret's length away.
import { describe, expect, test } from "vitest";
import { describeCommand, fingerprintCommands } from "../../src/engine/describe-command.js";
import type { Command } from "../../src/operations/operation.js";
import { combinePlanDigests, hostPlanDigest, planDigest } from "../../src/report/report.js";

const sshKey =
  "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU\n-----END OPENSSH PRIVATE KEY-----\n";

// The plan of one host writing a config file that holds `pin`, as the engine hands it to planDigest.
function planWith(pin: string) {
  const commands: Command[] = [
    { type: "file", path: "/etc/app/pin.conf", content: Buffer.from(`pin = ${pin}\n`).toString("base64"), mode: "600" },
  ];
  return [
    {
      host: "web-01",
      status: "changed" as const,
      operations: [
        { name: "pin config", op: "files.template", status: "changed", fingerprint: fingerprintCommands(commands) },
      ],
    },
  ];
}

// Two more hosts with a plain plan.
function otherHosts() {
  return ["db-01", "web-02"].map((host) => ({
    host,
    status: "unchanged" as const,
    operations: [{ name: "nginx", op: "apt.packages", status: "unchanged", fingerprint: "-" }],
  }));
}

describe("plan digest", () => {
  test("same plan and secrets: same digest, whatever order the secrets come in", () => {
    expect(planDigest(planWith("4821"), ["4821", sshKey])).toBe(planDigest(planWith("4821"), [sshKey, "4821", sshKey]));
    expect(planDigest(planWith("4821"), ["4821", sshKey])).toMatch(/^[0-9a-f]{64}$/);
  });

  test("other secrets: another digest", () => {
    const digests = new Set([
      planDigest(planWith("4821"), ["4821", sshKey]),
      planDigest(planWith("4821"), ["4821", `${sshKey}x`]),
      planDigest(planWith("4821"), ["4821"]),
      planDigest(planWith("4821"), []),
      planDigest(planWith("4821"), ["48", "21"]),
      planDigest(planWith("4821"), ["4", "821"]),
    ]);
    expect(digests.size).toBe(6);
  });

  test("a plan that changed: another digest with the same secrets", () => {
    expect(planDigest(planWith("4821"), [sshKey])).not.toBe(planDigest(planWith("4822"), [sshKey]));
  });

  test("hosts in any order: the same digest", () => {
    const plan = [...planWith("4821"), ...otherHosts()];
    expect(planDigest([...plan].reverse(), [sshKey])).toBe(planDigest(plan, [sshKey]));
  });

  test("two levels: the run's digest combines its hosts' keyed digests, so shards merge into the unsharded digest", () => {
    const plan = [...planWith("4821"), ...otherHosts()];
    const whole = planDigest(plan, ["4821", sshKey]);
    // Each shard carries its hosts' digests; combining them (no secrets needed) gives the whole run's.
    const digests = plan.map((entry) => ({ name: entry.host, planDigest: hostPlanDigest(entry, [sshKey, "4821"]) }));
    const shards = [digests.slice(0, 1), digests.slice(1)];
    expect(combinePlanDigests(shards.flat().reverse())).toBe(whole);
    // A host digest is keyed like the run's: other secrets, another host digest.
    expect(hostPlanDigest(plan[0] as (typeof plan)[0], [sshKey])).not.toBe(digests[0]?.planDigest);
    // One host's plan changed: its digest and the combined one change, the others' stay.
    const changed = planWith("4822")[0] as (typeof plan)[0];
    expect(hostPlanDigest(changed, ["4821", sshKey])).not.toBe(digests[0]?.planDigest);
    expect(planDigest([changed, ...otherHosts()], ["4821", sshKey])).not.toBe(whole);
  });

  test("every guess of a 4-digit PIN without the secrets misses the published digest", () => {
    const published = planDigest(planWith("4821"), ["4821", sshKey]);
    const publishedHost = hostPlanDigest(planWith("4821")[0] as never, ["4821", sshKey]);
    const hits: string[] = [];
    for (let n = 0; n < 10_000; n++) {
      const guess = String(n).padStart(4, "0");
      // Without the key, with only the guess as key, and as an unkeyed sha256 over the same plan.
      if (planDigest(planWith(guess)) === published || planDigest(planWith(guess), [guess]) === published)
        hits.push(guess);
      // The host digest the report carries is keyed the same way.
      if (hostPlanDigest(planWith(guess)[0] as never) === publishedHost) hits.push(`host ${guess}`);
    }
    expect(hits).toEqual([]);
  });
});

describe("sizes in the report", () => {
  const write = (bytes: number): Extract<Command, { type: "file" }> => ({
    type: "file",
    path: "/etc/app.conf",
    content: Buffer.alloc(bytes, "x").toString("base64"),
    mode: "640",
  });

  test.each([
    [0, "write /etc/app.conf (empty, mode 640)"],
    [12, "write /etc/app.conf (under 0.1 kB, mode 640)"],
    [99, "write /etc/app.conf (under 0.1 kB, mode 640)"],
    [430, "write /etc/app.conf (0.4 kB, mode 640)"],
    [1234, "write /etc/app.conf (1.2 kB, mode 640)"],
    [1_500_000, "write /etc/app.conf (1.5 MB, mode 640)"],
  ])("%d bytes: %s", (bytes, expected) => {
    expect(describeCommand(write(bytes))).toBe(expected);
  });

  test("a new file says so, with its mode and owner even when the deploy gives neither", () => {
    const created: Command = { ...write(430), created: true };
    expect(describeCommand(created)).toBe(
      "create /etc/app.conf (new file, 0.4 kB, mode 640, owner: the user it runs as)",
    );
    const { mode: _, ...unset } = created;
    expect(describeCommand(unset)).toBe(
      "create /etc/app.conf (new file, 0.4 kB, mode from the umask (644 under 022), owner: the user it runs as)",
    );
    expect(describeCommand({ ...created, user: "www-data", group: "www-data" })).toBe(
      "create /etc/app.conf (new file, 0.4 kB, mode 640, owner www-data:www-data)",
    );
  });

  test("a secret one character longer does not change the size shown", () => {
    const template = (secret: string): Command => ({
      type: "file",
      path: "/etc/app.conf",
      content: Buffer.from(`user = app\npassword = ${secret}\n`).toString("base64"),
    });
    expect(describeCommand(template("hunter2"))).toBe(describeCommand(template("hunter22")));
  });
});
