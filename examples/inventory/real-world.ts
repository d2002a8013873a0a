// Complete inventory for a web application: load balancers, web, database and cache servers.

// Environment
export const environment = "production";

// Global configuration
export const app_name = "myapp";
export const app_version = "2.1.0";
export const app_repo = "https://github.com/example/myapp.git";

// Load balancers
export const load_balancers = [
  ["lb-01.example.com", { ssh_user: "admin", is_primary: true }],
  ["lb-02.example.com", { ssh_user: "admin", is_primary: false }],
];

// As in the guide this example comes from, the name misses the group's "s": infra-action warns
// ("did you mean load_balancers_data?") and applies this data to no host. Rename it to fix.
export const load_balancer_data = {
  haproxy_version: "2.4",
  backend_port: 8000,
};

// Web servers: web-01 through web-05
export const web_servers = Array.from({ length: 5 }, (_, index) => {
  const i = index + 1;
  return [
    `web-${String(i).padStart(2, "0")}.example.com`,
    { ssh_user: "deploy", ssh_key: "~/.ssh/deploy_key", server_id: i },
  ];
});

export const web_servers_data = {
  nginx_workers: 4,
  app_workers: 4,
  app_port: 8000,
};

// Database servers
export const db_servers = [
  ["db-01.example.com", { ssh_user: "postgres", is_primary: true, replication_slot: "slot1" }],
  ["db-02.example.com", { ssh_user: "postgres", is_primary: false, replication_slot: "slot2" }],
];

export const db_servers_data = {
  postgres_version: "14",
  max_connections: 200,
  shared_buffers: "2GB",
};

// Cache servers
export const cache_servers = ["cache-01.example.com", "cache-02.example.com"];

export const cache_servers_data = {
  redis_maxmemory: "2gb",
  redis_policy: "allkeys-lru",
};

// All hosts
export const targets = [...load_balancers, ...web_servers, ...db_servers, ...cache_servers];
