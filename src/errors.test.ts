import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  cerebrasHttpErrorToAnthropic,
  cerebrasStreamErrorToAnthropic,
  claudeCodeVisibleStatus,
  parseCerebrasErrorPayload,
  promptTooLong,
  retryAfterSeconds,
  transportErrorToAnthropic,
} from "./errors";

const fixture = (name: string) => readFileSync(`test/fixtures/cerebras/${name}`, "utf8");

/** A `.http` fixture: status line, headers, blank line, body. */
function httpFixture(name: string) {
  const [head, body] = fixture(name).split(/\r?\n\r?\n/, 2) as [string, string];
  const [statusLine, ...lines] = head.split(/\r?\n/);
  const headers = Object.fromEntries(
    lines.map((l) => [l.slice(0, l.indexOf(":")).trim().toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]),
  );
  return { status: Number(statusLine!.split(" ")[1]), headers, body };
}

describe("Cerebras HTTP errors → Anthropic errors", () => {
  it("context overflow → 400 with exactly Claude Code's compaction trigger text", () => {
    const m = cerebrasHttpErrorToAnthropic({ status: 400, body: fixture("error_400_context_length.json") });
    expect(m.status).toBe(400);
    expect(m.body).toEqual({
      type: "error",
      error: { type: "invalid_request_error", message: "prompt is too long: 69553 tokens > 65536 maximum" },
    });
    expect(promptTooLong(10, 5).message).toBe("prompt is too long: 10 tokens > 5 maximum");
  });

  it("token quota 429 → rate_limit_error with retry-after from the float-second reset header", () => {
    const f = httpFixture("error_429_token_quota.http");
    const m = cerebrasHttpErrorToAnthropic({ status: f.status, body: f.body, headers: f.headers });
    expect(m.status).toBe(429);
    expect(m.body.error.type).toBe("rate_limit_error");
    const reset = Number.parseFloat(f.headers["x-ratelimit-reset-tokens-minute"]!);
    expect(m.headers["retry-after"]).toBe(String(Math.ceil(Math.min(reset, 60))));
  });

  it("request quota 429 prefers the requests reset; resets are capped at 60 s and absent means undefined", () => {
    const h = { "x-ratelimit-reset-tokens-minute": "40.2", "x-ratelimit-reset-requests-day": "9000" };
    expect(retryAfterSeconds(h, "token_quota_exceeded")).toBe(41);
    expect(retryAfterSeconds(h, "request_quota_exceeded")).toBe(60);
    expect(retryAfterSeconds({}, "token_quota_exceeded")).toBeUndefined();
    const m = cerebrasHttpErrorToAnthropic({
      status: 429,
      body: fixture("error_429_request_quota.json"),
      headers: {},
    });
    expect(m.headers["retry-after"]).toBe("60");
  });

  it("queue_exceeded and 503 → 529 overloaded_error with a short retry-after", () => {
    const q = cerebrasHttpErrorToAnthropic({
      status: 429,
      body: fixture("error_429_queue_exceeded.json"),
      headers: {
        "x-ratelimit-reset-tokens-minute": "45.0",
      },
    });
    expect(q).toMatchObject({
      status: 529,
      body: { error: { type: "overloaded_error" } },
      headers: { "retry-after": "2" },
    });
    expect(cerebrasHttpErrorToAnthropic({ status: 503, body: "Service Unavailable" }).status).toBe(529);
  });

  it("model_not_found → not_found_error naming the retirement date and the live models", () => {
    const m = cerebrasHttpErrorToAnthropic({
      status: 404,
      body: fixture("error_404_model_not_found.json"),
      context: {
        cerebrasModel: "zai-glm-4.7",
        liveModels: ["gpt-oss-120b", "qwen-3.8-27b"],
      },
    });
    expect(m.status).toBe(404);
    expect(m.body.error.type).toBe("not_found_error");
    expect(m.body.error.message).toContain("retired by Cerebras on 2026-08-17");
    expect(m.body.error.message).toContain("Live models: gpt-oss-120b, qwen-3.8-27b");
  });

  it("wrong_api_format names the rejected parameter; 422 becomes 400; 401/402/403 keep their meaning", () => {
    const f = httpFixture("error_400_wrong_api_format_reasoning_content.http");
    const m = cerebrasHttpErrorToAnthropic({ status: f.status, body: f.body });
    expect(m.status).toBe(400);
    expect(m.body.error.message).toMatch(
      /^Cerebras rejected the request \(validation_error\): .*reasoning_content/,
    );
    expect(
      cerebrasHttpErrorToAnthropic({ status: 422, body: '{"message":"body.model: Field required"}' }).status,
    ).toBe(400);
    expect(
      cerebrasHttpErrorToAnthropic({ status: 401, body: '{"message":"Wrong API Key"}' }).body.error,
    ).toMatchObject({
      type: "authentication_error",
      message: expect.stringContaining("CEREBRAS_API_KEY"),
    });
    expect(cerebrasHttpErrorToAnthropic({ status: 402, body: "{}" }).body.error.type).toBe("billing_error");
    expect(cerebrasHttpErrorToAnthropic({ status: 403, body: "{}" }).body.error.type).toBe(
      "permission_error",
    );
    expect(cerebrasHttpErrorToAnthropic({ status: 500, body: "oops" }).body.error).toEqual({
      type: "api_error",
      message: "oops",
    });
  });

  it("Claude Code sees a refused key as 403 and a model not served as 410 (shown at once); the rest unchanged", () => {
    expect(claudeCodeVisibleStatus(401)).toBe(403);
    expect(claudeCodeVisibleStatus(404)).toBe(410);
    for (const status of [400, 403, 413, 429, 500, 502, 504, 529])
      expect(claudeCodeVisibleStatus(status)).toBe(status);
  });

  it("reads flat, wrapped and non-JSON bodies", () => {
    expect(parseCerebrasErrorPayload('{"message":"a","code":"c"}')).toMatchObject({
      message: "a",
      code: "c",
    });
    expect(parseCerebrasErrorPayload({ error: { message: "b", type: "t" } })).toMatchObject({
      message: "b",
      type: "t",
    });
    expect(parseCerebrasErrorPayload("<html>bad gateway</html>")).toEqual({
      message: "<html>bad gateway</html>",
    });
  });

  it("in-stream errors map by status_code; transport failures become 502/504", () => {
    const chunk = JSON.parse(fixture("stream_midstream_error_chunk.sse").trim().split("\n").at(-1)!.slice(6));
    expect(cerebrasStreamErrorToAnthropic(chunk).error.type).toBe("overloaded_error");
    expect(cerebrasStreamErrorToAnthropic({ error: { message: "boom" }, status_code: 500 }).error.type).toBe(
      "api_error",
    );
    expect(transportErrorToAnthropic(Object.assign(new Error("x"), { code: "ECONNREFUSED" })).status).toBe(
      502,
    );
    expect(transportErrorToAnthropic(Object.assign(new Error("t"), { name: "TimeoutError" })).status).toBe(
      504,
    );
  });
});
