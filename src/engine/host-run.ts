// One host's way through a run: connect, run the deploy files, gather facts, plan, apply, finish.
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { CommandOptions, ConnectContext, Connector } from "../connectors/connector.js";
import { CommandError, ConnectError, isUserError, ModuleLoadError, withoutHostName } from "../errors.js";
import { isUnreadable } from "../facts/fact.js";
import { bindInstance } from "../host/instances.js";
import type { InventoryHost } from "../inventory/types.js";
import { CannotTell, type FactLookup, type OperationPlan } from "../operations/operation.js";
import type { HostStatus, ReportHost, ReportOperation } from "../report/report.js";
import { asSentence } from "../util/sentence.js";
import { ApplyOutput, type OperationOutcome } from "./apply-output.js";
import { applyRunner, buildApplyScript, type ScriptOperation } from "./apply-script.js";
import { describeCannotTell, incompletePlan } from "./cannot-tell.js";
import { DeployContext, type RegisteredOperation } from "./deploy-context.js";
import { describeUnhandledRejection, runInDeployScope } from "./deploy-scope.js";
import { describeCommand, fingerprintCommands } from "./describe-command.js";
import { FactGatherer } from "./fact-gatherer.js";
import { fatalLines } from "./fatal-lines.js";
import { runsAs, sudoOptions } from "./global-args.js";
import { PlannedFiles } from "./planned-files.js";
import { createPrepareContext, type TemplateGlobals } from "./prepare-context.js";

export interface PlannedOperation {
  registered: RegisteredOperation;
  plan?: OperationPlan;
  // Why the operation could not be planned.
  error?: string;
  // Set (with `error`) when a fact it reads could not be read: the plan cannot tell what it would do.
  cannotTell?: boolean;
  // Set when _run_once gave it to another host, or _if is false at plan time.
  skipReason?: string;
  outcome?: OperationOutcome;
  // Why it did not run on apply, when it was to run and never began.
  notRun?: string;
  durationMs: number;
}

let runCounter = 0;

// What a host reaches the world through (see EngineSeams).
export interface HostSeams {
  connect(host: InventoryHost, context: ConnectContext): Connector;
  now(): number;
  // Runs one deploy file for one host (its instance binds `import … from "infra-action"`).
  loadDeploy(file: string, instance: string): Promise<unknown>;
}

// How long a host's deploy code may take to run (it only registers operations and reads facts).
export const defaultDeployDeadlineMs = 300_000;

export class HostRun {
  status: HostStatus | "pending" = "pending";
  // The status the plan gave (apply may change `status`; the plan digest keeps this one).
  plannedStatus: HostStatus | "pending" = "pending";
  error?: string;
  image?: string;
  executions = 0;
  operations: PlannedOperation[] = [];
  private connector?: Connector;
  // While applying: the operations to run, and those whose script part has begun them.
  private applying: PlannedOperation[] = [];
  private readonly began = new Set<number>();
  // The output of the script now running, by operation (kept for those that never ended).
  private lastOutput: { get(index: number): { stdout: string; stderr: string } | undefined } = {
    get: () => undefined,
  };
  // Set by interrupt(): what apply learns afterwards (killed commands) does not rewrite the story.
  private interrupted = false;
  // This host's own time (connect to done, without waiting for other hosts or a confirmation).
  private activeMs = 0;
  private activeSince?: number;
  // Set while the deploy files run: stops their evaluation (unhandled rejection, deadline).
  private stopEvaluation?: (error: Error) => void;
  // An unhandled rejection from this host's deploy code after its evaluation.
  private deployFailure?: string;
  // Set by the engine when apply begins for this host.
  applyBegun = false;
  private readonly instance: string;

  constructor(
    readonly host: InventoryHost,
    private readonly context: ConnectContext,
    private readonly seams: HostSeams,
  ) {
    this.instance = `${process.pid}-${++runCounter}-${host.name}`;
  }

  get failed(): boolean {
    return this.status === "failed" || this.status === "unreachable";
  }

  // Runs one stage of this host's work, counting its time as the host's own.
  async timed<T>(work: () => Promise<T>): Promise<T> {
    const since = this.seams.now();
    this.activeSince = since;
    try {
      return await work();
    } finally {
      this.activeMs += this.seams.now() - since;
      this.activeSince = undefined;
    }
  }

