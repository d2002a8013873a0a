// The action with a secret rendered through every encoding a template or deploy code gives it
// (urlencode, tojson, base64, hex): no form of it reaches the log, the job summary, the PR comment,
// the report or the runner's files; a short secret gets a warning naming it; and the plan digest is
// keyed with the secrets a plan job and its apply job share (not the per-job GitHub token).
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type FakeGitHub, startFakeGitHub } from "../helpers/github-api.js";
import { runAction } from "../helpers/run-action.js";
import { tempProject } from "../helpers/temp-project.js";

// Every character class the encodings treat differently.
const secret = "s3cr3t/<&'\"é+ !*(x)=ü-9f2c";
const token = "ghs_fake_token_for_tests_secrets_0123";
const b64 = (text: string) => Buffer.from(text).toString("base64");
const forms = {
  literal: secret,
  encodeURIComponent: encodeURIComponent(secret),
  "Jinja2 urlencode": encodeURIComponent(secret)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replaceAll("%2F", "/"),
  "JSON.stringify": JSON.stringify(secret).slice(1, -1),
  "Jinja2 tojson": JSON.stringify(secret)
    .slice(1, -1)
    .replace(/[<>&'\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
  base64: b64(secret).replace(/=+$/, ""),
  base64url: Buffer.from(secret).toString("base64url"),
  "base64 of user:secret": b64(`app:${secret}`).slice(4, 30),
  hex: Buffer.from(secret).toString("hex"),
};

const project = tempProject({
  "inventory.ts": `export const targets = ["@local"];
export const app_secret = process.env.APP_SECRET;
export const app_secret_b64 = Buffer.from(process.env.APP_SECRET ?? "").toString("base64");
export const basic_auth = Buffer.from("app:" + process.env.APP_SECRET).toString("base64");
export const app_secret_hex = Buffer.from(process.env.APP_SECRET ?? "").toString("hex");
`,
  "deploy.ts": `import { files, host } from "infra-action";
const root = host.data.root as string;
files.directory({ name: "root", path: root });
files.template({ name: "encoded config", src: "encoded.conf.j2", dest: root + "/encoded.conf", mode: "600" });
`,
  "encoded.conf.j2": `url = https://db.example/?password={{ host.data.app_secret | urlencode }}
query = {{ {"password": host.data.app_secret} | urlencode }}
json = {{ {"password": host.data.app_secret} | tojson }}
js = {{ host.data.js_json }}
b64 = {{ host.data.app_secret_b64 }}
b64url = {{ host.data.app_secret_b64 | replace("+", "-") | replace("/", "_") }}
auth = Basic {{ host.data.basic_auth }}
hex = {{ host.data.app_secret_hex }}
`,
});

let api: FakeGitHub;
beforeAll(async () => {
  api = await startFakeGitHub();
});
afterAll(() => api.close());

const pullRequest = {
  pull_request: { number: 9, head: { sha: "abc" } },
  repository: { name: "infra", owner: { login: "acme" } },
};
const inputs = (root: string, extra: Record<string, string> = {}) => ({
  inventory: "inventory.ts",
  deploy: "deploy.ts",
  data: `root=${root}\njs_json=${JSON.stringify(JSON.stringify({ password: secret }))}`,
  secrets: `APP_SECRET=${secret}\nDB_PIN=4821\nOTHER=other-value-1`,
  "github-token": token,
  ...extra,
});

describe("secrets in every encoding, through the action", () => {
  test("no form of the secret shows in log, summary, comment, report or runner files; a short one is named", async () => {
    const root = join(mkdtempSync(join(tmpdir(), "infra-action-forms-")), "target");
    const result = await runAction(inputs(root), {
      event: "pull_request",
      payload: pullRequest,
      apiUrl: api.url,
      workspace: project,
    });
    expect(result.exitCode, result.stdout).toBe(0);
    const report = readFileSync(result.outputs.report ?? "", "utf8");
    expect(report).toContain('+json = {\\"password\\": \\"***\\"}');
    expect(report).toContain("+b64 = ***");
    expect(result.stdout).toContain(
      "::warning::secret DB_PIN is shorter than 6 characters: it cannot be redacted reliably. Use a value of 6 characters or more.",
    );
    const log = result.stdout
      .split("\n")
      .filter((line) => !line.startsWith("::add-mask::"))
      .join("\n");
    const everything = [
      log,
      result.stderr,
      result.summary,
      report,
      JSON.stringify(api.calls),
      ...readdirSync(result.runnerTemp).map((f) => readFileSync(join(result.runnerTemp, f), "utf8")),
    ].join("\n");
    expect(api.calls.some((c) => c.method === "POST" && String(c.body?.body).includes("encoded config"))).toBe(true);
    const found = Object.entries(forms)
      .filter(([, form]) => everything.includes(form))
      .map(([name]) => name);
    expect(found).toEqual([]);
  });

  test("the digest: same secrets, same digest; other secrets, another; a new GitHub token per job changes nothing", async () => {
    const root = join(mkdtempSync(join(tmpdir(), "infra-action-digest-key-")), "target");
    const run = (extra: Record<string, string>) =>
      runAction(inputs(root, extra), { event: "push", apiUrl: api.url, workspace: project });
    const first = await run({});
    const again = await run({ "github-token": "ghs_another_token_for_the_apply_job_99" });
    const otherKey = await run({ secrets: `APP_SECRET=${secret}\nDB_PIN=4821\nOTHER=other-value-2` });
    const digest = first.outputs["plan-digest"];
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(again.outputs["plan-digest"]).toBe(digest);
    expect(otherKey.outputs["plan-digest"]).toMatch(/^[0-9a-f]{64}$/);
    expect(otherKey.outputs["plan-digest"]).not.toBe(digest);

    // toJSON(secrets) carries github_token, new in every job: the apply job still matches the plan.
    const json = (githubToken: string) =>
      JSON.stringify({ APP_SECRET: secret, DB_PIN: "4821", OTHER: "other-value-1", github_token: githubToken });
    const plan = await run({ secrets: json(token) });
    const apply = await run({
      mode: "apply",
      secrets: json("ghs_another_token_for_the_apply_job_99"),
      "github-token": "ghs_another_token_for_the_apply_job_99",
      "expected-plan-digest": plan.outputs["plan-digest"] ?? "",
    });
    expect(apply.exitCode, apply.stdout).toBe(0);
    // The host got the real values.
    expect(readFileSync(join(root, "encoded.conf"), "utf8")).toContain(`b64 = ${b64(secret)}\n`);
  });
});
