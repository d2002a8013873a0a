// files.template's `jinja_env_kwargs` (pyinfra's name): the Jinja2 Environment settings a template is
// rendered with, read from the snake_case keys users copy from Jinja2 and Ansible.

import type { TemplateSettings } from "../operation.js";
import { OperationArgumentError } from "../shared/args.js";

const booleanKeys = {
  trim_blocks: "trimBlocks",
  lstrip_blocks: "lstripBlocks",
  keep_trailing_newline: "keepTrailingNewline",
  ansible: "ansible",
} as const;

// Jinja2's class names are accepted as well as the short names.
const undefinedKinds: Record<string, TemplateSettings["undefined"]> = {
  strict: "strict",
  StrictUndefined: "strict",
  default: "default",
  Undefined: "default",
  chainable: "chainable",
  ChainableUndefined: "chainable",
  ansible: "ansible",
  AnsibleUndefined: "ansible",
};

const supported = [...Object.keys(booleanKeys), "undefined"].join(", ");

// Reads `jinja_env_kwargs`; an unknown key or a wrong value is an error saying what is supported.
export function readTemplateSettings(value: unknown): TemplateSettings {
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value))
    throw new OperationArgumentError(`argument jinja_env_kwargs must be an object, such as { trim_blocks: true }.`);
  const settings: TemplateSettings = {};
  for (const [key, setting] of Object.entries(value)) {
    if (key === "undefined") {
      const kind = typeof setting === "string" ? undefinedKinds[setting] : undefined;
      if (!kind)
        throw new OperationArgumentError(
          `jinja_env_kwargs.undefined must be "strict", "default", "chainable" or "ansible" (StrictUndefined, Undefined, ChainableUndefined, AnsibleUndefined); it is ${JSON.stringify(setting)}.`,
        );
      settings.undefined = kind;
    } else if (Object.hasOwn(booleanKeys, key)) {
      if (typeof setting !== "boolean")
        throw new OperationArgumentError(
          `jinja_env_kwargs.${key} must be true or false; it is ${JSON.stringify(setting)}.`,
        );
      settings[booleanKeys[key as keyof typeof booleanKeys]] = setting;
    } else {
      throw new OperationArgumentError(`jinja_env_kwargs has no setting ${key}. Supported: ${supported}.`);
    }
  }
  return settings;
}
