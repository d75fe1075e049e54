// Cerebras' rate-limit headers (docs/mapping.md#57-rate-limits-and-retries): `x-ratelimit-{remaining,reset}-{tokens,requests}-
// {second,minute,hour,day}`, resets in float seconds. Read at millisecond precision here (errors.ts
// rounds up to whole seconds for `retry-after`, which is what a client sees).

export const MAX_COOLDOWN_MS = 60_000;
const WINDOWS = ["second", "minute", "hour", "day"] as const;

export interface RateBudget {
  resource: "tokens" | "requests";
  window: (typeof WINDOWS)[number];
  remaining: number;
  /** Epoch ms when the window resets (now + 60 s when no reset header came with it). */
  resetAt: number;
}

function seconds(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === "") return undefined;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

// The minute windows are what a per-minute 429 is about; day resets (hours away) come last.
const RESET_TOKENS = ["minute", "second", "hour", "day"].map((w) => `x-ratelimit-reset-tokens-${w}`);
const RESET_REQUESTS = ["minute", "second", "hour", "day"].map((w) => `x-ratelimit-reset-requests-${w}`);

function resetOrder(code: string | undefined): string[] {
  return code === "request_quota_exceeded"
    ? [...RESET_REQUESTS, ...RESET_TOKENS]
    : [...RESET_TOKENS, ...RESET_REQUESTS];
}

/** How long a key that got a 429 should rest, from `retry-after(-ms)` or the reset headers; capped at 60 s. */
export function cooldownMsFromHeaders(headers: Headers | undefined, code?: string): number | undefined {
  if (!headers) return undefined;
  const ms = seconds(headers, "retry-after-ms");
  if (ms !== undefined) return Math.min(ms, MAX_COOLDOWN_MS);
  for (const name of ["retry-after", ...resetOrder(code)]) {
    const s = seconds(headers, name);
    if (s !== undefined) return Math.min(Math.round(s * 1000), MAX_COOLDOWN_MS);
  }
  return undefined;
}

/** Every remaining-budget header of a response, with the epoch ms of its reset. */
export function readRateBudgets(headers: Headers, now: number): RateBudget[] {
  const out: RateBudget[] = [];
  for (const resource of ["tokens", "requests"] as const) {
    for (const window of WINDOWS) {
      const remaining = seconds(headers, `x-ratelimit-remaining-${resource}-${window}`);
      if (remaining === undefined) continue;
      const reset = seconds(headers, `x-ratelimit-reset-${resource}-${window}`);
      out.push({ resource, window, remaining, resetAt: now + (reset ?? 60) * 1000 });
    }
  }
  return out;
}
