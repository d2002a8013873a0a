// One host's way through a run: connect, plan (plan-host.ts), apply (apply-host.ts), finish. It
// keeps where the host got to, for the report (host-report.ts) and for an interruption.
import type { ConnectContext, Connector } from "../connectors/connector.js";
import { ConnectError, isUserError, withoutHostName } from "../errors.js";
import type { InventoryHost } from "../inventory/types.js";
import type { HostStatus, ReportHost } from "../report/report.js";
import { nothingApplied } from "../util/sentence.js";
import { ApplyProgress, applyHost, interruptApply } from "./apply-host.js";
import { DeployCodeFailures } from "./deploy-failures.js";
import { digestEntry, reportHost } from "./host-report.js";
import { type PlannedOperation, willRun } from "./host-status.js";
import { HostTimeline } from "./host-timeline.js";
import { planHost } from "./plan-host.js";
import type { TemplateGlobals } from "./prepare-context.js";

let runCounter = 0;

// What a host reaches the world through (see EngineSeams).
export interface HostSeams {
  connect(host: InventoryHost, context: ConnectContext): Connector;
  now(): number;
  // When the run began (the host's timing is reported from it).
  startedAt: number;
  // Runs one deploy file for one host (its instance binds `import … from "infra-action"`).
  loadDeploy(file: string, instance: string): Promise<unknown>;
}

// How long a host's deploy code may take to run (it only registers operations and reads facts).
const defaultDeployDeadlineMs = 300_000;

// One host's run: its stages in order, and where it got to (read by the report and interrupt()).
export class HostRun {
  private status: HostStatus | "pending" = "pending";
  // The status the plan gave (apply may change `status`; the plan digest keeps this one).
  private plannedStatus: HostStatus | "pending" = "pending";
  private error?: string;
  // Why apply did not go to this host though it planned well.
  private refused?: string;
  private image?: string;
  private executions = 0;
  private operations: PlannedOperation[] = [];
  // The host's connection while it is connected (a reboot replaces it).
  private readonly link: { connector?: Connector } = {};
  private readonly progress = new ApplyProgress();
  private readonly deployCode = new DeployCodeFailures((message) => this.failLate(message));
  // Set by interrupt(): later news (killed commands, a plan finishing) does not rewrite the story.
  private interrupted = false;
  private finishing?: Promise<void>;
  // Set by the plan: ends the deploy code's access to this host (called by disconnect).
  private releaseDeploy?: () => void;
  // This host's own time (connect to done, without waiting for other hosts or a confirmation).
  private activeMs = 0;
  private activeSince?: number;
  // Set when apply begins for this host.
  private applyBegun = false;
  private readonly instance: string;
  private readonly timeline: HostTimeline;

  constructor(
    readonly host: InventoryHost,
    private readonly context: ConnectContext,
    private readonly seams: HostSeams,
  ) {
    this.instance = `${process.pid}-${++runCounter}-${host.name}`;
    this.timeline = new HostTimeline(seams.now, seams.startedAt);
  }

  get failed(): boolean {
    return this.status === "failed" || this.status === "unreachable";
  }

