// The one redactor: a secret is replaced by *** in every form it takes on its way out — as the real
// template filters (urlencode, tojson) render it, JSON-escaped, URL-encoded, base64 (alone and inside
// a longer base64 text), hex and shell-quoted — and a short secret gets a warning that names it.
import { describe, expect, test } from "vitest";
import { createRedactor, secretDataValues, warnAboutShortSecrets } from "../../src/report/redact.js";
import { renderTemplate } from "../../src/templates/render-template.js";

// Characters every encoding treats differently: space, /, quotes, <>&, !*(), +, =, non-ASCII, newline-free.
const secret = "p@ss w/rd<&'\"é!*(x)+=ü";
const redact = createRedactor([{ name: "DB_PASSWORD", value: secret }]);
const render = (source: string, context: Record<string, unknown> = {}) =>
  renderTemplate(source, { secret, ...context }, { name: "t.j2" });
const b64 = (text: string) => Buffer.from(text).toString("base64");

describe("every form of a secret is redacted", () => {
  test.each([
    ["the literal", `password = ${secret}`],
    ["{{ secret | urlencode }}", render("q={{ secret | urlencode }}")],
    ["{{ {'p': secret} | urlencode }} (query string)", render("{{ {'p': secret} | urlencode }}")],
    ["{{ secret | tojson }}", render("{{ secret | tojson }}")],
    ["{{ {'p': secret} | tojson }}", render("{{ {'p': secret, 'u': 'app'} | tojson }}")],
    ["JSON.stringify", JSON.stringify({ password: secret })],
    ["encodeURIComponent", `https://app:${encodeURIComponent(secret)}@db.example/`],
    ["URLSearchParams", new URLSearchParams({ password: secret }).toString()],
    ["encodeURI", encodeURI(`https://db.example/?p=${secret}`)],
    ["base64 (a template variable)", render("auth = {{ b64 }}", { b64: b64(secret) })],
    ["base64url", Buffer.from(secret).toString("base64url")],
    ["base64 at offset 0 of a longer text", b64(`abc${secret}tail`)],
    ["base64 at offset 1 of a longer text", b64(`a${secret}tail`)],
    ["base64 at offset 2 of a longer text", b64(`ab${secret}tail`)],
    ["base64 of user:password (basic auth)", `Authorization: Basic ${b64(`admin:${secret}`)}`],
    ["hex", Buffer.from(secret).toString("hex")],
    ["HEX", Buffer.from(secret).toString("hex").toUpperCase()],
    ["shell-quoted", `echo '${secret.replaceAll("'", `'\\''`)}' > /etc/app.conf`],
  ])("%s", (_form, output) => {
    const out = redact(output);
    expect(out).toContain("***");
    expect(out).not.toContain(secret);
    // What is left of the secret's encoded bytes: at most a few bits at either edge, never a run of its text.
    for (const piece of [secret.slice(0, 6), secret.slice(-6), encodeURIComponent(secret).slice(3, 15)])
      expect(out).not.toContain(piece);
  });

  test("base64 at any offset leaves no more than the two edge characters of the secret's bytes", () => {
    for (const prefix of ["", "a", "ab", "abc", "abcd"]) {
      const encoded = b64(`${prefix}${secret}--suffix--`);
      const out = redact(encoded);
      const [before = "", after = ""] = out.split("***");
      expect(out.split("***")).toHaveLength(2);
      // The characters outside *** cover the prefix and the suffix and at most one character of the secret at each end.
      expect(before.length).toBeLessThanOrEqual(Math.ceil((prefix.length * 8) / 6) + 1);
      expect(after.replace(/=+$/, "").length).toBeLessThanOrEqual(Math.ceil((10 * 8) / 6) + 1);
    }
  });

  test("the rest of the text is kept; a multi-line secret is redacted whole and line by line", () => {
    const key = "-----BEGIN KEY-----\nAAAAB3NzaC1yc2E\n-----END KEY-----\n";
    const both = createRedactor(["hunter2-long", key]);
    expect(both("login hunter2-long ok")).toBe("login *** ok");
    expect(both(`key: ${key}`)).toBe("key: ***");
    expect(both("line AAAAB3NzaC1yc2E seen")).toBe("line *** seen");
    expect(both(JSON.stringify({ key }))).toBe('{"key":"***"}');
  });

  test("a secret that contains another is replaced whole", () => {
    expect(createRedactor(["abcdef", "abcdefghij"])("x abcdefghij y abcdef")).toBe("x *** y ***");
  });

  test("no secrets: the text is unchanged", () => {
    expect(createRedactor([])("nothing to hide")).toBe("nothing to hide");
  });
});

describe("short secrets", () => {
  const warnings = (secrets: Array<{ name: string; value: string }>) => {
    const out: string[] = [];
    warnAboutShortSecrets(secrets, (message) => out.push(message));
    return out;
  };

  test.each([
    [
      [{ name: "DB_PIN", value: "4821" }],
      [
        "secret DB_PIN is shorter than 6 characters: it cannot be redacted reliably. Use a value of 6 characters or more.",
      ],
    ],
    [
      [{ name: "X", value: "ab" }],
      ["secret X is shorter than 6 characters: it is not redacted at all. Use a value of 6 characters or more."],
    ],
    [[{ name: "LONG_ENOUGH", value: "abcdef" }], []],
    [
      [
        { name: "_sudo_password of a", value: "1234" },
        { name: "_sudo_password of b", value: "1234" },
        { name: "_sudo_password of c", value: "1234" },
        { name: "_sudo_password of d", value: "1234" },
      ],
      [
        "secret _sudo_password of a, _sudo_password of b, _sudo_password of c and 1 more is shorter than 6 characters: it cannot be redacted reliably. Use a value of 6 characters or more.",
      ],
    ],
  ])("%j warns %j", (secrets, expected) => {
    const got = warnings(secrets);
    expect(got).toEqual(expected);
    for (const line of got) for (const { value } of secrets) expect(line).not.toContain(value);
  });

  test("a 4-digit PIN is still redacted where it shows", () => {
    expect(createRedactor(["4821"])("pin=4821")).toBe("pin=***");
  });
});

test("passwords in host data, numbers included, are named by key and host", () => {
  expect(
    secretDataValues([
      { name: "web-01", data: { _sudo_password: "s3cret-pw", ssh_password: 123456, other: "x" } },
      { name: "web-02", data: { ssh_key_password: "" } },
    ]),
  ).toEqual([
    { name: "_sudo_password of web-01", value: "s3cret-pw" },
    { name: "ssh_password of web-01", value: "123456" },
  ]);
});
