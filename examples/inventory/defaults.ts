// Global default, overridden for one host.

// Global default
export const app_port = 8000;

// Override for specific host if needed
export const targets = [["special-server.com", { app_port: 9000 }]];
