// The file extensions the module loader accepts, and how each one is read.

export type ModuleFormat = "typescript" | "javascript" | "json";

const formats: Record<string, ModuleFormat> = {
  ".ts": "typescript",
  ".mts": "typescript",
  ".js": "javascript",
  ".mjs": "javascript",
  ".json": "json",
};

// Extensions tried, in order (as listed above), for an extensionless local import (`./hosts`) or a `group_data/<name>`.
export const resolvableExtensions: readonly string[] = Object.keys(formats);

// The loader's format for a file name, or undefined when infra-action cannot load it.
export function formatOf(file: string): ModuleFormat | undefined {
  const dot = file.lastIndexOf(".");
  return dot < 0 ? undefined : formats[file.slice(dot).toLowerCase()];
}

// Lists the accepted extensions for messages ("`.ts`, `.mts`, …").
export function describeExtensions(): string {
  return resolvableExtensions.map((ext) => `\`${ext}\``).join(", ");
}
