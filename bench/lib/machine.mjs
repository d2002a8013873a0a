// What this machine is, recorded with the figures.
import { readFileSync } from "node:fs";
import { availableParallelism, release, totalmem } from "node:os";
import { MINUTE } from "../../scripts/lib/processes.mjs";
import { run } from "./output.mjs";

// What this machine is: cores, memory, CPU, kernel, Node, Ansible and Docker versions.
export async function describeMachine() {
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? "unknown";
  const ansible = await run("ansible-playbook", ["--version"], { timeoutMs: MINUTE });
  const docker = await run("docker", ["version", "--format", "{{.Server.Version}}"], { timeoutMs: MINUTE });
  return {
    nproc: availableParallelism(),
    memoryMB: Math.round(totalmem() / 1024 / 1024),
    cpu,
    kernel: release(),
    node: process.version,
    ansible: ansible.stdout.split("\n")[0].trim(),
    docker: docker.stdout.trim(),
  };
}
