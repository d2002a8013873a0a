// The workload both tools run (bench/workload/): its size per host and the inventory data fed to its
// templates, the same for infra-action and Ansible.

// Operations per host (bench/workload/deploy.ts and playbook.yml).
export const OPS_PER_HOST = 20;

// Operations the first apply changes on a fresh host: all but the two packages already installed.
export const CHANGED_PER_HOST = 18;

// Global data of the workload's inventory (the same for both tools).
export const GLOBAL_DATA = {
  site: "bench",
  log_level: "info",
  ntp: { servers: ["0.time.example.net", "1.time.example.net", "2.time.example.net"] },
  app_env: { region: "eu-west", stage: "bench", debug: "false" },
};

// Group data: odd hosts are web servers, even hosts workers.
export const GROUP_DATA = {
  web: { tier: "web", app_port: 8080, workers: 4 },
  worker: { tier: "worker", app_port: 9090, workers: 2 },
};

// The group of a host, and its own data (host 1 overrides a group value, to show precedence).
export function hostData(host) {
  return {
    group: host.index % 2 ? "web" : "worker",
    data: { server_id: host.index, ...(host.index === 1 ? { app_port: 8001 } : {}) },
  };
}
