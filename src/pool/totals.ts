import type { PoolTotals } from "./types";

export function emptyTotals(): PoolTotals {
  return { requests: 0, retries: 0, rateLimited: 0, errors: 0, successes: 0 };
}

export function addTotals(a: PoolTotals, b: PoolTotals): PoolTotals {
  return {
    requests: a.requests + b.requests,
    retries: a.retries + b.retries,
    rateLimited: a.rateLimited + b.rateLimited,
    errors: a.errors + b.errors,
    successes: a.successes + b.successes,
  };
}
