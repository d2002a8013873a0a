// Group data in files, as in pyinfra: group_data/<group>.ts (or .js, .json) beside the inventory
// holds that group's data; group_data/all.ts holds global data. Files win over `<group>_data`.
export const web_servers = ["web-01.example.com", "web-02.example.com"];
export const db_servers = ["db-01.example.com"];

export const web_servers_data = { nginx_port: 80 };