  // An unhandled rejection from this host's deploy code: stops its evaluation, or fails the host
  // when it comes later (before apply); the other hosts go on.
  failFromDeployCode(reason: unknown): void {
    const message = describeUnhandledRejection(reason);
    if (this.stopEvaluation) return this.stopEvaluation(new ModuleLoadError(message));
    if (this.deployFailure) return;
    this.deployFailure = message;
    if (this.status === "pending" || this.applyBegun || this.failed) return;
    this.status = "failed";
    this.plannedStatus = "failed";
    this.error = `${asSentence(message)} Nothing was applied on this host.`;
  }

  // Connects, runs the deploy files for this host (within `deadlineMs`) and plans every operation
  // from gathered facts.
  async plan(deployFiles: string[], globals: TemplateGlobals, deadlineMs = defaultDeployDeadlineMs): Promise<void> {
    try {
      this.connector = this.seams.connect(this.host, this.context);
      await this.connector.connect();
    } catch (error) {
      return this.fail(error, error instanceof ConnectError ? "unreachable" : "failed");
    }
    const gatherer = new FactGatherer(this.host.name, this.connector, () => this.executions++);
    const deploy = new DeployContext(this.host, gatherer);
    try {
      bindInstance(this.instance, deploy.api());
      await this.evaluate(deployFiles, deadlineMs);
    } catch (error) {
      return this.fail(error, "failed");
    } finally {
      bindInstance(this.instance, undefined);
      // Operations called later (a missing await) are refused: this host's plan is being made.
      deploy.close();
    }
    const prepareContext = createPrepareContext(
      deployFiles.map((f) => dirname(f)),
      globals,
    );
    // Local work (templates, source files), then every operation's facts in one batch.
    const prepared = await Promise.all(
      deploy.operations.map(async (op) => {
        try {
          return { value: op.definition.prepare ? await op.definition.prepare(op.args, prepareContext) : undefined };
        } catch (error) {
          if (!isUserError(error)) throw error;
          return { error: `${op.location ? `${op.location}: ` : ""}${op.definition.name}: ${error.message}` };
        }
      }),
    );
    // Facts are read as the operation runs: with its sudo settings (a root-only file needs _sudo).
    const values = new Map<string, unknown>();
    const sudoOf = (op: RegisteredOperation): CommandOptions => sudoOptions(op.global);
    const scoped = (op: RegisteredOperation, name: string, args: unknown) => {
      const user = runsAs(sudoOf(op));
      return `${user ? `@${user}:` : ""}${lookupKey(name, args)}`;
    };
    try {
      await Promise.all(
        deploy.operations.flatMap((op, i) =>
          prepared[i]?.error
            ? []
            : op.definition.facts(op.args, prepared[i]?.value).map(async (need) => {
                values.set(
                  scoped(op, need.fact.name, need.args),
                  await gatherer.get(need.fact as never, need.args as never, sudoOf(op)),
                );
              }),
        ),
      );
    } catch (error) {
      return this.fail(error, "failed");
    }
    const lookupFor = (op: RegisteredOperation): FactLookup => ({
      get: (fact, args) => {
        const key = scoped(op, fact.name, args);
        if (!values.has(key)) throw new Error(`internal: fact ${key} was read but not declared`);
        const value = values.get(key);
        if (isUnreadable(value)) throw new CannotTell(value.unreadable);
        return value as never;
      },
    });
    // In order: an operation's _if sees the earlier ones' status, and its file reads their writes.
    const plannedFiles = new PlannedFiles();
    this.operations = deploy.operations.map((registered, i) => {
      const op = planOperation(registered, prepared[i], plannedFiles.lookup(lookupFor(registered)), this.seams.now);
      registered.handle.status = op.error ? "failed" : op.plan?.changed ? "changed" : "unchanged";
      const skip = op.plan?.changed ? conditionSkip(op) : undefined;
      if (skip) {
        op.skipReason = skip;
        registered.handle.status = "skipped";
      }
      if (op.plan?.changed && !skip) plannedFiles.record(op.plan.commands, lookupFor(registered));
      return op;
    });
    // Facts the deploy code asked for and did not await: their rejections surface before the verdict.
    await Promise.all(deploy.factReads);
    await new Promise((resolve) => setImmediate(resolve));
    if (this.deployFailure) {
      this.status = "failed";
      this.plannedStatus = "failed";
      this.error = `${asSentence(this.deployFailure)} Nothing was applied on this host.`;
      return;
    }
    const planFailure = this.operations.find((op) => op.error && !op.cannotTell);
    const unknown = this.operations.filter((op) => op.cannotTell);
    if (unknown.length && !planFailure) {
      this.status = "failed";
      this.plannedStatus = "failed";
      this.error = incompletePlan(
        unknown.map((op) => op.registered.label),
        unknown[0]?.error ?? "",
      );
      return;
    }
    if (planFailure) {
      this.status = "failed";
      this.plannedStatus = "failed";
      this.error = `${asSentence(planFailure.error ?? "")} Nothing was applied on this host.`;
      return;
    }
    this.status = this.operations.some((op) => this.willRun(op)) ? "changed" : "unchanged";
    this.plannedStatus = this.status;
  }

