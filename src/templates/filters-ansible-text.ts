// Ansible's text and value filters: comment, quote, b64encode/b64decode, hash/md5/sha1/checksum, to_uuid,
// split, the path filters, extract, bool, ternary, mandatory, type_debug (ansible-core's
// plugins/filter/core.py: same names, arguments and output).
import { createHash, getHashes } from "node:crypto";
import type { FilterSpec, FilterTable } from "./filter-support.js";
import { JinjaRuntimeError } from "./jinja-errors.js";
import { getItem } from "./python-methods.js";
import { iterate, pyEquals } from "./python-operators.js";
import { split } from "./python-strings.js";
import { isStr, JinjaUndefined, makeTuple, pyStr, requireInt, strValue, truthy, typeName } from "./python-values.js";

// The comment styles: what starts, decorates and ends a comment.
const commentStyles: Record<string, Record<string, string>> = {
  plain: { decoration: "# " },
  erlang: { decoration: "% " },
  c: { decoration: "// " },
  cblock: { beginning: "/*", decoration: " * ", end: " */" },
  xml: { beginning: "<!--", decoration: " - ", end: "-->" },
};

// Ansible's comment filter: the text with a decoration on each line, between a prefix and a postfix line.
function comment(text: string, style: string, options: Record<string, unknown>): string {
  const styleOptions = commentStyles[style];
  if (!styleOptions) throw new JinjaRuntimeError(`comment: unknown style '${style}' (plain, erlang, c, cblock, xml)`);
  const around = "decoration" in options ? pyStr(options.decoration) : (styleOptions.decoration ?? "");
  const settings: Record<string, unknown> = {
    newline: "\n",
    beginning: "",
    prefix: around.trimEnd(),
    prefix_count: 1,
    decoration: "",
    postfix: around.trimEnd(),
    postfix_count: 1,
    end: "",
    ...styleOptions,
    ...options,
  };
  const get = (key: string): string => pyStr(settings[key]);
  const count = (key: string): number => Math.max(0, Math.trunc(Number(get(key))));
  const [newline, decoration, prefix] = [get("newline"), get("decoration"), get("prefix")];
  const beginning = get("beginning") ? get("beginning") + newline : "";
  let prefixText = "";
  if (truthy(settings.prefix))
    prefixText = (prefix !== newline ? prefix + newline : newline).repeat(count("prefix_count"));
  const body = (decoration + text.replaceAll(newline, newline + decoration)).replaceAll(
    decoration + newline,
    decoration.trimEnd() + newline,
  );
  const postfix = ["", ...Array.from({ length: count("postfix_count") }, () => get("postfix"))].join(newline);
  const end = get("end") ? newline + get("end") : "";
  return beginning + prefixText + body + postfix + end;
}

// Python's shlex.quote.
function shellQuote(text: string): string {
  if (text === "") return "''";
  if (!/[^\w@%+=:,./-]/.test(text)) return text;
  return `'${text.replaceAll("'", `'"'"'`)}'`;
}

// Ansible's to_bytes(value) for hashing and base64: a str's UTF-8, anything else's str().
function bytesOf(value: unknown, encoding = "utf-8"): Buffer {
  const text = pyStr(value);
  const name = encoding.toLowerCase().replace(/_/g, "-");
  if (["utf-8", "utf8"].includes(name)) return Buffer.from(text, "utf8");
  if (["utf-16-le", "utf-16le"].includes(name)) return Buffer.from(text, "utf16le");
  const limit = ["latin-1", "latin1", "iso-8859-1"].includes(name) ? 0xff : name === "ascii" ? 0x7f : -1;
  if (limit > 0) {
    const code = Array.from(text).find((char) => (char.codePointAt(0) ?? 0) > limit);
    if (code !== undefined)
      throw new JinjaRuntimeError(`'${name}' codec can't encode character ${JSON.stringify(code)}`);
    return Buffer.from(text, "latin1");
  }
  throw new JinjaRuntimeError(`the encoding '${encoding}' is not supported (utf-8, utf-16-le, latin-1, ascii)`);
}

// Ansible's hash filter: the hex digest of a str's UTF-8 (sha1 by default).
function hexDigest(value: unknown, algorithm: string): string {
  if (!getHashes().includes(algorithm)) throw new JinjaRuntimeError(`unsupported hash type ${algorithm}`);
  return createHash(algorithm).update(bytesOf(value)).digest("hex");
}

