// The README documents what the code declares.
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { connectors } from "../src/connectors/registry.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

test.each(Object.values(connectors).flatMap((c) => c.dataKeys.map((spec) => spec.key)))(
  "README documents data key %s",
  (key) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${key}\` +\\|`, "m"));
  },
);
