// Data precedence, highest first: overrides (--data) > host data > group data > global data.

// Global data
export const app_port = 8000;

export const web_servers = [
  ["web-01.example.com", { app_port: 8001 }], // Host data - highest priority
  "web-02.example.com", // Will use group or global data
];

// Group data
export const web_servers_data = {
  app_port: 8080, // Group data - medium priority
};
