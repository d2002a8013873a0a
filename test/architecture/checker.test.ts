// The architecture checker on fake files: each rule of ARCHITECTURE.md reports the file, the line
// and the rule, and what the house allows passes.
import { describe, expect, test } from "vitest";
import { checkArchitecture } from "./check-architecture.js";
import { allowedArrows, neverArrows, partPlaces } from "./rules.js";

describe("broken rules are named with file, line and rule", () => {
  test.each([
    {
      rule: "a never-rule, static import",
      path: "src/operations/files/put.ts",
      text: '// purpose\n\nimport { run } from "../../connectors/shell.js";\n',
      message:
        "src/operations/files/put.ts:3 imports src/connectors/shell.ts: Operations → Connectors is never allowed (operations and facts do no I/O: they are data in, commands out)",
    },
    {
      rule: "a never-rule, re-export",
      path: "src/action/main.ts",
      text: 'export { formatHost } from "../cli/format-report.js";\n',
      message:
        "src/action/main.ts:1 imports src/cli/format-report.ts: Action → Cli is never allowed (two sibling faces; what both need lives in Report or Engine)",
    },
    {
      rule: "a never-rule, dynamic import with a literal",
      path: "src/connectors/ssh/ssh.ts",
      text: 'const x = 1;\nconst m = await import("../../engine/run-deploy.js");\n',
      message:
        "src/connectors/ssh/ssh.ts:2 imports src/engine/run-deploy.ts: Connectors → Engine is never allowed (connectors are leaves)",
    },
    {
      rule: "a never-rule, type-only import over several lines",
      path: "src/inventory/types.ts",
      text: 'import type {\n  ConnectorName,\n} from "../connectors/host-name.js";\n',
      message:
        "src/inventory/types.ts:1 imports src/connectors/host-name.ts: Inventory → Connectors is never allowed (inventory is data)",
    },
    {
      rule: "a never-rule, require() and an import() type",
      path: "src/facts/files.ts",
      text: 'const shell = require("../connectors/shell.js");\ntype C = import("../connectors/connector.js").Connector;\n',
      messages: [
        "src/facts/files.ts:1 imports src/connectors/shell.ts: Facts → Connectors is never allowed (operations and facts do no I/O: they are data in, commands out)",
        "src/facts/files.ts:2 imports src/connectors/connector.ts: Facts → Connectors is never allowed (operations and facts do no I/O: they are data in, commands out)",
      ],
    },
    {
      rule: "the loader importing the API",
      path: "src/loader/load-module.ts",
      text: 'import * as publicApi from "../index.js";\n',
      message:
        "src/loader/load-module.ts:1 imports src/index.ts: Loader → Api is never allowed (the loader is handed the API; it does not import it)",
    },
    {
      rule: "an arrow that is not listed",
      path: "src/action/failure.ts",
      text: 'import { displayPath } from "../loader/load-module.js";\n',
      message:
        "src/action/failure.ts:1 imports src/loader/load-module.ts: Action → Loader is not an arrow that may exist (ARCHITECTURE.md lists them)",
    },
    {
      rule: "GitHub's packages outside the action",
      path: "src/engine/run-deploy.ts",
      text: 'import * as core from "@actions/core";\n',
      message:
        "src/engine/run-deploy.ts:1 imports @actions/core: Engine → @actions/* is never allowed (only the action knows GitHub)",
    },
    {
      rule: "process.exit outside a face",
      path: "src/connectors/cleanup.ts",
      text: "export function stop(): void {\n  process.exit(130);\n}\n",
      message:
        "src/connectors/cleanup.ts:2 calls process.exit(…): Connectors → process.exit and signal handlers is never allowed (the faces own the process)",
    },
    {
      rule: "a signal handler outside a face",
      path: "src/engine/run-deploy.ts",
      text: 'process.once("SIGTERM", () => {});\n',
      message:
        'src/engine/run-deploy.ts:1 calls process.once("SIGTERM", …): Engine → process.exit and signal handlers is never allowed (the faces own the process)',
    },
    {
      rule: "a listener whose event may be a signal",
      path: "src/connectors/cleanup.ts",
      text: 'for (const signal of ["SIGINT"]) process.on(signal, () => {});\n',
      message:
        "src/connectors/cleanup.ts:1 calls process.on(signal, …): Connectors → process.exit and signal handlers is never allowed (the faces own the process)",
    },
    {
      rule: "a file outside every part",
      path: "src/misc/thing.ts",
      text: "export const x = 1;\n",
      message: "src/misc/thing.ts is in no part of ARCHITECTURE.md: move it into one of the parts' folders",
    },
    {
      rule: "an import of a file outside every part",
      path: "src/engine/x.ts",
      text: 'import { y } from "../misc/y.js";\n',
      message: "src/engine/x.ts:1 imports src/misc/y.ts, which is in no part of ARCHITECTURE.md",
    },
  ])("$rule", ({ path, text, message, messages }) => {
    expect(checkArchitecture([{ path, text }])).toEqual(messages ?? [message]);
  });
});

describe("what the house allows passes", () => {
  test.each([
    { why: "an allowed arrow", path: "src/engine/exec.ts", text: 'import { a } from "../connectors/shell.js";' },
    { why: "within one part", path: "src/connectors/ssh/ssh.ts", text: 'import { a } from "../shell.js";' },
    { why: "everything → Util", path: "src/facts/files.ts", text: 'import { a } from "../util/shell-quote.js";' },
    { why: "the error tree is Util", path: "src/connectors/x.ts", text: 'import { E } from "../errors.js";' },
    { why: "Api → Operations", path: "src/index.ts", text: 'export type { A } from "./operations/arg-types.js";' },
    { why: "a face exits", path: "src/cli/main.ts", text: 'process.on("SIGINT", () => process.exit(130));' },
    { why: "a face may use @actions", path: "src/action/main.ts", text: 'import * as core from "@actions/core";' },
    { why: "other packages", path: "src/connectors/ssh/ssh.ts", text: 'import { Client } from "ssh2";' },
    { why: "process events that are not signals", path: "src/engine/x.ts", text: 'process.on("warning", f);' },
    { why: "a dynamic import that is not a literal", path: "src/loader/x.ts", text: "await import(url);" },
    { why: "text that only looks like an import", path: "src/loader/x.ts", text: '// import x from "../index.js"' },
  ])("$why", ({ path, text }) => {
    expect(checkArchitecture([{ path, text }])).toEqual([]);
  });
});

describe("the tables agree with each other", () => {
  test("no arrow is both allowed and never allowed", () => {
    const allowed = new Set(allowedArrows.map(([from, to]) => `${from} → ${to}`));
    expect(neverArrows.map(([from, to]) => `${from} → ${to}`).filter((arrow) => allowed.has(arrow))).toEqual([]);
  });

  test("every part named in an arrow has a place in src/", () => {
    const placed = new Set(partPlaces.map(([, part]) => part));
    const arrows = [...allowedArrows, ...neverArrows];
    const named = [...arrows.map(([from]) => from), ...arrows.map(([, to]) => to)];
    expect(named.filter((part) => !placed.has(part))).toEqual([]);
  });
});
