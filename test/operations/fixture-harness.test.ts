// The fixture harness as a user's test would use it, imported from the public API: a user-defined
// operation and fact checked against fixture objects (as read from JSON files), and a fixture that does
// not hold says where it differs.
import { expect, test } from "vitest";
import {
  change,
  checkFactFixture,
  checkOperationFixture,
  defineFact,
  defineOperation,
  noop,
  runOperationFixture,
  shellQuote,
} from "../../src/index.js";

const EnvFile = defineFact<{ path: string }, Record<string, string>>({
  name: "EnvFile",
  description: "The KEY=value lines of an env file.",
  arguments: { path: { type: "string", required: true, description: "the file's path on the host" } },
  command: ({ path }) => `cat ${shellQuote(path)} 2>/dev/null || true`,
  parse: ({ stdout }) =>
    Object.fromEntries(
      stdout
        .split("\n")
        .filter((line) => line.includes("="))
        .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
    ),
});

const envValue = defineOperation({
  name: "env.value",
  description: "Make sure an env file sets a key to a value.",
  validate: ({ path, key, value }) => ({ path: String(path), key: String(key), value: String(value) }),
  facts: ({ path }) => [{ fact: EnvFile, args: { path } }],
  plan: ({ path, key, value }, facts) => {
    if (facts.get(EnvFile, { path })[key] === value) return noop(`${path} already sets ${key}=${value}`);
    return change([`echo ${shellQuote(`${key}=${value}`)} >> ${shellQuote(path)}`]);
  },
});

const facts = { 'EnvFile({"path":"/srv/app.env"})': { PORT: "80" } };

test("an operation's fixtures: commands, a no-op, and one that does not hold says why", () => {
  const args = { path: "/srv/app.env", key: "PORT", value: "8080" };
  expect(checkOperationFixture(envValue, { args, facts, commands: ["echo PORT=8080 >> /srv/app.env"] })).toEqual([]);
  expect(
    checkOperationFixture(envValue, {
      args: { ...args, value: "80" },
      facts,
      noop: "/srv/app.env already sets PORT=80",
    }),
  ).toEqual([]);
  expect(checkOperationFixture(envValue, { args, facts, noop: "nothing to do" })).toEqual([
    `expected the no-op "nothing to do", got ${JSON.stringify({ commands: ["echo PORT=8080 >> /srv/app.env"] }, null, 2)}`,
  ]);
  expect(runOperationFixture(envValue, { args, facts: {} })).toEqual({
    error: 'the fixture gives no value for the fact EnvFile({"path":"/srv/app.env"})',
  });
});

test("a fact's fixtures: output in, value out", () => {
  const fixture = {
    args: { path: "/srv/app.env" },
    stdout: ["PORT=80", "ENV=prod"],
    expected: { PORT: "80", ENV: "prod" },
  };
  expect(checkFactFixture(EnvFile as never, fixture)).toEqual([]);
  expect(checkFactFixture(EnvFile as never, { ...fixture, command: "cat /srv/app.env" })).toEqual([
    'expected the command "cat /srv/app.env", got "cat /srv/app.env 2>/dev/null || true"',
  ]);
});
