// The one retry helper for GitHub API calls: 5xx answers and rate limits are tried again with
// bounded backoff (a few tries, a capped wait each and in all, retry-after and x-ratelimit-reset
// honoured up to the cap); anything else fails at once.

export interface RetryPolicy {
  // Most attempts, the first one included.
  tries: number;
  // The first wait after a 5xx answer; it doubles each try.
  baseDelayMs: number;
  // The longest single wait: a rate limit that resets later is not waited for.
  maxDelayMs: number;
  // The most waiting over all tries (of every call sharing `spent`).
  maxTotalMs: number;
  // Waiting done so far; share one between calls to cap their waiting together.
  spent?: { ms: number };
  // The seam for tests: how a wait is done.
  sleep(ms: number): Promise<void>;
  now(): number;
  // Told before each wait, e.g. to log it.
  onRetry?(message: string): void;
}

// What a failed call was: a rate limit (with when it lifts, if known), a server error, or anything else.
export type ApiFailure =
  | { kind: "rate-limit"; status: number; retryAt?: number }
  | { kind: "server"; status: number }
  | { kind: "other"; status?: number };

// A retryable failure that outlasted the policy: how it failed and how many times it was tried.
export class ApiRetriesExhausted extends Error {
  override name = "ApiRetriesExhausted";
  constructor(
    readonly failure: Exclude<ApiFailure, { kind: "other" }>,
    readonly attempts: number,
    readonly lastError: unknown,
  ) {
    super(`the GitHub API answered ${failure.status} ${attempts} times`);
  }
}

// GitHub asks to wait at least a minute after a secondary rate limit that names no retry-after.
const secondaryWaitMs = 60_000;

// The policy for the action's calls: 4 tries, 1 s then 2 s then 4 s after a 5xx, at most 60 s a wait
// and 90 s in all for every call made with it. INFRA_ACTION_RETRY_SCALE (a number from 0 to 1) shortens every wait, for tests.
export function defaultRetryPolicy(onRetry?: (message: string) => void): RetryPolicy {
  const scale = Number(process.env.INFRA_ACTION_RETRY_SCALE ?? "1");
  const factor = Number.isFinite(scale) && scale >= 0 && scale <= 1 ? scale : 1;
  return {
    tries: 4,
    baseDelayMs: 1000,
    maxDelayMs: 60_000,
    maxTotalMs: 90_000,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms * factor)),
    now: Date.now,
    spent: { ms: 0 },
    ...(onRetry ? { onRetry } : {}),
  };
}

// Classifies an error thrown by an Octokit request (status, response headers, message).
export function classifyApiError(error: unknown, now: number): ApiFailure {
  const { status, response, message } = (error ?? {}) as {
    status?: number;
    response?: { headers?: Record<string, string | number | undefined> };
    message?: string;
  };
  if (typeof status !== "number") return { kind: "other" };
  const headers = response?.headers ?? {};
  const header = (name: string) => (headers[name] === undefined ? undefined : String(headers[name]));
  const retryAfter = parseRetryAfter(header("retry-after"), now);
  const exhausted = header("x-ratelimit-remaining") === "0";
  const secondary = /secondary rate limit|abuse detection/i.test(message ?? "");
  if (status === 429 || (status === 403 && (exhausted || secondary || retryAfter !== undefined))) {
    const reset = Number(header("x-ratelimit-reset"));
    const retryAt =
      retryAfter ??
      (exhausted && Number.isFinite(reset) && reset > 0 ? reset * 1000 : secondary ? now + secondaryWaitMs : undefined);
    return { kind: "rate-limit", status, ...(retryAt !== undefined ? { retryAt } : {}) };
  }
  if (status >= 500 && status <= 599) return { kind: "server", status };
  return { kind: "other", status };
}

// Runs `send` until it succeeds, fails in a way not worth retrying (rethrown as is), or the policy's
// tries or waiting run out (then ApiRetriesExhausted).
export async function withRetries<T>(send: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  const spent = policy.spent ?? { ms: 0 };
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      const failure = classifyApiError(error, policy.now());
      if (failure.kind === "other") throw error;
      // A rate limit that says when it lifts is waited out until then; anything else backs off.
      const wait =
        failure.kind === "rate-limit" && failure.retryAt !== undefined
          ? Math.max(0, failure.retryAt - policy.now())
          : policy.baseDelayMs * 2 ** (attempt - 1);
      if (attempt >= policy.tries || wait > policy.maxDelayMs || spent.ms + wait > policy.maxTotalMs)
        throw new ApiRetriesExhausted(failure, attempt, error);
      const what =
        failure.kind === "rate-limit" ? "GitHub API rate limit hit" : `GitHub API answered ${failure.status}`;
      policy.onRetry?.(`${what}; retrying in ${formatSeconds(wait)} (try ${attempt + 1} of ${policy.tries}).`);
      await policy.sleep(wait);
      spent.ms += wait;
    }
  }
}

// retry-after: seconds, or an HTTP date.
function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return now + seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : date;
}

function formatSeconds(ms: number): string {
  return `${Math.ceil(ms / 1000)}s`;
}