  // The operations that run on apply.
  get toApply(): PlannedOperation[] {
    return this.operations.filter(willRun);
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

  // Connects, then plans: runs the deploy files for this host (within `deadlineMs`) and plans every
  // operation from gathered facts.
  async plan(deployFiles: string[], globals: TemplateGlobals, deadlineMs = defaultDeployDeadlineMs): Promise<void> {
    if (this.interrupted) return;
    this.timeline.begin("connect");
    try {
      const connector = this.seams.connect(this.host, this.context);
      this.link.connector = connector;
      await connector.connect();
      // Interrupted while connecting: the clean-up may have come before the connection was made.
      if (this.interrupted) {
        await connector.disconnect().catch(() => undefined);
        return;
      }
    } catch (error) {
      if (!isUserError(error)) throw error;
      const status = error instanceof ConnectError ? "unreachable" : "failed";
      // Messages name the host; the report already does.
      this.timeline.end();
      return this.settlePlan(status, withoutHostName(error.message, this.host.name));
    }
    const plan = await planHost({
      phase: (phase) => this.timeline.begin(phase),
      host: this.host,
      connection: () => this.link.connector,
      deployFiles,
      globals,
      deadlineMs,
      instance: this.instance,
      loadDeploy: this.seams.loadDeploy,
      now: this.seams.now,
      deployCode: this.deployCode,
      countExecution: () => this.executions++,
    });
    this.timeline.end();
    this.releaseDeploy = plan.release;
    if (this.interrupted) return plan.release();
    this.operations = plan.operations;
    this.settlePlan(plan.status, plan.error);
  }

  // Applies the plan's changed operations; the host fails when one of them did not run as it should.
  async apply(): Promise<void> {
    if (this.failed || !this.link.connector) return;
    this.applyBegun = true;
    this.timeline.begin("apply");
    const { error } = await applyHost(this.toApply, this.operations, {
      host: this.host.name,
      link: this.link,
      reconnect: () => this.seams.connect(this.host, this.context),
      now: this.seams.now,
      countExecution: () => this.executions++,
      progress: this.progress,
    });
    this.timeline.end();
    if (this.interrupted || error === undefined) return;
    this.status = "failed";
    this.error = error;
  }

  // Keeps apply from this host though its plan holds (--fail-percent), saying why.
  refuse(reason: string): void {
    this.status = "failed";
    this.error = reason;
    this.refused = reason;
  }

  // Gives `op` to another host (`_run_once`); a host left with nothing to run is unchanged.
  skip(op: PlannedOperation, reason: string): void {
    op.skipReason = reason;
    op.registered.handle.status = "skipped";
    if (this.status === "changed" && !this.operations.some(willRun)) {
      this.status = "unchanged";
      this.plannedStatus = "unchanged";
    }
  }

  // Disconnects, once: every caller (the run's end, an interruption) waits for the same disconnect,
  // so a container being committed is removed before the process may exit.
  finish(commit: boolean): Promise<void> {
    this.finishing ??= this.disconnect(commit);
    return this.finishing;
  }

  // On apply, a container made from an image is committed and its image reported.
  private async disconnect(commit: boolean): Promise<void> {
    this.releaseDeploy?.();
    const connector = this.link.connector;
    if (!connector) return;
    this.link.connector = undefined;
    try {
      const result = await connector.disconnect({ commit: commit && this.status === "changed" });
      if (result.image) this.image = result.image;
    } catch (error) {
      if (!this.error) this.error = `could not disconnect cleanly: ${(error as Error).message}`;
    }
  }

  // Marks the host as interrupted (SIGINT/SIGTERM): what was applied and what was not, as known
  // from the markers seen so far. `applying`: the run's apply stage had begun (a host with changes
  // whose turn had not come, such as one of a later batch, applied nothing).
  interrupt(signal: string, applying = false): void {
    this.interrupted = true;
    if (this.status === "pending" || (applying && this.status === "changed" && !this.applyBegun)) {
      this.status = "failed";
      this.error = `interrupted by ${signal} before applying; nothing was applied on this host.`;
      return;
    }
    const error = interruptApply(this.progress, signal);
    if (error === undefined) return;
    this.status = "failed";
    this.error = error;
  }

  // The host's part of the report.
  report(mode: "plan" | "apply"): ReportHost {
    return reportHost(this.outcome(), mode);
  }

  // The digest's view of this host's plan.
  digestEntry() {
    return digestEntry(this.outcome());
  }

  private outcome() {
    const running = this.activeSince === undefined ? 0 : this.seams.now() - this.activeSince;
    return {
      host: this.host,
      status: this.status,
      plannedStatus: this.plannedStatus,
      ...(this.error ? { error: this.error } : {}),
      ...(this.refused ? { refused: this.refused } : {}),
      ...(this.deployCode.failure ? { deployFailure: this.deployCode.failure } : {}),
      ...(this.image ? { image: this.image } : {}),
      durationMs: this.activeMs + running,
      executions: this.executions,
      timing: this.timeline.report(),
      operations: this.operations,
      applied: this.progress,
    };
  }

  // The plan's verdict.
  private settlePlan(status: HostStatus, error: string | undefined): void {
    this.status = status;
    this.plannedStatus = status;
    if (error !== undefined) this.error = error;
  }

  // Deploy code failing after its evaluation, before apply began: nothing is applied on this host.
  // (While planning, the plan sees it; once apply began, the report adds it.)
  private failLate(message: string): void {
    if (this.status === "pending" || this.applyBegun || this.failed) return;
    this.status = "failed";
    this.plannedStatus = "failed";
    this.error = nothingApplied(message);
  }
}
