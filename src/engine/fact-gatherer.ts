// Gathers facts for one host: cached for the run (the engine's only fact cache), and batched — every fact asked for in the same
// tick (by deploy code or by the operations being planned) comes back from one remote execution.
// A value may be an `Unreadable` (the host would not tell, and why): callers decide what that means.
import { randomBytes } from "node:crypto";
import type { CommandOptions, Connector } from "../connectors/connector.js";
import { FactError, notConnected } from "../errors.js";
import type { Fact, Unreadable } from "../facts/fact.js";
import { escalationKey } from "./global-args.js";
import { markedSections, markerFunctions, nestedPart, scriptRunner, stagedScript } from "./markers.js";

interface Pending {
  key: string;
  fact: Fact<unknown, unknown>;
  args: unknown;
  sudo: CommandOptions;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class FactGatherer {
  private readonly cache = new Map<string, Promise<unknown>>();
  // Values gathered so far, for planning (which reads them synchronously).
  private readonly settled = new Map<string, unknown>();
  private pending: Pending[] = [];
  private scheduled = false;

  constructor(
    private readonly host: string,
    // The host's connection now: a reboot replaces it, and there is none once the host is done.
    private readonly connection: () => Connector | undefined,
    // Counts remote executions (the report and the benchmark show them).
    private readonly onExecution: () => void,
  ) {}

  // The fact's value for these arguments (or why it could not be read); asked again, the same promise.
  get<A, R>(fact: Fact<A, R>, args?: A, sudo: CommandOptions = {}): Promise<R | Unreadable> {
    const key = factKey(fact, args, sudo);
    const cached = this.cache.get(key);
    if (cached) return cached as Promise<R | Unreadable>;
    const promise = new Promise<unknown>((resolve, reject) => {
      const settle = (value: unknown) => {
        this.settled.set(key, value);
        resolve(value);
      };
      this.pending.push({ key, fact: fact as Fact<unknown, unknown>, args, sudo, resolve: settle, reject });
    });
    this.cache.set(key, promise);
    this.schedule();
    return promise as Promise<R | Unreadable>;
  }

  // A value already gathered (or why it could not be read), by fact, arguments and user; asking
  // for one never gathered is a bug (an operation read a fact it did not declare).
  lookup<A, R>(fact: Fact<A, R>, args?: A, sudo: CommandOptions = {}): R | Unreadable {
    const key = factKey(fact, args, sudo);
    if (!this.settled.has(key)) throw new Error(`internal: fact ${key} was read but not declared`);
    return this.settled.get(key) as R | Unreadable;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate runs after the current tick's promise jobs: requests made together batch together.
    setImmediate(() => {
      this.scheduled = false;
      const batch = this.pending;
      this.pending = [];
      if (batch.length) void this.gather(batch);
    });
  }

  private async gather(batch: Pending[]): Promise<void> {
    const connector = this.connection();
    if (!connector) {
      const error = notConnected(this.host);
      for (const p of batch) p.reject(error);
      return;
    }
    const nonce = randomBytes(6).toString("hex");
    const password = batch.find((p) => p.sudo.sudoPassword)?.sudo.sudoPassword;
    // Facts run as the same user (the same way) share one wrapper (one sudo, not one per fact); each still prints
    // its own markers.
    const groups = new Map<string, Array<{ p: Pending; i: number }>>();
    batch.forEach((p, i) => {
      const key = escalationKey(p.sudo);
      groups.set(key, [...(groups.get(key) ?? []), { p, i }]);
    });
    const parts = [...groups].map(([key, members]) => {
      const body = members.map(({ p, i }) => factScript(p, i, batch.length + i)).join("\n");
      if (!key) return body;
      // A shell of its own (through sudo): the nonce and the facts' commands come on its input, never
      // on its command line (which any user of the host may read).
      const sudo = { ...(members[0]?.p.sudo ?? {}), keepStdin: true };
      const part = nestedPart(nonce, body, "fact script");
      return `${part.input} | ${connector.wrapCommand(part.command, sudo)}`;
    });
    const script = stagedScript(nonce, [markerFunctions(nonce), ...parts].join("\n"));
    try {
      this.onExecution();
      const result = await connector.run(scriptRunner("fact script"), {
        stdin: script,
        ...(password ? { sudoPassword: password } : {}),
      });
      const sections = markedSections(result.stdout, nonce);
      batch.forEach((p, i) => {
        const section = sections.get(i);
        if (section?.exitCode === undefined) {
          p.reject(
            new FactError(
              `${this.host}: fact ${p.fact.name} gave no answer${result.stderr ? `: ${result.stderr.trim()}` : ""}`,
              { host: this.host, exitCode: result.exitCode, stderr: result.stderr },
            ),
          );
          return;
        }
        const stderr = lastLines(sections.get(batch.length + i)?.output ?? "");
        try {
          p.resolve(p.fact.parse({ stdout: section.output, stderr, exitCode: section.exitCode }, p.args as never));
        } catch (error) {
          p.reject(
            new FactError(`${this.host}: fact ${p.fact.name} could not be read: ${(error as Error).message}`, {
              host: this.host,
              cause: error,
            }),
          );
        }
      });
    } catch (error) {
      for (const p of batch) p.reject(error as Error);
    }
  }
}

// One fact's part of the batch: its output between markers, then (when it said anything on stderr)
// its stderr as part `errorPart`, so its parse can tell "missing" from "may not read". Only shell
// builtins around the command: the command substitution's shell runs a simple command in place.
function factScript(p: Pending, part: number, errorPart: number): string {
  const command = p.fact.command(p.args as never);
  // stdout goes straight out (fd 3); stderr is kept in $e. The assignment's status is the command's.
  const run = `{ e=$( ( ${command}\n) 2>&1 1>&3 3>&- </dev/null ); } 3>&1; r=$?`;
  const errors = `[ -z "$e" ] || { __ia_out begin:${errorPart}; printf '%s' "$e"; __ia_out end:${errorPart}:0; }`;
  return `__ia_out begin:${part}; ${run}; __ia_out "end:${part}:$r"; ${errors}`;
}

// The last lines of a fact's stderr: enough to say why, however much it printed.
function lastLines(text: string, count = 20): string {
  return text.split("\n").slice(-count).join("\n");
}

function factKey(fact: Fact<never, unknown>, args: unknown, sudo: CommandOptions): string {
  const user = escalationKey(sudo);
  return `${fact.name}(${JSON.stringify(args ?? null)})${user ? `@${user}` : ""}`;
}
