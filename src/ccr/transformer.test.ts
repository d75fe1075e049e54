import { describe, expect, it } from "vitest";
import { AnthropicHttpError } from "../errors";
import { toCcrError } from "./exchange";
import { httpsProxyConfigured, resolveCerebrasApiKey } from "./transformer";

describe("ccr glue helpers", () => {
  it("takes the provider's interpolated key, else CEREBRAS_API_KEY, else the first pool key", () => {
    expect(resolveCerebrasApiKey("csk-provider", {})).toBe("csk-provider");
    expect(resolveCerebrasApiKey("$CEREBRAS_API_KEY", { CEREBRAS_API_KEY: "csk-env" })).toBe("csk-env");
    expect(
      resolveCerebrasApiKey("$CEREBRAS_API_KEY", { CEREBRAS_API_KEYS: '{"a":"csk-a","b":"csk-b"}' }),
    ).toBe("csk-a");
    expect(resolveCerebrasApiKey(undefined, { CEREBRAS_API_KEYS: "csk-1,csk-2" })).toBe("csk-1");
  });

  it("an unset key is a clear 401 that names the variable, not a request sent with '$CEREBRAS_API_KEY'", () => {
    const err = (() => {
      try {
        resolveCerebrasApiKey("$CEREBRAS_API_KEY", {});
      } catch (e) {
        return e as AnthropicHttpError;
      }
    })();
    expect(err).toBeInstanceOf(AnthropicHttpError);
    expect(err?.status).toBe(401);
    expect(err?.message).toMatch(/CEREBRAS_API_KEY/);
  });

  it("a missing or refused key reaches Claude Code as 403 and a model not served as 410 (not retried ten times, not replaced)", () => {
    expect(
      toCcrError(
        new AnthropicHttpError({ status: 401, type: "authentication_error", message: "No Cerebras API key" }),
      ),
    ).toMatchObject({
      statusCode: 403,
      type: "authentication_error",
    });
    expect(
      toCcrError(
        new AnthropicHttpError({
          status: 404,
          type: "not_found_error",
          message: "model 'x' is not available",
        }),
      ),
    ).toMatchObject({
      statusCode: 410,
      type: "not_found_error",
    });
  });

  it("thrown errors carry what ccr's handler reads, with no stack appended to the message", () => {
    const e = toCcrError(
      new AnthropicHttpError({
        status: 400,
        type: "invalid_request_error",
        message: "prompt is too long: 9 tokens > 8 maximum",
      }),
    );
    expect(e).toMatchObject({ statusCode: 400, type: "invalid_request_error", stack: "" });
    expect(e.message).toBe("prompt is too long: 9 tokens > 8 maximum");
    expect(toCcrError(new Error("boom"))).toMatchObject({
      statusCode: 500,
      type: "api_error",
      message: "ccr-cerebras: boom",
    });
  });

  it("errors Cerebras answered are coded provider_response_error (ccr 2.0.0 then tries its fallback)", () => {
    expect(
      toCcrError(
        new AnthropicHttpError({
          status: 429,
          type: "rate_limit_error",
          message: "slow down",
          fromUpstream: true,
        }),
      ).code,
    ).toBe("provider_response_error");
    expect(
      toCcrError(new AnthropicHttpError({ status: 400, type: "invalid_request_error", message: "bad" })).code,
    ).toBe("invalid_request_error");
  });

  it("leaves the upstream call to ccr when an HTTPS proxy is configured (only ccr's fetch uses it)", () => {
    expect(httpsProxyConfigured({})).toBe(false);
    expect(httpsProxyConfigured({ HTTPS_PROXY: "http://proxy:3128" })).toBe(true);
    expect(httpsProxyConfigured({ PROXY_URL: "http://proxy:3128" })).toBe(true);
  });
});
