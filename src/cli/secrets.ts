// The values the CLI never prints or writes: those of the environment variables named with
// `--secret`, and the passwords in host data. Everything the CLI prints goes through `io`, and every
// report it writes through `redact`; the same values key the plan digest.
import { UsageError } from "../errors.js";
import {
  createRedactor,
  type NamedSecret,
  redactDeep,
  secretDataValues,
  warnAboutShortSecrets,
} from "../report/redact.js";
import type { CliIo } from "./io.js";

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export class CliSecrets {
  readonly io: CliIo;
  readonly #raw: CliIo;
  #secrets = new Map<string, NamedSecret>();
  #redact = (text: string) => text;

  constructor(io: CliIo) {
    this.#raw = io;
    this.io = {
      stdout: (text) => io.stdout(this.redact(text)),
      stderr: (text) => io.stderr(this.redact(text)),
    };
  }

  redact = (text: string): string => this.#redact(text);

  redactDeep<T>(value: T): T {
    return redactDeep(value, this.redact);
  }

  // The secret values known so far (they key the plan digest).
  get values(): string[] {
    return [...this.#secrets.values()].map((secret) => secret.value);
  }

  // `--secret NAME` (repeatable, comma-separated): each must name a set environment variable, so a
  // typo never leaves a secret unredacted.
  addEnvironment(names: readonly string[]): void {
    const secrets: NamedSecret[] = [];
    for (const name of names.flatMap((n) => n.split(",")).map((n) => n.trim())) {
      if (!ENV_NAME.test(name))
        throw new UsageError(
          "--secret takes the name of an environment variable holding the secret (--secret DB_PASSWORD), never the value (what was given is not shown).",
        );
      const value = process.env[name];
      if (!value)
        throw new UsageError(
          `--secret ${name}: the environment variable ${name} is not set (or empty). Export it before running infra-action.`,
        );
      secrets.push({ name, value });
    }
    this.add(secrets);
  }

  // The passwords in host data (_sudo_password, ssh_password, ssh_key_password, mysql_password).
  addHostData(hosts: Iterable<{ name: string; data: Record<string, unknown> }>): void {
    this.add(secretDataValues(hosts));
  }

  // New values join the redactor; a short one gets a warning naming it (written unredacted: it
  // holds names only, and a name may contain a short secret's characters).
  private add(secrets: readonly NamedSecret[]): void {
    const added = secrets.filter((secret) => !this.#secrets.has(secret.value));
    if (added.length === 0) return;
    for (const secret of added) if (!this.#secrets.has(secret.value)) this.#secrets.set(secret.value, secret);
    warnAboutShortSecrets(added, (message) => this.#raw.stderr(`warning: ${message}\n`));
    this.#redact = createRedactor(this.#secrets.values());
  }
}
