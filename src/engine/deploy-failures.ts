// Unhandled rejections from one host's deploy code (its DeployScope): while the code runs they stop
// its evaluation; afterwards the first one is kept for the host's verdict, and `late` is told.
import { ModuleLoadError } from "../errors.js";
import { type DeployScope, describeUnhandledRejection } from "./deploy-scope.js";

// One host's DeployScope: what its deploy code's unhandled rejections do.
export class DeployCodeFailures implements DeployScope {
  // Set while the deploy files run: stops their evaluation.
  stopEvaluation?: (error: Error) => void;
  // The first unhandled rejection after the evaluation, described.
  failure?: string;

  // `late` hears of the first rejection after the evaluation (the host decides what it means then).
  constructor(private readonly late: (message: string) => void) {}

  // Stops the evaluation, or records the rejection and tells the host.
  fail(reason: unknown): void {
    const message = describeUnhandledRejection(reason);
    if (this.stopEvaluation) {
      this.stopEvaluation(new ModuleLoadError(message));
      return;
    }
    if (this.failure) return;
    this.failure = message;
    this.late(message);
  }
}
