// The staging environment: the same groups, fewer hosts, its own data.
export const web_servers = ["web-01.staging.example.com"];

export const db_servers = ["db-01.staging.example.com"];

export const environment = "staging";
export const app_port = 8000;
export const debug = false;

export const targets = [...web_servers, ...db_servers];
