// Both tools' inventories for one fleet of containers: the same hosts, groups and data, in
// infra-action's JSON and Ansible's YAML (written as JSON).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { workDir } from "./paths.mjs";
import { LOOPBACK } from "./settings.mjs";
import { GLOBAL_DATA, GROUP_DATA, hostData } from "./workload.mjs";

// Writes the infra-action inventory (JSON: groups, <group>_data, global data) and returns its path.
export function writeInventory(fleet, keys) {
  const inventory = { ...GLOBAL_DATA };
  for (const [group, data] of Object.entries(GROUP_DATA)) {
    inventory[group] = [];
    inventory[`${group}_data`] = data;
  }
  for (const host of fleet.hosts) {
    const { group, data } = hostData(host);
    inventory[group].push([
      host.name,
      {
        ...data,
        ssh_hostname: LOOPBACK,
        ssh_port: host.port,
        ssh_user: "deploy",
        ssh_key: keys.client,
        ssh_known_hosts_file: fleet.knownHosts,
      },
    ]);
  }
  const file = join(workDir, `inventory-${fleet.n}.json`);
  writeFileSync(file, `${JSON.stringify(inventory, null, 2)}\n`);
  return file;
}

// Writes the Ansible inventory (YAML, written as JSON) with the same data and returns its path.
export function writeAnsibleInventory(fleet, keys) {
  const sshArgs = [
    `-o UserKnownHostsFile=${fleet.knownHosts}`,
    "-o GlobalKnownHostsFile=/dev/null",
    "-o StrictHostKeyChecking=yes",
    "-o IdentitiesOnly=yes",
  ].join(" ");
  const children = {};
  for (const [group, data] of Object.entries(GROUP_DATA)) children[group] = { vars: data, hosts: {} };
  for (const host of fleet.hosts) {
    const { group, data } = hostData(host);
    children[group].hosts[host.name] = { ...data, ansible_host: LOOPBACK, ansible_port: host.port };
  }
  const vars = {
    ...GLOBAL_DATA,
    ansible_user: "deploy",
    ansible_ssh_private_key_file: keys.client,
    ansible_ssh_common_args: sshArgs,
    ansible_python_interpreter: "/usr/bin/python3",
  };
  const file = join(workDir, `inventory-${fleet.n}.ansible.yml`);
  writeFileSync(file, `${JSON.stringify({ all: { vars, children } }, null, 2)}\n`);
  return file;
}