  // Runs the deploy files in this host's scope; an unhandled rejection from them, or the deadline
  // passing, stops the evaluation with a clear error.
  private async evaluate(deployFiles: string[], deadlineMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const stopped = new Promise<never>((_, reject) => {
      this.stopEvaluation = reject;
      timer = setTimeout(
        () =>
          reject(
            new ModuleLoadError(
              `deploy code did not finish within ${deadlineMs / 1000} s (a promise that never settles?); nothing was applied on this host. Raise the limit with --deploy-timeout SECONDS when it needs longer.`,
            ),
          ),
        deadlineMs,
      );
    });
    const scope = { fail: (reason: unknown) => this.failFromDeployCode(reason) };
    try {
      await Promise.race([
        runInDeployScope(scope, async () => {
          for (const file of deployFiles) await this.seams.loadDeploy(file, this.instance);
        }),
        stopped,
      ]);
    } finally {
      clearTimeout(timer);
      this.stopEvaluation = undefined;
    }
  }

  // Applies the changed operations as one remote script (one per part when a reboot splits them);
  // the first failing operation stops the host unless it has _ignore_errors. Every operation that
  // was to run either has an outcome or says why it did not run, and then the host has failed.
  async apply(): Promise<void> {
    if (this.failed || !this.connector) return;
    const toRun = this.operations.filter((op) => this.willRun(op));
    if (toRun.length === 0) return;
    this.applying = toRun;
    const byIndex = new Map(this.operations.map((op) => [op.registered.index, op]));
    const changed: number[] = [];
    // Why the rest stopped when it was not an operation's failure (lost connection, lock, reboot).
    let stopped: string | undefined;
    for (const part of splitAtReboots(toRun)) {
      try {
        await this.runScript(part, byIndex, changed);
      } catch (error) {
        if (!isUserError(error)) throw error;
        stopped = this.withoutHost(error.message);
        break;
      }
      for (const op of part) if (op.outcome?.status === "ok") changed.push(op.registered.index);
      const last = part.at(-1);
      const reboot = last?.plan?.changed ? last.plan.commands.find((c) => c.type === "reboot") : undefined;
      if (reboot?.type === "reboot" && last?.outcome?.status === "ok") {
        try {
          await this.waitForReboot(reboot.delay, reboot.interval, reboot.timeout);
        } catch (error) {
          if (!isUserError(error)) throw error;
          stopped = this.withoutHost(error.message);
          break;
        }
      }
      if (part.some((op) => op.outcome?.status === "failed" && !op.registered.global.ignoreErrors)) break;
    }
    if (this.interrupted) return;
    const stopping = toRun.find((op) => op.outcome?.status === "failed" && !op.registered.global.ignoreErrors);
    for (const op of toRun) {
      if (op.outcome) continue;
      if (this.began.has(op.registered.index)) {
        const printed = this.lastOutput.get(op.registered.index);
        const why = `did not finish: ${stopped ?? "the apply script stopped while it ran"}`;
        op.outcome = {
          status: "failed",
          stdout: printed?.stdout ?? "",
          stderr: `${printed?.stderr ?? ""}\n${why}`.trim(),
        };
      } else {
        op.notRun = stopping
          ? "not run: an earlier operation failed"
          : stopped
            ? `not run: ${stopped}`
            : "not run: the apply script ended before it";
      }
    }
    for (const op of toRun) {
      op.registered.handle.status =
        op.outcome?.status === "ok" ? "changed" : op.outcome?.status === "failed" ? "failed" : "skipped";
    }
    const applied = toRun.filter((op) => op.outcome?.status === "ok").map((op) => `"${op.registered.label}"`);
    const notRun = toRun.filter((op) => op.notRun).length;
    const rest = notRun ? `; ${notRun} operation${notRun === 1 ? "" : "s"} after it did not run` : "";
    if (stopping) {
      this.status = "failed";
      const why = fatalLines(stopping.outcome?.stderr ?? "");
      this.error = `operation "${stopping.registered.label}" failed with exit code ${stopping.outcome?.exitCode ?? "?"}${why ? `: ${why}` : ""}${rest}.`;
    } else if (
      stopped ||
      notRun ||
      toRun.some((op) => op.outcome?.status === "failed" && !op.registered.global.ignoreErrors)
    ) {
      this.status = "failed";
      const unfinished = toRun.find((op) => op.outcome?.status === "failed");
      this.error = `${stopped ?? `the apply script ended before running ${notRun} planned operation${notRun === 1 ? "" : "s"}.`}${stopped && !/[.!?]$/.test(stopped) ? "." : ""}${unfinished ? ` "${unfinished.registered.label}" did not finish.` : ""} Applied before that: ${applied.length ? applied.join(", ") : "nothing"}; ${notRun} planned operation${notRun === 1 ? "" : "s"} did not run.`;
    }
  }

