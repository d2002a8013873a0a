// Pure pieces of the connector layer: quoting, command wrapping, data-key checks, known_hosts.
import { createHmac } from "node:crypto";
import { describe, expect, test } from "vitest";
import { readDataKeys } from "../../src/connectors/data-keys.js";
import { buildCommand } from "../../src/connectors/shell.js";
import {
  entryMatches,
  fingerprint,
  hostToken,
  type KnownHost,
  KnownHostsIndex,
  parseKnownHosts,
  verifyHostKey,
} from "../../src/connectors/ssh/known-hosts.js";
import { sshDataKeys } from "../../src/connectors/ssh/ssh.js";
import { shellQuote } from "../../src/util/shell-quote.js";

describe("shell quoting", () => {
  test.each([
    ["plain", "plain"],
    ["/etc/nginx/nginx.conf", "/etc/nginx/nginx.conf"],
    ["two words", "'two words'"],
    ["it's", `'it'\\''s'`],
    ["$(reboot)", "'$(reboot)'"],
    ["`id`", "'`id`'"],
    ["-rf", "-rf"],
    ["a\nb", "'a\nb'"],
    ["", "''"],
  ])("%j → %s", (value, quoted) => {
    expect(shellQuote(value)).toBe(quoted);
  });

  test.each([
    [{}, "sh -c 'echo hi'"],
    [{ cwd: "/srv/my app" }, `sh -c 'cd -- '\\''/srv/my app'\\'' && echo hi'`],
    [{ cwd: "-P" }, "sh -c 'cd -- -P && echo hi'"],
    [{ env: { A: "x y" } }, "env A='x y' sh -c 'echo hi'"],
    [{ sudo: true }, "sudo -H -n -u root -- sh -c 'echo hi'"],
    [
      { sudoUser: "postgres", sudoWithPassword: true },
      `{ sudo -n -k -u postgres -- sh -c : </dev/null >/dev/null 2>&1 || printf '%s\\n' "$__ia_pw"; } | sudo -H -k -S -p '' -u postgres -- sh -c 'exec 0</dev/null; echo hi'`,
    ],
    [
      { sudoUser: "postgres", sudoWithPassword: true, keepStdin: true },
      `{ sudo -n -k -u postgres -- sh -c : </dev/null >/dev/null 2>&1 || printf '%s\\n' "$__ia_pw"; cat; } | sudo -H -k -S -p '' -u postgres -- sh -c 'echo hi'`,
    ],
  ])("buildCommand(%j)", (context, line) => {
    expect(buildCommand("echo hi", context)).toBe(line);
  });

  test("an invalid environment variable name is refused", () => {
    expect(() => buildCommand("true", { env: { "A;rm": "x" } })).toThrow(
      '_env key "A;rm" is not a valid environment variable name',
    );
  });
});

describe("connector data keys", () => {
  test("defaults fill what the host does not set; strings of digits are numbers", () => {
    const settings = readDataKeys("web-01", { ssh_port: "2222", ssh_user: "deploy" }, sshDataKeys);
    expect(settings).toMatchObject({
      ssh_port: 2222,
      ssh_user: "deploy",
      ssh_strict_host_key_checking: "yes",
      ssh_connect_timeout: 10,
      ssh_connect_retries: 0,
    });
  });

  test.each([
    [
      "ssh_port",
      "abc",
      'web-01: data key ssh_port must be a port number (1-65535) (port; defaults to ssh config Port, else 22); it is "abc" (a string).',
    ],
    ["ssh_port", 70000, "web-01: data key ssh_port must be a port number (1-65535)"],
    ["ssh_user", 5, "web-01: data key ssh_user must be a string"],
    [
      "ssh_strict_host_key_checking",
      "maybe",
      'web-01: data key ssh_strict_host_key_checking must be one of "yes", "accept-new", "no"',
    ],
    ["ssh_connect_retries", -1, "web-01: data key ssh_connect_retries must be a whole number, 0 or more"],
    ["ssh_connect_timeout", 0, "web-01: data key ssh_connect_timeout must be a number of seconds, more than 0"],
  ])("%s = %j is refused, naming host and key", (key, value, message) => {
    expect(() => readDataKeys("web-01", { [key]: value }, sshDataKeys)).toThrow(message);
  });
});

