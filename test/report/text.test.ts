// The text report (CLI output, the action's log) shows each command whole: a command of several lines
// (a heredoc, an install spread over lines) is never cut before the part that matters.
import { expect, test } from "vitest";
import type { ReportHost } from "../../src/report/report.js";
import { formatHost } from "../../src/report/text.js";

test("a command of several lines is shown whole, its lines under the first", () => {
  const host: ReportHost = {
    name: "web-01",
    groups: ["web"],
    connector: "ssh",
    status: "changed",
    durationMs: 10,
    executions: 1,
    operations: [
      {
        name: "Install packages",
        op: "apt.packages",
        status: "changed",
        commands: ["DEBIAN_FRONTEND=noninteractive apt-get install -y \\\n  nginx postgresql-15"],
        durationMs: 1,
      },
    ],
  };
  expect(formatHost(host, "plan", { diff: false })).toBe(
    [
      "web-01: 1 would change",
      "  ~ Install packages",
      "      $ DEBIAN_FRONTEND=noninteractive apt-get install -y \\",
      "          nginx postgresql-15",
      "",
    ].join("\n"),
  );
});
