// The development environment: everything on this machine and in a local container.
export const web_servers = ["@local"];

export const db_servers = ["@docker/postgres:14"];

export const environment = "development";
export const app_port = 8000;
export const debug = true;

export const targets = [...web_servers, ...db_servers];
