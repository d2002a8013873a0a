// The complete deploy for the real-world inventory (examples/inventory/real-world.ts):
// web servers get nginx, the application and its config; database servers get PostgreSQL.
// infra-action plan examples/inventory/real-world.ts examples/deploy/real-world.ts
import { apt, files, git, host } from "infra-action";

console.log(`Deploying ${host.data.app_name} v${host.data.app_version}`);
console.log(`Environment: ${host.data.environment}`);
console.log(`Host: ${host.name}, Groups: ${host.groups.join(", ")}`);

// Web servers
if (host.groups.includes("web_servers")) {
  // Install dependencies
  apt.packages({ name: "Install web server packages", packages: ["nginx", "python3", "python3-pip"], _sudo: true });

  // Deploy application
  git.repo({
    name: "Clone application",
    src: host.data.app_repo as string,
    dest: "/opt/myapp",
    branch: "main",
    _sudo: true,
  });

  // Configure with host-specific data
  files.template({
    name: "Configure nginx",
    src: "examples/deploy/templates/nginx.conf.j2",
    dest: "/etc/nginx/nginx.conf",
    workers: host.data.nginx_workers,
    port: host.data.app_port,
    server_id: host.data.server_id,
    _sudo: true,
  });
}

// Database servers
if (host.groups.includes("db_servers")) {
  apt.packages({ name: "Install PostgreSQL", packages: [`postgresql-${host.data.postgres_version}`], _sudo: true });

  files.template({
    name: "Configure PostgreSQL",
    src: "examples/deploy/templates/postgresql.conf.j2",
    dest: `/etc/postgresql/${host.data.postgres_version}/main/postgresql.conf`,
    max_connections: host.data.max_connections,
    shared_buffers: host.data.shared_buffers,
    is_primary: host.data.is_primary,
    _sudo: true,
  });
}
