// The `host` object deploy code reads: name, groups, data as properties and through get().
import { expect, test } from "vitest";
import { createHost } from "../../src/host/host.js";

const host = createHost("web-01", ["production", "web_servers"], { nginx_workers: 4, debug: false, empty: null });

test.each([
  ["a set key as a property", host.data.nginx_workers, 4],
  ["a set key through get()", host.data.get("nginx_workers"), 4],
  ["get() with a default ignores the default when set", host.data.get("nginx_workers", 2), 4],
  ["get() keeps falsy values", host.data.get("debug", true), false],
  ["get() keeps null (a set value)", host.data.get("empty", "x"), null],
  ["get() falls back to the default when unset", host.data.get("missing", 2), 2],
  ["an unset key reads as undefined", host.data.missing, undefined],
])("%s", (_, actual, expected) => {
  expect(actual).toBe(expected);
});

test("name, groups and data are read-only", () => {
  expect(host.name).toBe("web-01");
  expect(host.groups).toEqual(["production", "web_servers"]);
  expect(() => {
    (host.data as Record<string, unknown>).nginx_workers = 8;
  }).toThrow(TypeError);
  expect(() => {
    (host.groups as string[]).push("x");
  }).toThrow(TypeError);
  expect(Object.keys(host.data)).toEqual(["nginx_workers", "debug", "empty"]);
});
