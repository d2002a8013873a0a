// Dynamic inventory from an external source, loaded with top-level `await`: an HTTP API when
// INVENTORY_API_URL is set (a cloud provider, a CMDB), else the JSON file next to this one.
import { readFile } from "node:fs/promises";

interface HostListing {
  web_servers: string[];
  db_servers: Array<[string, Record<string, unknown>]>;
}

async function loadFromApi(): Promise<HostListing> {
  const url = process.env.INVENTORY_API_URL;
  if (url) {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`inventory API answered ${response.status} ${response.statusText}`);
    return (await response.json()) as HostListing;
  }
  return JSON.parse(await readFile(new URL("./dynamic-hosts.json", import.meta.url), "utf8"));
}

const listing = await loadFromApi();

export const web_servers = listing.web_servers;
export const db_servers = listing.db_servers;