describe("known_hosts", () => {
  const key = Buffer.concat([
    Buffer.from([0, 0, 0, 11]),
    Buffer.from("ssh-ed25519"),
    Buffer.from([0, 0, 0, 32]),
    Buffer.alloc(32, 1),
  ]);
  const other = Buffer.concat([
    Buffer.from([0, 0, 0, 11]),
    Buffer.from("ssh-ed25519"),
    Buffer.from([0, 0, 0, 32]),
    Buffer.alloc(32, 2),
  ]);
  const b64 = key.toString("base64");
  const salt = Buffer.alloc(20, 9);
  const hashed = `|1|${salt.toString("base64")}|${createHmac("sha1", salt).update("[10.0.0.5]:2222").digest("base64")}`;
  const entries = parseKnownHosts(
    [
      "# comment",
      `web-01.example.com,10.0.0.1 ssh-ed25519 ${b64}`,
      `*.internal,!secret.internal ssh-ed25519 ${b64}`,
      `${hashed} ssh-ed25519 ${b64}`,
      `@revoked old.example.com ssh-ed25519 ${other.toString("base64")}`,
      "garbage",
    ].join("\n"),
    "known_hosts",
  );

  test.each([
    ["web-01.example.com", 22, true],
    ["10.0.0.1", 22, true],
    ["10.0.0.1", 2222, false],
    ["db.internal", 22, true],
    ["secret.internal", 22, false],
    ["10.0.0.5", 2222, true],
    ["10.0.0.5", 22, false],
  ])("%s:%i matches: %s", (host, port, matches) => {
    expect(entries.slice(0, 3).some((entry) => entryMatches(entry, hostToken(host, port)))).toBe(matches);
  });

  test("verdicts: known, changed, unknown, revoked", () => {
    const index = new KnownHostsIndex(entries);
    expect(verifyHostKey(index.forHost("web-01.example.com"), key).status).toBe("known");
    expect(verifyHostKey(index.forHost("web-01.example.com"), other)).toMatchObject({ status: "changed" });
    expect(verifyHostKey(index.forHost("new.example.com"), key).status).toBe("unknown");
    expect(verifyHostKey(index.forHost("old.example.com"), other).status).toBe("revoked");
  });

  test("an index finds what trying every entry finds, in the file's order, and entries added later", () => {
    const mixed = parseKnownHosts(
      [
        `*.example.com ssh-ed25519 ${b64}`,
        `WEB-01.example.com ssh-ed25519 ${other.toString("base64")}`,
        `${hashed} ssh-ed25519 ${b64}`,
        `web-0?.example.com,!web-09.example.com ssh-ed25519 ${b64}`,
        `web-01.example.com,web-01.example.com ssh-rsa ${b64}`,
      ].join("\n"),
      "known_hosts",
    );
    const index = new KnownHostsIndex(mixed);
    const tokens = ["web-01.example.com", "Web-01.Example.com", "web-09.example.com", "[10.0.0.5]:2222", "other.net"];
    for (const token of tokens) {
      expect(index.forHost(token)).toEqual(mixed.filter((entry) => entryMatches(entry, token)));
    }
    expect(index.forHost("web-01.example.com").map((e) => e.source)).toEqual([
      "known_hosts:1",
      "known_hosts:2",
      "known_hosts:4",
      "known_hosts:5",
    ]);
    const [pinned] = parseKnownHosts(`other.net ssh-ed25519 ${b64}`, "pinned");
    index.add(pinned as KnownHost);
    expect(index.forHost("other.net")).toEqual([pinned]);
  });

  test("fingerprints are OpenSSH's SHA256 form", () => {
    expect(fingerprint(key)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });
});
