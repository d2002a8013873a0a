// The host-data keys a connector reads, declared with type, default and description, and checked
// at connect with an error that names the host and the key.
import { ConnectError } from "../errors.js";
import { describeValue } from "../util/describe-value.js";
import { describeSecretValue, isSecretKey } from "../util/secret-keys.js";

export type DataKeyType = "string" | "port" | "count" | "seconds" | readonly string[];

export interface DataKeySpec {
  key: string;
  type: DataKeyType;
  default?: string | number;
  description: string;
}

const expectations: Record<Exclude<DataKeyType, readonly string[]>, string> = {
  string: "a string",
  port: "a port number (1-65535)",
  count: "a whole number, 0 or more",
  seconds: "a number of seconds, more than 0",
};

// Reads and checks the declared keys from a host's data, filling in defaults.
export function readDataKeys(host: string, data: Readonly<Record<string, unknown>>, specs: readonly DataKeySpec[]) {
  const settings: Record<string, string | number | undefined> = {};
  for (const spec of specs) {
    const raw = data[spec.key];
    if (raw === undefined || raw === null || raw === "") {
      settings[spec.key] = spec.default;
      continue;
    }
    const value = coerce(raw, spec.type);
    if (value === undefined) {
      const expected = Array.isArray(spec.type)
        ? `one of ${spec.type.map((v) => JSON.stringify(v)).join(", ")}`
        : expectations[spec.type as Exclude<DataKeyType, readonly string[]>];
      throw new ConnectError(
        `${host}: data key ${spec.key} must be ${expected} (${spec.description}); it is ${isSecretKey(spec.key) ? describeSecretValue(raw) : describeValue(raw)}. Fix it in the inventory or --data.`,
      );
    }
    settings[spec.key] = value;
  }
  return settings;
}

function coerce(raw: unknown, type: DataKeyType): string | number | undefined {
  if (Array.isArray(type)) return typeof raw === "string" && type.includes(raw) ? raw : undefined;
  if (type === "string") return typeof raw === "string" ? raw : undefined;
  const n =
    typeof raw === "number" ? raw : typeof raw === "string" && /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
  if (type === "port") return Number.isInteger(n) && n >= 1 && n <= 65535 ? n : undefined;
  if (type === "count") return Number.isInteger(n) && n >= 0 ? n : undefined;
  return n > 0 ? n : undefined;
}
