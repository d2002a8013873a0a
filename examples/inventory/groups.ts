// Groups: every exported array of hosts is a group named after the export.
export const web_servers = ["web-01.example.com", "web-02.example.com", "web-03.example.com"];

export const db_servers = [["db-01.example.com", { ssh_user: "postgres" }], "db-02.example.com"];

export const load_balancers = ["lb-01.example.com"];

// All hosts (`targets` is the list to run on, not itself a group)
export const targets = [...web_servers, ...db_servers, ...load_balancers];
