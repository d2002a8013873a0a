// Long commands in the review are folded at spaces outside quotes; bash reads the folded text as the
// same command (checked by running both through bash and comparing the words it passes).
import { execFileSync } from "node:child_process";
import { expect, test } from "vitest";
import { foldCommand } from "../../src/report/fold-command.js";

// The arguments bash gives a command line, one per line.
const words = (command: string) =>
  execFileSync("bash", ["-c", `printf '%s\\n' ${command.replace(/^\S+ /, "")}`], { encoding: "utf8" });

const long = [
  "DEBIAN_FRONTEND=noninteractive apt-get install -y -o Dpkg::Options::=--force-confdef",
  "'a quoted argument with many spaces that must stay whole, however long it is, even past the width'",
  '"double \\" quoted $HOME words"',
  "nginx postgresql-15 redis-server memcached haproxy keepalived chrony fail2ban unattended-upgrades",
  "escaped\\ space",
].join(" ");

test("a long command folds at spaces outside quotes, and bash reads the same words", () => {
  const folded = foldCommand(long);
  expect(folded.split("\n").length).toBeGreaterThan(2);
  for (const line of folded.split("\n").slice(0, -1)) expect(line.endsWith(" \\")).toBe(true);
  expect(folded).toContain(
    "'a quoted argument with many spaces that must stay whole, however long it is, even past the width'",
  );
  expect(words(folded)).toBe(words(long));
});

test("short commands and commands of several lines are left as they are", () => {
  expect(foldCommand("apt-get install -y nginx")).toBe("apt-get install -y nginx");
  const heredoc = `cat > /etc/x <<'EOF'\n${"y".repeat(200)} ${"z".repeat(50)}\nEOF`;
  expect(foldCommand(heredoc)).toBe(heredoc);
});