  // Runs one script of operations and records each one's outcome (and files.get downloads).
  private async runScript(
    part: PlannedOperation[],
    byIndex: Map<number, PlannedOperation>,
    changedBefore: number[],
  ): Promise<void> {
    const connector = this.connector as Connector;
    const nonce = randomBytes(6).toString("hex");
    const scriptOps: ScriptOperation[] = part.map((op) => ({
      index: op.registered.index,
      commands: op.plan?.changed ? op.plan.commands : [],
      global: op.registered.global,
      requires: requiredIndexes(op, byIndex),
    }));
    const script = buildApplyScript(
      scriptOps,
      (command, options) => connector.wrapCommand(command, options),
      nonce,
      changedBefore,
    );
    const password = scriptOps.find((op) => op.global.sudoPassword)?.global.sudoPassword;
    const started = new Map<number, number>();
    const byScriptIndex = new Map(part.map((op) => [op.registered.index, op]));
    // Outcomes as the markers stream in, so an interruption still knows what was applied.
    const output = new ApplyOutput(nonce, {
      begin: (index) => {
        this.began.add(index);
        started.set(index, this.seams.now());
      },
      end: (index, exitCode) => {
        const op = byScriptIndex.get(index);
        if (!op) return;
        op.outcome = { status: exitCode === 0 ? "ok" : "failed", exitCode, stdout: "", stderr: "" };
        op.durationMs = this.seams.now() - (started.get(index) ?? this.seams.now());
      },
    });
    this.lastOutput = { get: (index) => output.output(index) };
    this.executions++;
    const result = await connector.run(applyRunner(), {
      stdin: script,
      ...(password ? { sudoPassword: password } : {}),
      onOutput: (stream, chunk) => output.push(stream, chunk),
    });
    output.finish(result.exitCode);
    const said = fatalLines(output.outsideStderr());
    if (output.locked) throw new CommandError(said || "another apply holds the host's lock");
    if (!output.staged) {
      throw new CommandError(
        `could not start the apply script (exit code ${result.exitCode})${said ? `: ${said}` : ""}; nothing was applied by it.`,
      );
    }
    for (const op of part) {
      const outcome = output.outcome(op.registered.index);
      if (outcome) op.outcome = outcome;
      const get = op.plan?.changed ? op.plan.commands.find((c) => c.type === "get") : undefined;
      if (get?.type === "get" && op.outcome?.status === "ok") {
        try {
          this.executions++;
          await writeFile(get.local, await connector.getFile(get.path, op.registered.global));
        } catch (error) {
          op.outcome = { status: "failed", stdout: "", stderr: (error as Error).message };
        }
      }
    }
    const failed = part.some((op) => op.outcome?.status === "failed" && !op.registered.global.ignoreErrors);
    if (!output.done && !failed) {
      throw new CommandError(
        `the apply script stopped unexpectedly (exit code ${result.exitCode})${said ? `: ${said}` : ""}.`,
      );
    }
  }

