// One login check with the OpenSSH client, retried for a bounded time, that fails naming the check;
// passwords and passphrases reach ssh through an askpass helper, without a tty.
import { chmodSync, writeFileSync } from "node:fs";
import { sleep, tail } from "../lib/processes.mjs";
import { fail, run } from "./output.mjs";
import { askpassFile } from "./paths.mjs";

// ssh failures that waiting does not cure (the server answered and refused), so checks stop retrying on them.
const FINAL_SSH_FAILURE = /Permission denied|Host key verification failed|HOST IDENTIFICATION HAS CHANGED/;

// Writes the askpass helper that lets ssh read a password or passphrase from the environment, without a tty.
export function writeAskpass() {
  writeFileSync(askpassFile, '#!/bin/sh\nprintf "%s\\n" "$INFRA_ACTION_TEST_SECRET"\n');
  chmodSync(askpassFile, 0o700);
}

// The ssh arguments shared by every check: no user config, strict host key checking against known_hosts.
export function sshBase(knownHosts) {
  return [
    "-F",
    "/dev/null",
    "-o",
    `UserKnownHostsFile=${knownHosts}`,
    "-o",
    "GlobalKnownHostsFile=/dev/null",
    "-o",
    "StrictHostKeyChecking=yes",
    "-o",
    "ConnectTimeout=5",
    "-o",
    "IdentitiesOnly=yes",
    "-o",
    "IdentityAgent=none",
  ];
}

// Quotes a word for /bin/sh.
export function quote(word) {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

// Runs ssh until it prints `expect` (retrying for at most 20 s); fails naming the check when it never does.
export async function checkSsh(what, args, { secret, expect = "ok" } = {}) {
  const env =
    secret === undefined
      ? process.env
      : { ...process.env, SSH_ASKPASS: askpassFile, SSH_ASKPASS_REQUIRE: "force", INFRA_ACTION_TEST_SECRET: secret };
  const deadline = Date.now() + 20_000;
  let last;
  for (let attempt = 1; attempt <= 20; attempt++) {
    const timeoutMs = Math.max(1000, Math.min(10_000, deadline - Date.now()));
    last = await run("ssh", args, { env, timeoutMs });
    if (last.code === 0 && last.stdout.trim() === expect) return;
    if (FINAL_SSH_FAILURE.test(last.stderr) || Date.now() + 1000 >= deadline) break;
    await sleep(1000);
  }
  const output = tail(`${last.stdout}${last.stderr}`);
  const reason = last.timedOut ? "timed out" : output.split("\n").at(-1) || `ssh exit ${last.code}`;
  fail(
    `check failed: ${what}: ${reason}\n${output}\n` +
      "The servers log to `docker logs <container>`; `node scripts/test-env.mjs down` then `up` recreates them.",
  );
}
