// A part of a script run by another shell (the fact batch's sudo part), run here by the real sh: its
// commands come on standard input and run as written (quotes, `$`, backslashes, here-documents);
// its command line is the same fixed text whatever the part holds; a part that did not arrive
// whole is not run at all; and the part's commands read nothing from that input.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { nestedPart } from "../../src/engine/markers.js";
import { shellQuote } from "../../src/util/shell-quote.js";

const nonce = "0123456789ab";
const dir = mkdtempSync(join(tmpdir(), "infra-action-nested-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Runs `input | sh -c command` in sh, with the nonce in its variable as the staged script has it.
function run(input: string, command: string) {
  const script = `__ia_n=${nonce}\n${input} | sh -c ${shellQuote(command)}`;
  return spawnSync("sh", ["-c", script], { encoding: "utf8", input: "caller's input, never read\n", timeout: 10_000 });
}

describe("nestedPart", () => {
  test("runs the part as written and gives it nothing on its input; its command line holds none of it", () => {
    const body = [
      `__ia_out begin:0; printf '%s\\n' 'it'"'"'s \\ $(not run)' "$HOME" | wc -l; cat; echo "read: $(cat)"; __ia_out end:0:0`,
      "cat <<'EOF'",
      "a here-document line, and 'quotes'",
      "EOF",
    ].join("\n");
    const part = nestedPart(nonce, body, "fact script");
    expect(part.command).not.toContain("here-document");
    expect(part.command).toBe(nestedPart("ba9876543210", "echo other", "fact script").command);
    const result = run(part.input, part.command);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      `\n@@${nonce}:begin:0\n2\nread: \n\n@@${nonce}:end:0:0\na here-document line, and 'quotes'\n`,
    );
  });

  test("a part cut short (its end line missing) is refused and nothing of it runs", () => {
    const canary = join(dir, "ran");
    const part = nestedPart(nonce, `touch ${canary}`, "fact script");
    const cut = part.input.replace(`# end ${nonce}\n`, "");
    const result = run(cut, part.command);
    expect(result.status).toBe(70);
    expect(result.stderr).toBe("a part of the fact script did not arrive whole; it was not run\n");
    expect(existsSync(canary)).toBe(false);
    // The whole part does run (the canary can be made).
    run(part.input, part.command);
    expect(existsSync(canary)).toBe(true);
    execFileSync("rm", ["-f", canary]);
  });
});
