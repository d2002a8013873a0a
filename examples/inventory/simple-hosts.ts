// The simplest inventory: a list of host names. Each is reached over SSH.
export const targets = ["web-01.example.com", "web-02.example.com", "db-01.example.com"];