// posixpath.basename: what follows the last slash.
function basename(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

// posixpath.dirname: what precedes the last slash, without trailing slashes unless it is all slashes.
function dirname(path: string): string {
  const head = path.slice(0, path.lastIndexOf("/") + 1);
  return head && !/^\/+$/.test(head) ? head.replace(/\/+$/, "") : head;
}

// posixpath.join: each absolute part restarts the path.
function joinPaths(parts: string[]): string {
  return parts.reduce(
    (path, part) => (part.startsWith("/") || path === "" ? part : path.endsWith("/") ? path + part : `${path}/${part}`),
    "",
  );
}

// posixpath.splitext: (root, extension), a leading dot of the last part is not an extension.
function splitExtension(path: string): unknown[] {
  const dot = path.lastIndexOf(".");
  const slash = path.lastIndexOf("/");
  if (dot <= slash + 1 || /^\.+$/.test(path.slice(slash + 1, dot + 1))) return makeTuple([path, ""]);
  return makeTuple([path.slice(0, dot), path.slice(dot)]);
}

const ansibleNamespace = "361e6d51-faec-444a-9079-341386da8e2e";

// uuid.uuid5(namespace, name): Ansible's to_uuid, in its own namespace unless given one.
function uuid5(name: string, namespace: string): string {
  const hex = namespace.toLowerCase().replace(/^urn:uuid:|[{}-]/g, "");
  if (!/^[0-9a-f]{32}$/.test(hex)) {
    throw new JinjaRuntimeError(`Invalid value '${namespace}' for 'namespace': badly formed hexadecimal UUID string`);
  }
  const digest = createHash("sha1").update(Buffer.from(hex, "hex")).update(Buffer.from(name, "utf8")).digest();
  digest[6] = ((digest[6] ?? 0) & 0x0f) | 0x50;
  digest[8] = ((digest[8] ?? 0) & 0x3f) | 0x80;
  const text = digest.subarray(0, 16).toString("hex");
  return [text.slice(0, 8), text.slice(8, 12), text.slice(12, 16), text.slice(16, 20), text.slice(20)].join("-");
}

// Ansible's bool filter: None and booleans as they are; 'yes', 'on', '1', 'true' (any case) and 1 are true.
function toBool(value: unknown): boolean | null {
  if (value === null || typeof value === "boolean") return value;
  if (isStr(value)) return ["yes", "on", "1", "true"].includes(strValue(value).toLowerCase());
  return pyEquals(value, 1);
}

// A filter of one str argument (Python str methods would refuse anything else).
const pathFilter = (transform: (path: string) => unknown): FilterSpec => ({
  params: ["path"],
  run: ({ values: [path] }) => {
    if (!isStr(path)) throw new JinjaRuntimeError(`expected str, bytes or os.PathLike object, not ${typeName(path)}`);
    return transform(strValue(path));
  },
});

// A digest filter with a fixed algorithm (md5, sha1, checksum).
const digestFilter = (algorithm: string): FilterSpec => ({
  params: ["data"],
  run: ({ values: [data] }) => hexDigest(data, algorithm),
});

// The text and value filters, by name.
export const ansibleTextFilters: FilterTable = {
  comment: {
    params: ["text", ["style", "plain"]],
    varkw: true,
    run: ({ values: [text, style], kwargs }) => {
      if (!isStr(text)) throw new JinjaRuntimeError(`'${typeName(text)}' object has no attribute 'replace'`);
      return comment(strValue(text), pyStr(style), kwargs);
    },
  },
  quote: { params: ["a"], run: ({ values: [value] }) => shellQuote(value === null ? "" : pyStr(value)) },
  b64encode: {
    params: ["string", ["encoding", "utf-8"]],
    run: ({ values: [value, encoding] }) => bytesOf(value, pyStr(encoding)).toString("base64"),
  },
  b64decode: {
    params: ["string", ["encoding", "utf-8"]],
    run: ({ values: [value, encoding] }) => {
      const bytes = Buffer.from(pyStr(value), "base64");
      const name = pyStr(encoding).toLowerCase().replace(/_/g, "-");
      if (["utf-16-le", "utf-16le"].includes(name)) return bytes.toString("utf16le");
      if (["latin-1", "latin1", "iso-8859-1"].includes(name)) return bytes.toString("latin1");
      if (!["utf-8", "utf8", "ascii"].includes(name)) bytesOf("", name);
      return bytes.toString("utf8");
    },
  },
  hash: {
    params: ["data", ["hashtype", "sha1"]],
    run: ({ values: [data, type] }) => hexDigest(data, pyStr(type)),
  },
  md5: digestFilter("md5"),
  sha1: digestFilter("sha1"),
  checksum: digestFilter("sha1"),
  basename: pathFilter(basename),
  dirname: pathFilter(dirname),
  splitext: pathFilter(splitExtension),
  path_join: {
    params: ["paths"],
    run: ({ values: [paths] }) => (isStr(paths) ? strValue(paths) : joinPaths(iterate(paths).map(pyStr))),
  },
  split: {
    params: ["s", ["sep", null], ["maxsplit", -1]],
    run: ({ values: [text, separator, maxsplit] }) => {
      if (!isStr(text))
        throw new JinjaRuntimeError(
          `descriptor 'split' for 'str' objects doesn't apply to a '${typeName(text)}' object`,
        );
      return split(strValue(text), separator === null ? null : pyStr(separator), requireInt(maxsplit));
    },
  },
  extract: {
    params: ["item", "container", ["morekeys", null]],
    run: ({ values: [item, container, morekeys] }) => {
      const keys = morekeys === null ? [item] : Array.isArray(morekeys) ? [item, ...morekeys] : [item, morekeys];
      return keys.reduce((value, key) => getItem(value, key), container);
    },
  },
  to_uuid: {
    params: ["string", ["namespace", ansibleNamespace]],
    run: ({ values: [name, namespace] }) => uuid5(pyStr(name), pyStr(namespace)),
  },
  bool: { params: ["a"], run: ({ values: [value] }) => toBool(value) },
  ternary: {
    params: ["value", "true_val", "false_val", ["none_val", null]],
    run: ({ values: [value, whenTrue, whenFalse, whenNone] }) => {
      if (value === null && whenNone !== null) return whenNone;
      return truthy(value) ? whenTrue : whenFalse;
    },
  },
  mandatory: {
    params: ["a", ["msg", null]],
    acceptsUndefined: true,
    run: ({ values: [value, message] }) => {
      if (!(value instanceof JinjaUndefined) && value !== undefined) return value;
      if (message !== null) throw new JinjaRuntimeError(pyStr(message));
      const name = value instanceof JinjaUndefined && value.missingName ? `'${value.missingName}' ` : "";
      throw new JinjaRuntimeError(`Mandatory variable ${name}not defined.`);
    },
  },
  type_debug: {
    params: ["o"],
    acceptsUndefined: true,
    run: ({ values: [value] }) => (value instanceof JinjaUndefined ? "AnsibleUndefined" : typeName(value)),
  },
};
