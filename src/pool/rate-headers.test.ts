import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cooldownMsFromHeaders, readRateBudgets } from "./rate-headers";

/** Headers of a `.http` fixture (status line, headers, blank line, body). */
function fixtureHeaders(name: string): Headers {
  const text = readFileSync(join(__dirname, "..", "..", "test", "fixtures", "cerebras", name), "utf8");
  const head = text.split(/\r?\n\r?\n/)[0] ?? "";
  const h = new Headers();
  for (const line of head.split(/\r?\n/).slice(1)) {
    const i = line.indexOf(":");
    h.set(line.slice(0, i).trim(), line.slice(i + 1).trim());
  }
  return h;
}

describe("cooldownMsFromHeaders", () => {
  it("a token-quota 429 rests until x-ratelimit-reset-tokens-minute, at ms precision", () => {
    expect(cooldownMsFromHeaders(fixtureHeaders("error_429_token_quota.http"), "token_quota_exceeded")).toBe(
      11383,
    );
  });

  it("a request-quota 429 prefers the requests reset; the day window is capped at 60 s", () => {
    const h = new Headers({
      "x-ratelimit-reset-tokens-minute": "5",
      "x-ratelimit-reset-requests-day": "33011.4",
    });
    expect(cooldownMsFromHeaders(h, "request_quota_exceeded")).toBe(60_000);
    h.set("x-ratelimit-reset-requests-minute", "0.3");
    expect(cooldownMsFromHeaders(h, "request_quota_exceeded")).toBe(300);
    expect(cooldownMsFromHeaders(h, "token_quota_exceeded")).toBe(5000);
  });

  it("is undefined without any header (the caller uses 60 s)", () => {
    expect(cooldownMsFromHeaders(new Headers(), "token_quota_exceeded")).toBeUndefined();
  });
});

describe("readRateBudgets", () => {
  it("reads every remaining budget with the epoch ms of its reset", () => {
    const budgets = readRateBudgets(fixtureHeaders("error_429_token_quota.http"), 1_000_000);
    expect(budgets).toEqual([
      { resource: "tokens", window: "minute", remaining: 0, resetAt: 1_000_000 + 11382.867097854614 },
      { resource: "requests", window: "day", remaining: 14211, resetAt: 1_000_000 + 33011382.867097855 },
    ]);
  });
});