  // After a reboot: wait, then reconnect every `interval` seconds until `timeout`.
  private async waitForReboot(delay: number, interval: number, timeout: number): Promise<void> {
    await this.connector?.disconnect().catch(() => undefined);
    await sleep(delay * 1000);
    const deadline = this.seams.now() + timeout * 1000;
    let last = "";
    while (this.seams.now() < deadline) {
      const connector = this.seams.connect(this.host, this.context);
      try {
        await connector.connect();
        this.connector = connector;
        return;
      } catch (error) {
        last = (error as Error).message;
        await sleep(interval * 1000);
      }
    }
    throw new ConnectError(`the host did not come back within ${timeout}s of rebooting${last ? ` (${last})` : ""}.`);
  }

  // Disconnects; on apply, a container made from an image is committed and its image reported.
  async finish(commit: boolean): Promise<void> {
    const connector = this.connector;
    if (!connector) return;
    this.connector = undefined;
    try {
      const result = await connector.disconnect({ commit: commit && this.status === "changed" });
      if (result.image) this.image = result.image;
    } catch (error) {
      if (!this.error) this.error = `could not disconnect cleanly: ${(error as Error).message}`;
    }
  }

  // Whether the operation runs on apply (it changes, and neither _if nor _run_once stops it).
  willRun(op: PlannedOperation): boolean {
    return Boolean(op.plan?.changed) && !op.skipReason;
  }

  // Status and error for the report; deploy code failing after apply began fails the host too.
  private reportStatus(): Pick<ReportHost, "status" | "error"> {
    const late = this.deployFailure && !this.error?.includes(this.deployFailure) ? this.deployFailure : undefined;
    const status = late || this.status === "pending" ? "failed" : this.status;
    const error = [this.error, late].filter(Boolean).join(" ");
    return { status, ...(error ? { error } : {}) };
  }

  // The host's part of the report.
  report(mode: "plan" | "apply"): ReportHost {
    return {
      name: this.host.name,
      groups: this.host.groups,
      connector: this.host.connector,
      ...this.reportStatus(),
      ...(this.image ? { image: this.image } : {}),
      durationMs: Math.round(
        this.activeMs + (this.activeSince === undefined ? 0 : this.seams.now() - this.activeSince),
      ),
      executions: this.executions,
      operations: this.operations.map((op) => reportOperation(op, mode, this.notRunReason())),
    };
  }

  // Marks the host as interrupted (SIGINT/SIGTERM): what was applied and what was not, as known
  // from the markers seen so far.
  interrupt(signal: string): void {
    this.interrupted = true;
    if (this.status === "pending") {
      this.status = "failed";
      this.error = `interrupted by ${signal} before applying; nothing was applied on this host.`;
      return;
    }
    if (this.applying.length === 0) return;
    for (const op of this.applying) {
      if (op.outcome) continue;
      if (this.began.has(op.registered.index))
        op.outcome = { status: "failed", stdout: "", stderr: `interrupted by ${signal} while running` };
    }
    const applied = this.applying.filter((op) => op.outcome?.status === "ok").map((op) => `"${op.registered.label}"`);
    const notApplied = this.applying
      .filter((op) => op.outcome?.status !== "ok")
      .map((op) => `"${op.registered.label}"`);
    this.status = "failed";
    this.error = `interrupted by ${signal} during apply. Applied: ${applied.join(", ") || "nothing"}. Not applied: ${notApplied.join(", ") || "nothing"}.`;
  }

  // Why a changing operation did not run on apply, when apply did not say (it never started).
  private notRunReason(): string {
    if (this.plannedStatus === "failed") return "not applied: an operation of this host failed to plan";
    if (this.error?.startsWith("not applied:")) return this.error;
    if (this.error) return `not run: ${this.error}`;
    return "not run: apply did not reach this host";
  }

  // The digest's view of this host's plan.
  digestEntry() {
    return {
      host: this.host.name,
      status: this.plannedStatus === "pending" ? ("failed" as const) : this.plannedStatus,
      operations: this.operations.map((op) => ({
        name: op.registered.label,
        op: op.registered.definition.name,
        status: op.error ? "failed" : op.skipReason ? "skipped" : op.plan?.changed ? "changed" : "unchanged",
        fingerprint: op.plan?.changed ? fingerprintCommands(op.plan.commands) : (op.error ?? ""),
      })),
    };
  }

