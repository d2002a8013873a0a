// Ansible's YAML filters: to_yaml, to_nice_yaml (written by a PyYAML/libyaml-compatible emitter, byte for
// byte) and from_yaml, from_yaml_all (read as YAML 1.1, as PyYAML's safe loader reads it).
import { parseAllDocuments, parse as parseYaml, type ScalarTag, type Tags } from "yaml";
import type { FilterTable } from "./filter-support.js";
import { dumpYaml, type YamlDumpOptions } from "./filters-ansible-yaml-emitter.js";
import { JinjaRuntimeError } from "./jinja-errors.js";
import { isDict, isStr, PyFloat, requireInt, strValue, truthy } from "./python-values.js";

// yaml.dump's keyword arguments infra-action honours; any other is refused by name.
function dumpOptions(name: string, kwargs: Record<string, unknown>, base: YamlDumpOptions): YamlDumpOptions {
  const options = { ...base };
  for (const [key, value] of Object.entries(kwargs)) {
    if (key === "indent") options.indent = requireInt(value);
    else if (key === "width") options.width = requireInt(value);
    else if (key === "sort_keys") options.sortKeys = truthy(value);
    else if (key === "default_flow_style") options.defaultFlowStyle = value === null ? null : truthy(value);
    else if (key !== "allow_unicode" || !truthy(value)) {
      throw new JinjaRuntimeError(
        `${name}: the argument '${key}' is not supported by infra-action (indent, width, sort_keys, default_flow_style)`,
      );
    }
  }
  return options;
}

// PyYAML's loaded values as templates see them: a timestamp prints as Python's str() of a date or datetime.
function fromLoaded(value: unknown): unknown {
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace("T", " ").replace(/\.000Z$|Z$/, "");
  }
  if (Array.isArray(value)) return value.map(fromLoaded);
  if (isDict(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fromLoaded(item)]));
  }
  return value;
}

const boolTag = "tag:yaml.org,2002:bool";
const pyBool = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;

const floatTag = "tag:yaml.org,2002:float";

// A float tag whose integral values stay floats (`1.0` prints as 1.0, as in Python).
function keepFloat(tag: ScalarTag): ScalarTag {
  const resolve = tag.resolve;
  return {
    ...tag,
    resolve: (...args: Parameters<typeof resolve>) => {
      const value = resolve(...args);
      return typeof value === "number" && Number.isInteger(value) ? new PyFloat(value) : value;
    },
  };
}

// The yaml package's YAML 1.1 types narrowed to PyYAML's resolver: y/n are strs, an exponent needs a dot and
// a sign (`1e5` is a str), a decimal int has no leading zero.
function pythonTypes(tags: Tags): Tags {
  const out: Tags = [];
  for (const found of tags) {
    const tag =
      typeof found === "object" && !found.collection && found.tag === floatTag ? keepFloat(found as ScalarTag) : found;
    if (typeof tag !== "object" || !("test" in tag) || !tag.test) out.push(tag);
    else if (tag.tag === boolTag) {
      if (tag.test.test("true"))
        out.push({ ...tag, test: pyBool, resolve: (text: string) => /^(?:yes|true|on)$/i.test(text) });
    } else if (tag.format === "EXP") {
      out.push({ ...tag, test: /^[-+]?[0-9][0-9_]*\.[0-9_]*[eE][-+][0-9]+$/ });
    } else if (tag.test.source === "^[-+]?[0-9][0-9_]*$") out.push({ ...tag, test: /^[-+]?(?:0|[1-9][0-9_]*)$/ });
    else out.push(tag);
  }
  return out;
}

// Reads YAML text (a str; anything else is returned as it is, as Ansible does).
function loadYaml(data: unknown, all: boolean): unknown {
  if (!isStr(data)) return data;
  const text = strValue(data);
  try {
    if (!all)
      return fromLoaded(parseYaml(text, { version: "1.1", uniqueKeys: false, customTags: pythonTypes }) ?? null);
    return parseAllDocuments(text, { version: "1.1", customTags: pythonTypes }).map((document) => {
      if (document.errors.length > 0) throw document.errors[0];
      return fromLoaded(document.toJS());
    });
  } catch (error) {
    throw new JinjaRuntimeError(`from_yaml: the text is not valid YAML: ${(error as Error).message}`);
  }
}

const base: YamlDumpOptions = { indent: 2, width: 80, defaultFlowStyle: null, sortKeys: true };

// The YAML filters, by name.
export const ansibleYamlFilters: FilterTable = {
  to_yaml: {
    params: ["a"],
    varkw: true,
    run: ({ values: [value], kwargs }) => dumpYaml(value, dumpOptions("to_yaml", kwargs, base)),
  },
  to_nice_yaml: {
    params: ["a", ["indent", 4]],
    varkw: true,
    run: ({ values: [value, indent], kwargs }) => {
      const options = { ...base, indent: requireInt(indent), defaultFlowStyle: false };
      return dumpYaml(value, dumpOptions("to_nice_yaml", kwargs, options));
    },
  },
  from_yaml: { params: ["data"], run: ({ values: [data] }) => loadYaml(data, false) },
  from_yaml_all: { params: ["data"], run: ({ values: [data] }) => loadYaml(data, true) },
};
