// Ansible's regex filters (regex_replace, regex_search, regex_findall, regex_escape), with Python's `re`
// semantics (see filters-ansible-regex-python.ts).
import type { FilterTable } from "./filter-support.js";
import { compilePythonRegex, compileReplacement, findMatches } from "./filters-ansible-regex-python.js";
import { JinjaRuntimeError } from "./jinja-errors.js";
import { isStr, makeTuple, pyStr, strValue, truthy } from "./python-values.js";

// Ansible's to_text(value, nonstring='simplerepr'): a str as it is, anything else through str().
function textOf(value: unknown): string {
  return pyStr(value);
}

// A pattern argument, which Python requires to be a str.
function patternOf(value: unknown): string {
  if (!isStr(value))
    throw new JinjaRuntimeError(`first argument must be string or compiled pattern, not ${pyStr(value)}`);
  return strValue(value);
}

// re.findall: whole matches, the one group, or tuples of every group ('' for a group that did not take part).
function findAll(text: string, regex: RegExp): unknown[] {
  return findMatches(text, regex).map((match) => {
    if (match.length === 1) return match[0];
    const groups = match.slice(1).map((group) => group ?? "");
    return groups.length === 1 ? groups[0] : makeTuple(groups);
  });
}

// Ansible's regex_search: the first match, or the groups named by `\\1` / `\\g<name>` arguments; None without one.
function search(text: string, regex: RegExp, references: unknown[]): unknown {
  const keys = references.map((reference) => {
    const written = isStr(reference) ? strValue(reference) : "";
    const found = /^\\g<(\S+)>/.exec(written) ?? /^\\(\d+)/.exec(written);
    if (!found)
      throw new JinjaRuntimeError(`regex_search: unknown argument ${pyStr(reference)} (expected '\\1' or '\\g<name>')`);
    return found[1] ?? "";
  });
  const match = regex.exec(text);
  if (!match) return null;
  if (keys.length === 0) return match[0];
  return keys.map((key) => (/^\d+$/.test(key) ? match[Number(key)] : match.groups?.[key]) ?? null);
}

// Python's re.escape (3.7+): only the characters special in patterns get a backslash.
function escapePython(text: string): string {
  return text.replace(/[()[\]{}?*+\-|^$\\.&~# \t\n\r\v\f]/g, (char) => `\\${char}`);
}

// The regex filters, by name.
export const ansibleRegexFilters: FilterTable = {
  regex_replace: {
    params: [
      ["value", ""],
      ["pattern", ""],
      ["replacement", ""],
      ["ignorecase", false],
      ["multiline", false],
    ],
    run: ({ values: [value, pattern, replacement, ignorecase, multiline] }) => {
      const regex = compilePythonRegex(patternOf(pattern), {
        ignorecase: truthy(ignorecase),
        multiline: truthy(multiline),
      });
      const expand = compileReplacement(textOf(replacement), regex);
      const text = textOf(value);
      let [out, last] = ["", 0];
      for (const match of findMatches(text, regex)) {
        out += text.slice(last, match.index) + expand(match);
        last = match.index + match[0].length;
      }
      return out + text.slice(last);
    },
  },
  regex_findall: {
    params: ["value", "regex", ["multiline", false], ["ignorecase", false]],
    run: ({ values: [value, regex, multiline, ignorecase] }) =>
      findAll(
        textOf(value),
        compilePythonRegex(patternOf(regex), { ignorecase: truthy(ignorecase), multiline: truthy(multiline) }),
      ),
  },
  regex_search: {
    params: ["value", "regex"],
    varargs: true,
    varkw: true,
    run: ({ values: [value, regex], rest, kwargs }) => {
      const flags = { ignorecase: truthy(kwargs.ignorecase ?? false), multiline: truthy(kwargs.multiline ?? false) };
      const compiled = compilePythonRegex(patternOf(regex), flags);
      return search(textOf(value), new RegExp(compiled.source, compiled.flags.replace("g", "")), rest);
    },
  },
  regex_escape: {
    params: ["string", ["re_type", "python"]],
    run: ({ values: [value, type] }) => {
      const text = textOf(value);
      if (type === "python") return escapePython(text);
      if (type === "posix_basic") return text.replace(/[\].[^$*\\]/g, (char) => `\\${char}`);
      if (type === "posix_extended") throw new JinjaRuntimeError(`Regex type (${pyStr(type)}) not yet implemented`);
      throw new JinjaRuntimeError(`Invalid regex type (${pyStr(type)})`);
    },
  },
};
