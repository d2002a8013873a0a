// Rolling batches (`apply --batch N|P%`, Ansible's `serial` with `max_fail_percentage`): hosts are
// applied batch after batch in inventory order, and a batch whose failed hosts are more than
// --fail-percent of it (without --fail-percent: all of it) stops the rollout before the next batch.

// How many hosts a batch holds: a number, or a percentage of the selected hosts (rounded up, at least 1).
export type BatchSize = { hosts: number } | { percent: number };

// One host of a batch, as the rollout sees it.
export interface BatchMember {
  readonly failed: boolean;
  // Keeps apply from this host, saying why.
  refuse(reason: string): void;
}

// How a rollout runs: the batch size, the stop rule's percentage and the engine's hooks.
export interface RolloutOptions<T extends BatchMember> {
  // Absent: one batch of every host (no stop rule).
  batch?: BatchSize;
  failPercent?: number;
  // Applies one batch's hosts (in parallel, `_serial` operations one host at a time).
  applyBatch(members: T[]): Promise<void>;
  // True once the run was interrupted: no further batch starts.
  stopped(): boolean;
  // A host of a later batch was refused when a batch stopped the rollout.
  refused?(member: T): void;
}

// Reads "N" or "P%"; undefined when it is neither (the faces say which flag or input was wrong).
export function parseBatchSize(text: string): BatchSize | undefined {
  const value = text.trim();
  if (/^\d+$/.test(value)) {
    const hosts = Number(value);
    return hosts >= 1 ? { hosts } : undefined;
  }
  const match = /^(\d+(?:\.\d+)?)%$/.exec(value);
  if (!match) return undefined;
  const percent = Number(match[1]);
  return percent > 0 && percent <= 100 ? { percent } : undefined;
}

// What a batch size accepts, for the faces' error messages.
export const batchSizeHelp =
  "must be a whole number of hosts (at least 1) or a percentage of the selected hosts above 0% up to 100%";

// Splits `items` into consecutive batches of `size`, in order.
export function splitIntoBatches<T>(items: readonly T[], size: BatchSize): T[][] {
  const per =
    "hosts" in size ? size.hosts : Math.max(1, Math.ceil(Number(((items.length * size.percent) / 100).toFixed(9))));
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += per) batches.push(items.slice(i, i + per));
  return batches;
}

// Applies the batches one after another; when one stops the rollout, every host of the later
// batches that has not failed already is refused with the reason.
export async function applyInBatches<T extends BatchMember>(members: T[], options: RolloutOptions<T>): Promise<void> {
  if (!options.batch) return options.applyBatch(members);
  const batches = splitIntoBatches(members, options.batch);
  for (const [index, batch] of batches.entries()) {
    if (options.stopped()) return;
    await options.applyBatch(batch);
    if (options.stopped() || index === batches.length - 1) return;
    const reason = describeStop(batch, index, batches.length, options.failPercent);
    if (reason === undefined) continue;
    for (const later of batches.slice(index + 1).flat()) {
      if (later.failed) continue;
      later.refuse(reason);
      options.refused?.(later);
    }
    return;
  }
}

// Why this batch stops the rollout, or undefined when the next batch may start. A host that failed
// to plan counts as failed in its batch (as Ansible counts an unreachable host).
function describeStop(batch: BatchMember[], index: number, count: number, failPercent?: number): string | undefined {
  const failed = batch.filter((member) => member.failed).length;
  const where = `not applied: batch ${index + 1} of ${count} stopped the rollout`;
  if (failPercent === undefined) {
    if (failed === 0 || failed < batch.length) return undefined;
    return `${where}: ${failed === 1 ? "its host" : `all ${failed} of its hosts`} failed.`;
  }
  if ((failed / batch.length) * 100 <= failPercent) return undefined;
  return `${where}: ${failed} of ${batch.length} hosts failed, more than --fail-percent ${failPercent}.`;
}
