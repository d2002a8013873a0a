// `--data key=value` (and the action's `data` input): values are JSON when they parse, else strings.
import { UsageError } from "../errors.js";
import type { Data } from "./types.js";

// Parses KEY=VALUE items into override data; `where` names the flag or input for messages.
export function parseOverrides(items: readonly string[], where = "--data"): Data {
  const data: Data = {};
  for (const item of items) {
    const eq = item.indexOf("=");
    const key = eq < 0 ? "" : item.slice(0, eq).trim();
    if (!key || !/^[A-Za-z_][\w.-]*$/.test(key)) {
      // The value may be a password (ssh_password=…): only the part before = is shown.
      const what =
        eq < 0
          ? `${JSON.stringify(item)} is not KEY=VALUE`
          : `${JSON.stringify(`${item.slice(0, eq)}=…`)} is not KEY=VALUE (the value is not shown)`;
      throw new UsageError(
        `${where} ${what}. Write e.g. ${where} app_port=8080 (keys are letters, digits and _; values true/false, numbers and JSON are typed, the rest are strings).`,
      );
    }
    data[key] = parseValue(item.slice(eq + 1));
  }
  return data;
}

// "8080" → 8080, "true" → true, '{"a":1}' → {a: 1}, "null" → null, anything else → the string.
export function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
