// The house of ARCHITECTURE.md as data: which folder is which part, the arrows that may exist, and
// the never-rules with their reasons. test/architecture.test.ts holds src/ to these tables.

export type Part =
  | "Action"
  | "Cli"
  | "Api"
  | "Engine"
  | "Inventory"
  | "Loader"
  | "Templates"
  | "Operations"
  | "Facts"
  | "Connectors"
  | "Report"
  | "Util";

// Where each part lives: a folder (ending in "/") or one file, relative to the repository root.
export const partPlaces: ReadonlyArray<readonly [place: string, part: Part]> = [
  ["src/action/", "Action"],
  ["src/cli/", "Cli"],
  ["src/index.ts", "Api"],
  ["src/host/", "Api"],
  ["src/engine/", "Engine"],
  ["src/inventory/", "Inventory"],
  ["src/loader/", "Loader"],
  ["src/templates/", "Templates"],
  ["src/operations/", "Operations"],
  ["src/facts/", "Facts"],
  ["src/connectors/", "Connectors"],
  ["src/report/", "Report"],
  ["src/util/", "Util"],
  ["src/errors.ts", "Util"],
];

// "Arrows that may exist": an import from one part into another (a part may always import itself,
// and everything may import Util).
export const allowedArrows: ReadonlyArray<readonly [from: Part, to: Part]> = [
  ["Action", "Engine"],
  ["Action", "Inventory"],
  ["Action", "Report"],
  ["Cli", "Engine"],
  ["Cli", "Inventory"],
  ["Cli", "Report"],
  ["Engine", "Inventory"],
  ["Engine", "Loader"],
  ["Engine", "Connectors"],
  ["Engine", "Operations"],
  ["Engine", "Facts"],
  ["Engine", "Templates"],
  ["Engine", "Report"],
  ["Engine", "Api"],
  ["Inventory", "Loader"],
  ["Operations", "Facts"],
  ["Api", "Operations"],
  ["Api", "Facts"],
];

// The never-rules between parts, each with the reason ARCHITECTURE.md gives.
export const neverArrows: ReadonlyArray<readonly [from: Part, to: Part, why: string]> = [
  ["Operations", "Connectors", "operations and facts do no I/O: they are data in, commands out"],
  ["Facts", "Connectors", "operations and facts do no I/O: they are data in, commands out"],
  ["Operations", "Engine", "operations do not drive the run"],
  ["Engine", "Action", "only the action knows GitHub; the engine knows no terminal"],
  ["Engine", "Cli", "only the action knows GitHub; the engine knows no terminal"],
  ["Report", "Action", "only the action knows GitHub; the engine knows no terminal"],
  ["Action", "Cli", "two sibling faces; what both need lives in Report or Engine"],
  ["Cli", "Action", "two sibling faces; what both need lives in Report or Engine"],
  ["Cli", "Connectors", "the CLI reaches hosts only through the engine"],
  ["Cli", "Facts", "the CLI reaches hosts only through the engine"],
  ["Connectors", "Engine", "connectors are leaves"],
  ["Connectors", "Inventory", "connectors are leaves"],
  ["Inventory", "Connectors", "inventory is data"],
  ["Loader", "Api", "the loader is handed the API; it does not import it"],
];

// The parts that own the process: only they exit it or handle its signals.
export const faces: readonly Part[] = ["Action", "Cli"];
export const processRuleWhy = "the faces own the process";

// Packages only one part may import, with the reason.
export const ownedPackages: ReadonlyArray<readonly [prefix: string, owner: Part, why: string]> = [
  ["@actions/", "Action", "only the action knows GitHub"],
];
