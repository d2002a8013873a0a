// One inventory per environment: `infra-action plan inventory/production.ts deploy.ts`.
// Every host is also in a group named after the file ("production").
export const web_servers = ["web-01.prod.example.com", "web-02.prod.example.com"];

export const db_servers = ["db-01.prod.example.com"];

export const environment = "production";
export const app_port = 8000;
export const debug = false;

export const targets = [...web_servers, ...db_servers];
