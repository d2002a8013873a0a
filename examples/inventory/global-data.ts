// Global data: any other plain value the inventory exports is data for every host.
export const targets = ["web-01.example.com", "web-02.example.com"];

// Global data available to all hosts
export const app_name = "myapp";
export const app_version = "1.2.3";
export const app_port = 8000;
