// Finds what JSON cannot hold in user data (a circular reference, a BigInt, nesting too deep, a
// getter that throws), walking it as JSON.stringify would but without recursion, so any depth is safe.

// What is wrong, where ("settings.self"), and the fix to print after it.
export interface JsonDataProblem {
  kind: "circular" | "bigint" | "deep" | "getter" | "size";
  message: string;
  fix: string;
}

// Deeper data is refused: no inventory needs it, and JSON.stringify overflows the stack near 10,000.
const maxJsonDepth = 100;
// The walk stops after this many values (shared objects can make a small module a huge tree).
const maxJsonValues = 1_000_000;

type Key = string | number;
type Step = { value: unknown; path: Key[]; exit?: false } | { value: object; exit: true };

// The first thing JSON.stringify would choke on in `value`, or undefined when it prints. `root` names
// the value in messages (an export name; none for a host's data, whose keys start the path).
// `gettersOnly` looks for a throwing getter alone, walking past everything else.
export function findJsonProblem(value: unknown, root: Key[] = [], gettersOnly = false): JsonDataProblem | undefined {
  const ancestors = new Map<object, Key[]>();
  const stack: Step[] = [{ value, path: root }];
  for (let seen = 0; stack.length > 0; seen++) {
    if (seen > maxJsonValues)
      return {
        kind: "size",
        message: `${showPath(root)} holds more than ${maxJsonValues} values`,
        fix: "Make the data smaller.",
      };
    const step = stack.pop() as Step;
    if (step.exit) {
      ancestors.delete(step.value);
      continue;
    }
    const { path } = step;
    let current: unknown;
    try {
      current = jsonValueOf(step.value, path[path.length - 1] ?? "");
    } catch (error) {
      return thrown(path, error);
    }
    if (typeof current === "bigint" && !gettersOnly)
      return {
        kind: "bigint",
        message: `${showPath(path)} is a BigInt (${current}n)`,
        fix: "Give it as a number or a string.",
      };
    if (current === null || typeof current !== "object") continue;
    const earlier = ancestors.get(current);
    if (earlier && gettersOnly) continue;
    if (earlier)
      return {
        kind: "circular",
        message: `${showPath(path)} refers back to ${earlier.length ? showPath(earlier) : "the data itself"} (a circular reference)`,
        fix: "Remove the cycle from the data.",
      };
    if (path.length - root.length >= maxJsonDepth) {
      if (gettersOnly) continue;
      return {
        kind: "deep",
        message: `${showPath(path)} is nested more than ${maxJsonDepth} levels deep`,
        fix: "Flatten the data.",
      };
    }
    ancestors.set(current, path);
    stack.push({ value: current, exit: true });
    let keys: Key[];
    try {
      keys = Array.isArray(current) ? [...current.keys()] : Object.keys(current);
    } catch (error) {
      return thrown(path, error);
    }
    const children: Step[] = [];
    for (const key of keys) {
      let child: unknown;
      try {
        child = (current as Record<Key, unknown>)[key];
      } catch (error) {
        return thrown([...path, key], error);
      }
      children.push({ value: child, path: [...path, key] });
    }
    stack.push(...children.reverse());
  }
  return undefined;
}

// What JSON.stringify prints for a value: its toJSON() result when it has one (Dates do).
function jsonValueOf(value: unknown, key: Key): unknown {
  if (value !== null && typeof value === "object") {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") return toJSON.call(value, String(key));
  }
  return value;
}

function thrown(path: Key[], error: unknown): JsonDataProblem {
  return {
    kind: "getter",
    message: `reading ${showPath(path)} threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    fix: "Make it a plain value, or catch the error in its getter.",
  };
}

// `settings.self`, `web_servers[0][1].db_password`; long paths keep their first four steps.
function showPath(path: Key[]): string {
  const shown = path
    .slice(0, 4)
    .map((key, i) =>
      typeof key === "number"
        ? `[${key}]`
        : /^[A-Za-z_$][\w$]*$/.test(key)
          ? `${i === 0 ? "" : "."}${key}`
          : `[${JSON.stringify(key)}]`,
    )
    .join("");
  return path.length > 4 ? `${shown}…` : shown || "the data";
}
