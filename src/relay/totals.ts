import type { RelayTotals } from "./types";

export function emptyTotals(): RelayTotals {
  return { requests: 0, retries: 0, rateLimited: 0, errors: 0, successes: 0 };
}

export function addTotals(a: RelayTotals, b: RelayTotals): RelayTotals {
  return {
    requests: a.requests + b.requests,
    retries: a.retries + b.retries,
    rateLimited: a.rateLimited + b.rateLimited,
    errors: a.errors + b.errors,
    successes: a.successes + b.successes,
  };
}
