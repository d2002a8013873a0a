// The values the CLI never prints or writes: those of the environment variables named with
// `--secret`, and the passwords in host data. Everything the CLI prints goes through `io`, and every
// report it writes through `redact`.
import { UsageError } from "../errors.js";
import { createRedactor, redactDeep, secretDataValues } from "../report/redact.js";
import type { CliIo } from "./io.js";

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export class CliSecrets {
  readonly io: CliIo;
  #values = new Set<string>();
  #redact = (text: string) => text;

  constructor(io: CliIo) {
    this.io = {
      stdout: (text) => io.stdout(this.redact(text)),
      stderr: (text) => io.stderr(this.redact(text)),
    };
  }

  redact = (text: string): string => this.#redact(text);

  redactDeep<T>(value: T): T {
    return redactDeep(value, this.redact);
  }

  // `--secret NAME` (repeatable, comma-separated): each must name a set environment variable, so a
  // typo never leaves a secret unredacted.
  addEnvironment(names: readonly string[]): void {
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
      this.add([value]);
    }
  }

  // The passwords in host data (_sudo_password, ssh_password, ssh_key_password).
  addHostData(hosts: Iterable<{ data: Record<string, unknown> }>): void {
    this.add(secretDataValues(hosts));
  }

  private add(values: readonly string[]): void {
    const before = this.#values.size;
    for (const value of values) this.#values.add(value);
    if (this.#values.size !== before) this.#redact = createRedactor(this.#values);
  }
}
