// The GitHub API retry helper: which failures are retried, how long it waits, and where it stops.
import { describe, expect, test } from "vitest";
import { ApiRetriesExhausted, classifyApiError, type RetryPolicy, withRetries } from "../../src/action/retry.js";

const start = 1_700_000_000_000;

// A policy on a fake clock: sleeping moves the clock and is recorded, nothing really waits.
function fakePolicy(): RetryPolicy & { slept: number[]; messages: string[] } {
  let clock = start;
  const slept: number[] = [];
  const messages: string[] = [];
  return {
    tries: 4,
    baseDelayMs: 1000,
    maxDelayMs: 60_000,
    maxTotalMs: 90_000,
    sleep: async (ms) => {
      slept.push(Math.round(ms));
      clock += ms;
    },
    now: () => clock,
    onRetry: (message) => messages.push(message),
    slept,
    messages,
  };
}

// An error shaped as Octokit's RequestError.
function apiError(status: number, headers: Record<string, string> = {}, message = "boom") {
  return Object.assign(new Error(message), { status, response: { headers } });
}

// A call that fails with the given errors in turn, then answers "ok".
function failing(...errors: Error[]) {
  let calls = 0;
  const send = async () => {
    const error = errors[calls++];
    if (error) throw error;
    return "ok";
  };
  return { send, calls: () => calls };
}

describe("withRetries", () => {
  test("5xx answers back off 1 s, 2 s, 4 s and stop after 4 tries", async () => {
    const policy = fakePolicy();
    const call = failing(...Array.from({ length: 10 }, () => apiError(502)));
    const error = await withRetries(call.send, policy).catch((e) => e);
    expect(error).toBeInstanceOf(ApiRetriesExhausted);
    expect(error.message).toBe("the GitHub API answered 502 4 times");
    expect(call.calls()).toBe(4);
    expect(policy.slept).toEqual([1000, 2000, 4000]);
    expect(policy.messages[0]).toBe("GitHub API answered 502; retrying in 1s (try 2 of 4).");
  });

  test("a network failure (Octokit's status 500) is retried and can succeed", async () => {
    const policy = fakePolicy();
    const call = failing(apiError(500, {}, "fetch failed"));
    await expect(withRetries(call.send, policy)).resolves.toBe("ok");
    expect(call.calls()).toBe(2);
  });

  test("retry-after is honoured", async () => {
    const policy = fakePolicy();
    const call = failing(apiError(429, { "retry-after": "7" }));
    await expect(withRetries(call.send, policy)).resolves.toBe("ok");
    expect(policy.slept).toEqual([7000]);
    expect(policy.messages).toEqual(["GitHub API rate limit hit; retrying in 7s (try 2 of 4)."]);
  });

  test("an exhausted quota resetting soon is waited out; one resetting in an hour is not", async () => {
    const soon = fakePolicy();
    const reset = (seconds: number) => String(Math.floor(start / 1000) + seconds);
    const call = failing(apiError(403, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset(20) }));
    await expect(withRetries(call.send, soon)).resolves.toBe("ok");
    expect(soon.slept[0]).toBeGreaterThanOrEqual(19_000);
    expect(soon.slept[0]).toBeLessThanOrEqual(20_000);

    const late = fakePolicy();
    const hour = failing(apiError(403, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset(3600) }));
    const error = await withRetries(hour.send, late).catch((e) => e);
    expect(error).toBeInstanceOf(ApiRetriesExhausted);
    expect(error.failure).toEqual({
      kind: "rate-limit",
      status: 403,
      retryAt: (Math.floor(start / 1000) + 3600) * 1000,
    });
    expect(hour.calls()).toBe(1);
    expect(late.slept).toEqual([]);
  });

  test("the total wait is capped", async () => {
    const policy = fakePolicy();
    const call = failing(...Array.from({ length: 4 }, () => apiError(429, { "retry-after": "50" })));
    const error = await withRetries(call.send, policy).catch((e) => e);
    expect(error).toBeInstanceOf(ApiRetriesExhausted);
    expect(policy.slept).toEqual([50_000]);
    expect(call.calls()).toBe(2);
  });

  test("calls sharing a budget cap their waiting together", async () => {
    const policy = { ...fakePolicy(), spent: { ms: 0 } };
    const first = failing(apiError(429, { "retry-after": "50" }));
    await expect(withRetries(first.send, policy)).resolves.toBe("ok");
    const second = failing(apiError(429, { "retry-after": "50" }));
    await expect(withRetries(second.send, policy)).rejects.toBeInstanceOf(ApiRetriesExhausted);
    expect(policy.slept).toEqual([50_000]);
  });

  test("a permission 403 and a 404 fail at once, unchanged", async () => {
    for (const status of [403, 404, 422]) {
      const policy = fakePolicy();
      const original = apiError(status, {}, "Resource not accessible by integration");
      const call = failing(original);
      await expect(withRetries(call.send, policy)).rejects.toBe(original);
      expect(call.calls()).toBe(1);
      expect(policy.slept).toEqual([]);
    }
  });
});

describe("classifyApiError", () => {
  test.each([
    [
      apiError(403, {}, "You have exceeded a secondary rate limit."),
      { kind: "rate-limit", status: 403, retryAt: start + 60_000 },
    ],
    [apiError(403, { "retry-after": "3" }), { kind: "rate-limit", status: 403, retryAt: start + 3000 }],
    [apiError(429), { kind: "rate-limit", status: 429 }],
    [apiError(403, { "x-ratelimit-remaining": "12" }), { kind: "other", status: 403 }],
    [apiError(503), { kind: "server", status: 503 }],
    [new Error("no status"), { kind: "other" }],
  ])("%s", (error, expected) => {
    expect(classifyApiError(error, start)).toEqual(expected);
  });
});
