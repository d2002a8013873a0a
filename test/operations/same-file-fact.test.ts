// The SameFile fact behind files.link symbolic: false: stat output in, the two paths' kinds and
// device:inode out; never throws.
import { expect, test } from "vitest";
import { SameFile } from "../../src/operations/files/link.js";

const args = { path: "/srv/l", target: "/srv/t" };

test("the command quotes both paths and does not follow the link itself", () => {
  expect(SameFile.command({ path: "/srv/a b", target: "/srv/it's" })).toBe(
    "printf 'path|'; stat -c '%F|%d:%i|%U|%G' -- '/srv/a b' 2>/dev/null || echo; printf 'target|'; stat -L -c '%F|%d:%i|%U|%G' -- '/srv/it'\\''s' 2>/dev/null || echo",
  );
});

test.each([
  [
    "both the same file",
    "path|regular file|2049:77|root|adm\ntarget|regular file|2049:77|root|adm\n",
    {
      path: { kind: "file", id: "2049:77", user: "root", group: "adm" },
      target: { kind: "file", id: "2049:77", user: "root", group: "adm" },
    },
  ],
  [
    "a missing path, an empty target",
    "path|\ntarget|regular empty file|2049:3|deploy|deploy\n",
    { path: null, target: { kind: "file", id: "2049:3", user: "deploy", group: "deploy" } },
  ],
  [
    "a symbolic link and a directory",
    "path|symbolic link|2049:5|root|root\ntarget|directory|2049:2|root|root\n",
    {
      path: { kind: "link", id: "2049:5", user: "root", group: "root" },
      target: { kind: "directory", id: "2049:2", user: "root", group: "root" },
    },
  ],
  ["nothing at all", "", { path: null, target: null }],
  ["garbage", "stat: weird\n|||\n", { path: null, target: null }],
])("%s", (_, stdout, expected) => {
  expect(SameFile.parse({ stdout, stderr: "", exitCode: 0 } as never, args)).toEqual(expected);
});
