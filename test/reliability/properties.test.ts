// Property tests: generated inventories load or fail with a clear error; fact parsers take any
// output; the Markdown builders stay within GitHub's limits and well-formed for any content.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isUserError } from "../../src/errors.js";
import { facts } from "../../src/facts/index.js";
import { buildInventory } from "../../src/inventory/build-inventory.js";
import { readInventoryExports } from "../../src/inventory/read-exports.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import type { Report, ReportHost, ReportOperation } from "../../src/report/report.js";

const hostName = fc.oneof(
  fc.constantFrom(
    "web-01",
    "db-01",
    "@local",
    "@docker/debian:bookworm",
    "@ssh/10.0.0.1",
    "@foo/x",
    "@docker",
    "",
    "a b",
  ),
  fc.string({ maxLength: 12 }),
);
const plain = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const hostSpec = fc.oneof(
  hostName,
  fc.tuple(hostName, fc.dictionary(fc.string({ maxLength: 6 }), plain)),
  plain,
  fc.array(plain, { maxLength: 3 }),
);
const exportValue = fc.oneof(
  fc.array(hostSpec, { maxLength: 5 }),
  fc.tuple(fc.array(hostSpec, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 6 }), plain)),
  fc.dictionary(fc.string({ maxLength: 6 }), plain),
  plain,
  fc.constant(() => 1),
  fc.constant(new Date(0)),
  fc.constant(Promise.resolve(1)),
);
const exportName = fc.oneof(
  fc.constantFrom("targets", "all", "web", "web_data", "db", "db_data", "_private", "default", "x_data"),
  fc.string({ maxLength: 10 }),
);

describe("properties", () => {
  test("10,000 generated inventories each load or fail with a clear error, never crash", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(exportName, exportValue), { maxLength: 6 }), (exports) => {
        try {
          const parts = readInventoryExports(exports as Array<[string, unknown]>, "inv.ts");
          const built = buildInventory(parts, {
            file: "inv.ts",
            stem: "inv",
            groupDataFiles: new Map(),
            overrides: {},
          });
          for (const host of built.hosts) {
            expect(typeof host.name).toBe("string");
            for (const group of host.groups) expect(built.groups[group]).toContain(host.name);
          }
        } catch (error) {
          if (!isUserError(error)) throw error;
          expect(error.message).toMatch(/\S/);
        }
      }),
      { numRuns: 10_000 },
    );
  });

  test.each(Object.values(facts).map((fact) => [fact.name, fact] as const))(
    "fact %s parses any output without throwing",
    (_, fact) => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string(),
            fc.array(fc.string(), { maxLength: 20 }).map((l) => l.join("\n")),
          ),
          fc.integer({ min: 0, max: 255 }),
          fc.string(),
          (stdout, exitCode, stderr) => {
            fact.parse({ stdout, stderr, exitCode }, {
              path: "/x",
              pattern: "x",
              command: "x",
              service: "x",
              dest: "/x",
              repo: "/x",
              user: "x",
            } as never);
          },
        ),
        { numRuns: 300 },
      );
    },
  );

  const nasty = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom("</details>", "<script>alert(1)</script>", "```", "````\n", "| pipe |", "&amp;", "<!-- x -->"),
  );
  const operation: fc.Arbitrary<ReportOperation> = fc.record({
    name: nasty,
    op: fc.constantFrom("files.template", "server.shell"),
    status: fc.constantFrom("changed", "unchanged", "failed", "skipped"),
    reason: fc.option(nasty, { nil: undefined }),
    commands: fc.array(nasty, { maxLength: 3 }),
    diff: fc.option(
      fc.array(nasty, { maxLength: 200 }).map((l) => l.join("\n")),
      { nil: undefined },
    ),
    stderr: fc.option(nasty, { nil: undefined }),
    durationMs: fc.nat(),
  }) as fc.Arbitrary<ReportOperation>;
  const host: fc.Arbitrary<ReportHost> = fc.record({
    name: nasty,
    groups: fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }),
    connector: fc.constant("ssh"),
    status: fc.constantFrom("changed", "unchanged", "failed", "unreachable"),
    error: fc.option(nasty, { nil: undefined }),
    durationMs: fc.nat(),
    executions: fc.nat(),
    operations: fc.array(operation, { maxLength: 30 }),
  }) as fc.Arbitrary<ReportHost>;

  test("comment and summary builders stay within the limits and well-formed for any content", () => {
    fc.assert(
      fc.property(fc.array(host, { maxLength: 40 }), fc.constantFrom(65_000, 1_000_000, 4_000), (hosts, limit) => {
        const report: Report = {
          version: 1,
          mode: "plan",
          startedAt: "2026-01-01T00:00:00.000Z",
          durationMs: 1,
          planDigest: "0".repeat(64),
          hosts,
          totals: { hosts: hosts.length, changed: 0, unchanged: 0, failed: 0, unreachable: 0, operationsChanged: 0 },
        };
        const text = renderMarkdown(report, { title: "Plan <for> & test", limit, marker: "<!-- marker -->" });
        expect(text.length).toBeLessThanOrEqual(limit);
        // Every code fence is closed by an equal fence; outside fences (where Markdown renders
        // HTML), user-given text opens and closes no elements of its own.
        const outside: string[] = [];
        let fence: string | undefined;
        for (const line of text.split("\n")) {
          const marker = /^\s*(`{3,})/.exec(line)?.[1];
          if (fence === undefined && marker) fence = marker;
          else if (fence !== undefined && line.trim() === fence) fence = undefined;
          else if (fence === undefined) outside.push(line);
        }
        expect(fence).toBeUndefined();
        const html = outside.join("\n");
        expect(html.split(/<details(?: open)?>/).length).toBe(html.split("</details>").length);
        expect(html).not.toContain("<script>");
        expect(html).not.toContain("<!-- x -->");
      }),
      { numRuns: 300 },
    );
  });
});
