// What an upstream failure means for the retry loop (docs/mapping.md#57-rate-limits-and-retries).

import { parseCerebrasErrorPayload } from "../errors";

/**
 * - quota: a 429 for the key's own request/token quota → cool the key until its reset, rotate, retry at once
 * - transient: capacity shedding (429 queue_exceeded), 5xx, a dropped connection → back off and retry
 * - rejected: 401/403, the key itself is refused → no retry, but other requests should avoid the key
 * - fatal: any other client error (400, 402, 404, 413, 422, …) → answer at once, never retried
 */
export type FailureKind = "quota" | "transient" | "rejected" | "fatal";

export function classifyCerebrasFailure(status: number, body: unknown): FailureKind {
  if (status === 429)
    return parseCerebrasErrorPayload(body).code === "queue_exceeded" ? "transient" : "quota";
  if (status >= 500) return "transient";
  if (status === 401 || status === 403) return "rejected";
  return "fatal";
}

/** Exponential backoff for the n-th retry (1-based), capped, minus up to 25 % jitter. */
export function backoffDelayMs(retry: number, baseMs: number, maxMs: number, random = Math.random): number {
  const full = Math.min(maxMs, baseMs * 2 ** Math.max(0, retry - 1));
  return Math.round(full * (1 - 0.25 * random()));
}
