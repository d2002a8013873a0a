// Dynamic inventory: hosts made by code. The guide shows two ways in one file; as in Python, the later
// assignment of `targets` (from an external source) is the one that counts.

// Generate hosts dynamically: web-01 through web-10
const generated = Array.from({ length: 10 }, (_, i) => `web-${String(i + 1).padStart(2, "0")}.example.com`);

// Or from an external source (a cloud provider's API, a database, …)
function loadFromApi(): string[] {
  return ["server1.example.com", "server2.example.com"];
}

export const targets = process.env.INVENTORY_GENERATED === "1" ? generated : loadFromApi();