  private fail(error: unknown, status: "failed" | "unreachable"): void {
    if (!isUserError(error)) throw error;
    this.status = status;
    this.plannedStatus = status;
    this.error = this.withoutHost(error.message);
  }

  // Messages name the host; the report already does.
  private withoutHost(message: string): string {
    return withoutHostName(message, this.host.name);
  }
}

// Plans one operation from its prepared local work and its facts; a user mistake becomes its error.
function planOperation(
  registered: RegisteredOperation,
  ready: { value?: unknown; error?: string } | undefined,
  facts: FactLookup,
  now: () => number,
): PlannedOperation {
  const started = now();
  if (ready?.error) return { registered, error: ready.error, durationMs: 0 };
  try {
    const plan = registered.definition.plan(registered.args, facts, ready?.value);
    return { registered, plan, durationMs: now() - started };
  } catch (error) {
    if (error instanceof CannotTell) {
      const reason = describeCannotTell(error.reason, sudoOptions(registered.global));
      return { registered, error: reason, cannotTell: true, durationMs: 0 };
    }
    if (!isUserError(error)) throw error;
    const where = registered.location ? `${registered.location}: ` : "";
    return { registered, error: `${where}${registered.definition.name}: ${error.message}`, durationMs: 0 };
  }
}

// Why `_if` keeps an operation from running, judged at plan time (booleans, functions, and
// operations that will not change); undefined when it may run.
function conditionSkip(op: PlannedOperation): string | undefined {
  const condition = op.registered.global.if;
  if (condition === undefined) return undefined;
  if (typeof condition === "boolean") return condition ? undefined : "_if is false";
  if (typeof condition === "function") {
    let value: boolean;
    try {
      value = Boolean(condition());
    } catch (error) {
      if (!isUserError(error)) throw error;
      return `_if failed: ${error.message}`;
    }
    return value ? undefined : "_if returned false";
  }
  const unchanged = condition.filter((handle) => handle.status !== "changed");
  return unchanged.length ? `_if: ${unchanged.map((h) => `"${h.name}"`).join(", ")} will not change` : undefined;
}

// Splits operations into parts that each end with a reboot (or the last operation).
function splitAtReboots(operations: PlannedOperation[]): PlannedOperation[][] {
  const parts: PlannedOperation[][] = [[]];
  for (const op of operations) {
    parts.at(-1)?.push(op);
    if (op.plan?.changed && op.plan.commands.some((c) => c.type === "reboot")) parts.push([]);
  }
  return parts.filter((part) => part.length);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function lookupKey(name: string, args: unknown): string {
  return `${name}(${JSON.stringify(args ?? null)})`;
}

// `_if` operations, by index, that must have changed for this one to run.
function requiredIndexes(op: PlannedOperation, byIndex: Map<number, PlannedOperation>): number[] {
  const condition = op.registered.global.if;
  if (!Array.isArray(condition)) return [];
  return [...byIndex.values()]
    .filter((other) => condition.includes(other.registered.handle))
    .map((other) => other.registered.index);
}

function reportOperation(op: PlannedOperation, mode: "plan" | "apply", notRunReason: string): ReportOperation {
  const base = { name: op.registered.label, op: op.registered.definition.name, durationMs: Math.round(op.durationMs) };
  if (op.error) return { ...base, status: "failed", reason: op.error, commands: [] };
  const plan = op.plan as OperationPlan;
  if (!plan.changed) return { ...base, status: "unchanged", reason: plan.reason, commands: [] };
  const commands = plan.commands.map(describeCommand);
  const extra = { ...(plan.reason ? { reason: plan.reason } : {}), ...(plan.diff ? { diff: plan.diff } : {}) };
  if (op.skipReason) return { ...base, status: "skipped", reason: op.skipReason, commands };
  if (mode === "plan") return { ...base, status: "changed", commands, ...extra };
  const outcome = op.outcome;
  if (!outcome) return { ...base, status: "skipped", reason: op.notRun ?? notRunReason, commands };
  if (outcome.status === "skipped")
    return { ...base, status: "skipped", reason: "not run: its _if operations did not change", commands };
  if (outcome.status === "failed") {
    return {
      ...base,
      status: "failed",
      commands,
      ...extra,
      ...(outcome.exitCode !== undefined ? { exitCode: outcome.exitCode } : {}),
      stderr: outcome.stderr.trim(),
    };
  }
  return { ...base, status: "changed", commands, ...extra };
}
