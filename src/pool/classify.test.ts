import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { backoffDelayMs, classifyCerebrasFailure } from "./classify";

const fixture = (name: string) =>
  readFileSync(join(__dirname, "..", "..", "test", "fixtures", "cerebras", name), "utf8");

describe("classifyCerebrasFailure", () => {
  it("queue_exceeded is capacity shedding (retry with backoff), quota 429s rotate keys", () => {
    expect(classifyCerebrasFailure(429, fixture("error_429_queue_exceeded.json"))).toBe("transient");
    expect(classifyCerebrasFailure(429, fixture("error_429_request_quota.json"))).toBe("quota");
    expect(classifyCerebrasFailure(429, "")).toBe("quota");
  });

  it("an in-stream queue error (wrapped shape) is transient too", () => {
    const chunk = { error: JSON.parse(fixture("error_429_queue_exceeded.json")), status_code: 429 };
    expect(classifyCerebrasFailure(429, chunk)).toBe("transient");
  });

  it("5xx are transient; client errors are never retried", () => {
    for (const s of [500, 502, 503]) expect(classifyCerebrasFailure(s, "")).toBe("transient");
    for (const s of [400, 402, 404, 413, 422]) expect(classifyCerebrasFailure(s, "")).toBe("fatal");
    expect(classifyCerebrasFailure(400, fixture("error_400_context_length.json"))).toBe("fatal");
    expect(classifyCerebrasFailure(401, "")).toBe("rejected");
    expect(classifyCerebrasFailure(403, "")).toBe("rejected");
  });
});

describe("backoffDelayMs", () => {
  it("doubles from the base, is capped, and jitter only shortens it by up to 25 %", () => {
    const none = () => 0;
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelayMs(n, 500, 8000, none))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000,
    ]);
    expect(backoffDelayMs(3, 500, 8000, () => 1)).toBe(1500);
  });
});
