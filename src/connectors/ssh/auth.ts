// The authentication methods to try for an SSH login, in order, with keys checked up front so a
// missing file or a wrong passphrase is a clear error rather than a failed login.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { utils } from "ssh2";
import { ConnectError } from "../../errors.js";

export type AuthMethod =
  | { type: "publickey"; username: string; key: ReturnType<typeof parseOneKey> }
  | { type: "password"; username: string; password: string }
  | { type: "agent"; username: string; agent: string };

export interface AuthSources {
  host: string;
  username: string;
  // ssh_key (path) and ssh_key_password.
  keyFile?: string;
  keyPassphrase?: string;
  // Keys held in memory (the action's ssh-private-key input).
  memoryKeys: readonly string[];
  password?: string;
  // IdentityFile entries from ssh config (skipped when missing or encrypted).
  configKeyFiles: readonly string[];
  agentSocket?: string;
  // ~/.ssh/id_* files, tried last when no key was named.
  defaultKeyFiles: readonly string[];
}

export interface AuthPlan {
  methods: Array<AuthMethod & { label: string }>;
}

// Orders the methods: ssh_key, in-memory keys, ssh_password, ssh config keys, agent, default keys.
export function planAuth(sources: AuthSources): AuthPlan {
  const { username } = sources;
  const methods: AuthPlan["methods"] = [];
  if (sources.keyFile) {
    methods.push({
      type: "publickey",
      username,
      key: readNamedKey(sources),
      label: `key ${sources.keyFile} (ssh_key)`,
    });
  }
  sources.memoryKeys.forEach((text, index) => {
    const key = parseOneKey(text, undefined);
    if (key instanceof Error) {
      throw new ConnectError(
        `${sources.host}: private key ${index + 1} of the ssh-private-key input is not usable: ${key.message}. Give an unencrypted OpenSSH or PEM private key.`,
      );
    }
    methods.push({ type: "publickey", username, key, label: `ssh-private-key input key ${index + 1}` });
  });
  if (sources.password)
    methods.push({ type: "password", username, password: sources.password, label: "password (ssh_password)" });
  for (const file of sources.configKeyFiles) {
    const key = tryReadKey(file);
    if (key) methods.push({ type: "publickey", username, key, label: `key ${file} (ssh config IdentityFile)` });
  }
  if (sources.agentSocket) methods.push({ type: "agent", username, agent: sources.agentSocket, label: "SSH agent" });
  if (!sources.keyFile && sources.memoryKeys.length === 0) {
    for (const file of sources.defaultKeyFiles) {
      const key = tryReadKey(file);
      if (key) methods.push({ type: "publickey", username, key, label: `key ${file}` });
    }
  }
  return { methods };
}

// Splits a text holding one or more PEM/OpenSSH private keys into single keys.
export function splitPrivateKeys(text: string): string[] {
  return (
    text
      .match(/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z0-9 ]*PRIVATE KEY-----/g)
      ?.map((k) => `${k}\n`) ?? []
  );
}

function readNamedKey(sources: AuthSources) {
  const file = sources.keyFile ?? "";
  if (!existsSync(file)) {
    throw new ConnectError(`${sources.host}: ssh_key ${file} does not exist. Fix the path in the host's data.`, {
      host: sources.host,
    });
  }
  const key = parseOneKey(readFileSync(file), sources.keyPassphrase);
  if (!(key instanceof Error)) return key;
  if (/encrypted/i.test(key.message) && !sources.keyPassphrase) {
    throw new ConnectError(`${sources.host}: ssh_key ${file} is encrypted; give its passphrase as ssh_key_password.`, {
      host: sources.host,
    });
  }
  if (sources.keyPassphrase && /(bad|wrong|incorrect|decrypt)/i.test(key.message)) {
    throw new ConnectError(`${sources.host}: ssh_key_password does not decrypt ssh_key ${file}.`, {
      host: sources.host,
    });
  }
  throw new ConnectError(`${sources.host}: ssh_key ${file} is not a usable private key: ${key.message}.`, {
    host: sources.host,
  });
}

function tryReadKey(file: string) {
  if (!existsSync(file)) return undefined;
  try {
    const key = parseOneKey(readFileSync(file), undefined);
    return key instanceof Error ? undefined : key;
  } catch {
    return undefined;
  }
}

// Parsed keys (or the parse error) by content and passphrase: every host of a run logs in with the
// same few keys, and decrypting an encrypted one (bcrypt) takes about 0.2 s of blocked CPU each time.
const parsedKeys = new Map<string, ReturnType<typeof parseKeyOnce>>();

function parseOneKey(data: string | Buffer, passphrase: string | undefined) {
  const id = createHash("sha256")
    .update(data)
    .update(passphrase === undefined ? "\0" : `\0\0${passphrase}`)
    .digest("hex");
  let key = parsedKeys.get(id);
  if (!key) {
    key = parseKeyOnce(data, passphrase);
    parsedKeys.set(id, key);
  }
  return key;
}

function parseKeyOnce(data: string | Buffer, passphrase: string | undefined) {
  const parsed = utils.parseKey(data, passphrase);
  if (parsed instanceof Error) return parsed;
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  return key ?? new Error("no key found");
}
