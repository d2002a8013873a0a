// What an operation call returns: its `changed`, known once infra-action has planned (or applied) it.
import { UserError } from "../errors.js";

export type OperationStatus = "pending" | "changed" | "unchanged" | "failed" | "skipped";

export class OperationHandle {
  status: OperationStatus = "pending";
  // What the operation printed on apply (set as soon as it ended: python.call functions read it).
  stdout = "";
  stderr = "";

  constructor(readonly name: string) {}

  // True when the operation changed (in a plan: would change) the host.
  get changed(): boolean {
    if (this.status === "pending") {
      throw new UserError(
        `"${this.name}".changed is not known while the deploy file runs: infra-action plans after it. Pass the operation as _if to run another only when it changed.`,
      );
    }
    return this.status === "changed";
  }
}

// Tells whether a value is an operation handle.
export function isOperationHandle(value: unknown): value is OperationHandle {
  return value instanceof OperationHandle;
}
