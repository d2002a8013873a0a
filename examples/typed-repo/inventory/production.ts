// inventory/production.ts
import { data, hosts } from "infra-action";

export const app_port = 8000; // global data

export const web_servers = hosts([
  ["web-01.example.com", { app_port: 8001, ssh_user: "deploy" }], // host data
  "web-02.example.com",
]);
export const web_servers_data = data({ app_port: 8080, _sudo: true }); // group data

export const db_servers = hosts([["db-01.example.com", { ssh_port: 2222, ssh_key: process.env.DB_SSH_KEY }]]);

export const targets = hosts([...web_servers, ...db_servers]);
