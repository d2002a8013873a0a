// The docker.* operations' shared argument readers: names Docker accepts, image references and lists
// of option values, refused with the argument's name and an example before anything reaches a shell.
import { showValue } from "../../util/describe-value.js";
import { OperationArgumentError, optionalString, requiredString, stringList } from "../shared/args.js";

type Args = Record<string, unknown>;

// Docker's own rule for container and volume names (at least two characters); networks are held to it
// too, so that no name can be read as an option or hold a quote, a space or a line break.
const objectName = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

// A container, network or volume name (argument `key`).
export function dockerName(args: Args, key: string, kind: "container" | "network" | "volume"): string {
  const value = requiredString(args, key);
  checkDockerName(value, key, kind);
  return value;
}

// Refuses a name Docker would refuse, or one a command could misread.
export function checkDockerName(value: string, key: string, kind: string): void {
  if (!objectName.test(value))
    throw new OperationArgumentError(
      `argument ${key} ${showValue(value)} is not a Docker ${kind} name: use letters, digits, "_", "." and "-", starting with a letter or digit (at least 2 characters), e.g. "web-1".`,
    );
}

// An image (or plugin) reference: [registry[:port]/]path[:tag][@digest], the characters Docker allows.
const reference = /^[a-zA-Z0-9][a-zA-Z0-9._/:@-]*$/;

// An image reference (argument `key`), checked; undefined when not given and not required.
export function imageReference(args: Args, key: string, required: true): string;
export function imageReference(args: Args, key: string, required: false): string | undefined;
export function imageReference(args: Args, key: string, required: boolean): string | undefined {
  const value = required ? requiredString(args, key) : optionalString(args, key);
  if (value === undefined || value === "") return undefined;
  if (!reference.test(value) || value.length > 512)
    throw new OperationArgumentError(
      `argument ${key} ${showValue(value)} is not an image reference: give [registry/]name[:tag][@digest] with letters, digits, ".", "_", "-", "/", ":" and "@", e.g. "nginx:1.25" or "ghcr.io/team/app:2.1".`,
    );
  return value;
}

// The parts of an image reference that decide whether it needs pulling.
export interface ImageReference {
  /** The tag, or null when none is given (Docker then means "latest"). */
  tag: string | null;
  /** The digest (`sha256:…`), or null. */
  digest: string | null;
}

// Splits an image reference into its tag and digest (a ":" before the last "/" is a registry's port).
export function parseImageReference(image: string): ImageReference {
  const at = image.indexOf("@");
  const digest = at === -1 ? null : image.slice(at + 1);
  const name = at === -1 ? image : image.slice(0, at);
  const colon = name.lastIndexOf(":");
  const tag = colon > name.lastIndexOf("/") ? name.slice(colon + 1) : null;
  return { tag, digest };
}

// A list of option values (ports, volumes, labels, …): each one line, none starting with "-" (an option
// of its own for docker), so that one list item is always one value.
export function optionList(args: Args, key: string, example: string): string[] | undefined {
  if (args[key] === undefined || args[key] === null) return undefined;
  const list = stringList(args, key);
  for (const item of list) {
    if (/[\p{Cc}]/u.test(item))
      throw new OperationArgumentError(
        `argument ${key} holds ${showValue(item)}: a value must be one line without control characters, e.g. ${example}.`,
      );
    if (item.startsWith("-"))
      throw new OperationArgumentError(
        `argument ${key} holds ${showValue(item)}, which starts with "-" and docker would read as an option; give values only, e.g. ${example}.`,
      );
  }
  return list;
}

// A one-word option value (driver, scope, restart policy): letters, digits and . _ - : / only.
export function wordArg(args: Args, key: string, example: string): string | undefined {
  const value = optionalString(args, key);
  if (value === undefined || value === "") return undefined;
  if (!/^[a-zA-Z0-9][a-zA-Z0-9._:/-]*$/.test(value))
    throw new OperationArgumentError(
      `argument ${key} ${showValue(value)} is not a valid value: one word of letters, digits, ".", "_", "-", ":" or "/", e.g. ${example}.`,
    );
  return value;
}

// A map of names to values (aux_addresses, plugin_options) as [name, value] pairs; each one line.
export function stringMap(args: Args, key: string, example: string): Array<[string, string]> | undefined {
  const value = args[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value))
    throw new OperationArgumentError(`argument ${key} must be an object of names to values, e.g. ${example}.`);
  const pairs: Array<[string, string]> = [];
  for (const [name, item] of Object.entries(value)) {
    if (typeof item !== "string" && typeof item !== "number" && typeof item !== "boolean")
      throw new OperationArgumentError(`argument ${key}.${name} must be a string; it is ${showValue(item)}.`);
    const text = String(item);
    if (!/^[a-zA-Z0-9_][a-zA-Z0-9_.-]*$/.test(name) || /[\p{Cc}]/u.test(text))
      throw new OperationArgumentError(
        `argument ${key} holds ${showValue(name)}: names are letters, digits, "_", "." and "-", values one line, e.g. ${example}.`,
      );
    pairs.push([name, text]);
  }
  return pairs;
}
