// An inventory given on the command line, as pyinfra takes it: `@local`, `web-01.example.com`,
// `host1,host2,@docker/debian:bookworm`, `@ssh/10.0.0.5`. A path that exists, or that ends like an
// inventory file (`.ts`, `.py`, …), is a file; anything else is a comma-separated list of hosts.
import { existsSync } from "node:fs";
import { extname } from "node:path";
import { resolvableExtensions } from "../loader/module-kinds.js";

const fileExtensions = new Set([...resolvableExtensions, ".py"]);

// The host specs an inventory argument names, or undefined when it names a file.
export function inlineHostSpecs(argument: string): string[] | undefined {
  if (existsSync(argument)) return undefined;
  if (!argument.startsWith("@") && fileExtensions.has(extname(argument).toLowerCase())) return undefined;
  if (argument.includes("/") && !argument.startsWith("@") && !argument.includes(",")) return undefined;
  const hosts = argument
    .split(",")
    .map((host) => host.trim())
    .filter(Boolean);
  return hosts.length ? hosts : undefined;
}
