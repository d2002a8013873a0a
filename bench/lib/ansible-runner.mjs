// Runs one step of Ansible (first apply, no-op re-run, --check) on a fleet, measured, and reads its
// PLAY RECAP; its config and SSH control masters.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tail } from "../../scripts/lib/processes.mjs";
import { eachLimit } from "./each-limit.mjs";
import { fail, run } from "./output.mjs";
import { workDir, workloadDir } from "./paths.mjs";
import { POOL, SECOND } from "./settings.mjs";
import { timed } from "./timed.mjs";
import { checkFinished, toolEnv } from "./tool-run.mjs";

// Writes ansible.cfg: pipelining on, no fact gathering, strict host keys, the interpreter named.
export function writeAnsibleConfig() {
  const file = join(workDir, "ansible.cfg");
  writeFileSync(
    file,
    [
      "[defaults]",
      "host_key_checking = True",
      "gathering = explicit",
      "retry_files_enabled = False",
      "interpreter_python = /usr/bin/python3",
      "nocolor = True",
      "",
      "[ssh_connection]",
      "pipelining = True",
      "",
    ].join("\n"),
  );
  return file;
}

// Runs one step of Ansible (apply, noop = apply again, check) and reads its recap.
export async function runAnsible(fleet, step, { label, config }) {
  const logFile = join(workDir, `${label}.log`);
  const controlDir = join(workDir, "cp", label);
  mkdirSync(controlDir, { recursive: true });
  const args = ["-i", fleet.ansibleInventory, "-f", String(fleet.n), "playbook.yml"];
  if (step === "check") args.push("--check");
  // A control directory per run: each run opens its own connections, as infra-action does.
  const env = toolEnv({ ANSIBLE_CONFIG: config, ANSIBLE_SSH_CONTROL_PATH_DIR: controlDir, ANSIBLE_NOCOLOR: "1" });
  const measured = await timed("ansible-playbook", args, { cwd: workloadDir, env, logFile });
  await closeControlMasters(controlDir);
  checkFinished(measured, `ansible ${step}`, logFile);
  const recap = readAnsibleRecap(readFileSync(logFile, "utf8"));
  const bad = recap.filter((r) => r.failed > 0 || r.unreachable > 0);
  if (bad.length > 0 || recap.length !== fleet.n || measured.code !== 0) {
    fail(
      `ansible ${step}: ${bad.length} host(s) failed (exit ${measured.code}):\n${tail(readFileSync(logFile, "utf8"))}`,
    );
  }
  return { ...measured, changedOperations: recap.reduce((n, r) => n + r.changed, 0) };
}

// The PLAY RECAP lines: [{ host, changed, failed, unreachable }].
function readAnsibleRecap(text) {
  const rows = [];
  for (const match of text.matchAll(/^(\S+)\s+:\s+ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)/gm)) {
    rows.push({ host: match[1], changed: Number(match[3]), unreachable: Number(match[4]), failed: Number(match[5]) });
  }
  return rows;
}

// Stops the SSH control masters a run left behind (ControlPersist), so the next run starts cold.
async function closeControlMasters(controlDir) {
  const sockets = existsSync(controlDir) ? readdirSync(controlDir) : [];
  await eachLimit(sockets.slice(0, 1000), POOL * 2, (socket) =>
    run("ssh", ["-O", "exit", "-o", `ControlPath=${join(controlDir, socket)}`, "bench"], { timeoutMs: 10 * SECOND }),
  );
  rmSync(controlDir, { recursive: true, force: true });
}
