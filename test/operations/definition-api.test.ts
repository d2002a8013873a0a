// The public definition API is the one the built-ins are written with: the same functions, and
// every built-in operation made by defineOperation (callable only in a deploy file).
import { expect, test } from "vitest";
import { defineFact as internalDefineFact } from "../../src/facts/fact.js";
import { facts } from "../../src/facts/index.js";
import * as publicApi from "../../src/index.js";
import { operationsByName } from "../../src/operations/index.js";
import {
  change as internalChange,
  defineOperation as internalDefineOperation,
  noop as internalNoop,
} from "../../src/operations/operation.js";
import { shellQuote as internalShellQuote } from "../../src/util/shell-quote.js";

test("infra-action exports the functions the built-ins use", () => {
  expect(publicApi.defineOperation).toBe(internalDefineOperation);
  expect(publicApi.defineFact).toBe(internalDefineFact);
  expect(publicApi.noop).toBe(internalNoop);
  expect(publicApi.change).toBe(internalChange);
  expect(publicApi.shellQuote).toBe(internalShellQuote);
});

test.each(Object.keys(operationsByName))("%s is made with defineOperation", (name) => {
  const operation = operationsByName[name] as unknown as (args: object) => unknown;
  expect(typeof operation).toBe("function");
  expect(() => operation({})).toThrow(
    `${name} can only be called in a deploy file that infra-action runs (infra-action plan/apply).`,
  );
});

test("an operation keeps its definition's members, name included", () => {
  const definition = {
    name: "env.value",
    description: "Make sure an env file sets a key to a value.",
    validate: () => ({}),
    facts: () => [],
    plan: () => internalNoop("nothing to do"),
  };
  const operation = publicApi.defineOperation(definition);
  expect({ ...operation }).toEqual(definition);
  expect(operation.name).toBe("env.value");
  expect(operation.plan({}, { get: () => undefined as never }, undefined)).toEqual({
    changed: false,
    reason: "nothing to do",
  });
});

test("every built-in fact has a name, a command and a parser", () => {
  for (const [key, fact] of Object.entries(facts)) {
    expect(fact.name).toBe(key);
    expect(typeof fact.command).toBe("function");
    expect(typeof fact.parse).toBe("function");
  }
});
