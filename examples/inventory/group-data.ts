// Group data: `<group>_data` holds data for every host of `<group>`.
export const web_servers = ["web-01.example.com", "web-02.example.com"];

export const db_servers = ["db-01.example.com"];

// Group data
export const web_servers_data = {
  nginx_workers: 4,
  nginx_port: 80,
  app_port: 8000,
};

export const db_servers_data = {
  postgres_version: "14",
  postgres_max_connections: 200,
};

export const targets = [...web_servers, ...db_servers];
