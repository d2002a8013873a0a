// Ansible's first-line settings: a template of an Ansible role may begin with
// `#jinja2: trim_blocks: True, lstrip_blocks: False`; Ansible removes that line and renders the rest
// with those Environment settings. Read only with the `ansible` option, as only Ansible does it.
import type { JinjaOptions } from "./jinja-options.js";

const marker = "#jinja2:";
const settings = {
  trim_blocks: "trimBlocks",
  lstrip_blocks: "lstripBlocks",
  keep_trailing_newline: "keepTrailingNewline",
} as const;

// The template without its `#jinja2:` line, and the options that line sets; a line that cannot be read
// throws an Error saying what is wrong (the caller names the template).
export function readAnsibleOverride(source: string, options: JinjaOptions): { source: string; options: JinjaOptions } {
  if (!options.ansible || !source.startsWith(marker)) return { source, options };
  const end = source.indexOf("\n");
  const line = source.slice(marker.length, end === -1 ? undefined : end);
  const rest = end === -1 ? "" : source.slice(end + 1);
  const merged: JinjaOptions = { ...options };
  for (const pair of line.split(",")) {
    const colon = pair.indexOf(":");
    if (colon === -1)
      throw new Error(
        `failed to parse the #jinja2: line at '${pair.trim()}': write key: value pairs separated by commas, such as #jinja2: trim_blocks: True`,
      );
    const key = pair.slice(0, colon).trim();
    const value = pair.slice(colon + 1).trim();
    if (!Object.hasOwn(settings, key))
      throw new Error(
        `the #jinja2: line sets ${key}, which infra-action does not support; it supports ${Object.keys(settings).join(", ")}`,
      );
    if (value !== "True" && value !== "False")
      throw new Error(`the #jinja2: line gives ${key} the value ${value}; write True or False`);
    merged[settings[key as keyof typeof settings]] = value === "True";
  }
  return { source: rest.replace(/^\r/, ""), options: merged };
}
