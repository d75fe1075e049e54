import { describe, expect, it } from "vitest";
import type { FetchLike } from "../models-endpoint";
import { keysFromEnvironment, preflightCheck } from "./preflight";

const LIVE = { object: "list", data: [{ id: "gpt-oss-120b" }, { id: "qwen-3.8-27b" }] };

/** A /models endpoint: 200 with LIVE for the keys in `good`, 401 for any other key; records the calls. */
function fakeModels(good: string[], opts: { hang?: boolean } = {}) {
  const calls: string[] = [];
  const fetchImpl: FetchLike = async (url, init) => {
    calls.push(`${url} ${init.headers.authorization}`);
    if (opts.hang)
      return new Promise((_, reject) =>
        init.signal.addEventListener("abort", () => reject(new Error("aborted"))),
      );
    const key = init.headers.authorization?.replace(/^Bearer /, "") ?? "";
    const ok = good.includes(key);
    return { ok, status: ok ? 200 : 401, json: async () => (ok ? LIVE : { message: "Wrong API Key" }) };
  };
  return { calls, fetchImpl };
}

const BASE = "https://api.cerebras.ai/v1";

describe("keysFromEnvironment", () => {
  it("takes the pool first, then a literal provider key, then the variable the provider names, then CEREBRAS_API_KEY", () => {
    expect(
      keysFromEnvironment({ CEREBRAS_API_KEYS: "a,b", CEREBRAS_API_KEY: "c" }).keys.map((k) => k.value),
    ).toEqual(["a", "b"]);
    expect(keysFromEnvironment({ CEREBRAS_API_KEY: "c" }, "csk-literal")).toMatchObject({
      keys: [{ value: "csk-literal" }],
      source: "the provider's api_key",
    });
    // biome-ignore lint/suspicious/noTemplateCurlyInString: ccr's ${VAR} reference, literally
    expect(keysFromEnvironment({ MY_KEY: "m", CEREBRAS_API_KEY: "c" }, "${MY_KEY}").keys).toEqual([
      { name: "MY_KEY", value: "m" },
    ]);
    expect(keysFromEnvironment({ CEREBRAS_API_KEY: " c " }, "$CEREBRAS_API_KEY").keys).toEqual([
      { name: "CEREBRAS_API_KEY", value: "c" },
    ]);
    expect(keysFromEnvironment({}, "$CEREBRAS_API_KEY").keys).toEqual([]);
  });
});

describe("preflightCheck", () => {
  it("passes a good key and a served model, asking GET /v1/models once", async () => {
    const f = fakeModels(["csk-good"]);
    const report = await preflightCheck({
      baseUrl: BASE,
      model: "gpt-oss-120b",
      env: { CEREBRAS_API_KEY: "csk-good" },
      fetchImpl: f.fetchImpl,
    });
    expect(report).toEqual({ errors: [], warnings: [] });
    expect(f.calls).toEqual(["https://api.cerebras.ai/v1/models Bearer csk-good"]);
  });

  it("no key in this shell and no ccr running: names CEREBRAS_API_KEY and how to set it, without calling out", async () => {
    const f = fakeModels([]);
    const report = await preflightCheck({
      baseUrl: BASE,
      model: "gpt-oss-120b",
      env: {},
      fetchImpl: f.fetchImpl,
    });
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatch(
      /no Cerebras key: CEREBRAS_API_KEY is not set.*\n {2}Fix: export CEREBRAS_API_KEY=/s,
    );
    expect(f.calls).toEqual([]);
  });

  it("a key Cerebras refuses: names the key, the status and the fix", async () => {
    const f = fakeModels(["csk-good"]);
    const report = await preflightCheck({
      baseUrl: BASE,
      model: "gpt-oss-120b",
      env: { CEREBRAS_API_KEY: "csk-wrong" },
      fetchImpl: f.fetchImpl,
    });
    expect(report.errors).toEqual([
      expect.stringMatching(
        /^Cerebras refused the key CEREBRAS_API_KEY \(HTTP 401 from .*\/v1\/models\).*Fix: export CEREBRAS_API_KEY=/s,
      ),
    ]);
    expect(report.errors.join("")).not.toContain("csk-wrong");
  });

  it("a pool with one refused key names that key and the pool variable", async () => {
    const f = fakeModels(["csk-a"]);
    const report = await preflightCheck({
      baseUrl: BASE,
      model: "gpt-oss-120b",
      env: { CEREBRAS_API_KEYS: '{"work":"csk-a","home":"csk-b"}' },
      fetchImpl: f.fetchImpl,
    });
    expect(report.errors).toEqual([
      expect.stringMatching(/refused the key home .*replace the key "home" in CEREBRAS_API_KEYS/s),
    ]);
  });

  it("a model Cerebras does not serve: the retirement, the live models and both fixes", async () => {
    const report = await preflightCheck({
      baseUrl: BASE,
      model: "zai-glm-4.7",
      env: { CEREBRAS_API_KEY: "csk-good" },
      fetchImpl: fakeModels(["csk-good"]).fetchImpl,
    });
    expect(report.errors).toEqual([
      expect.stringMatching(
        /model zai-glm-4\.7 is not served .*retired it on 2026-08-17.*gpt-oss-120b, qwen-3\.8-27b.*ccr-cerebras code --model cerebras,gpt-oss-120b.*\.\/install\.sh --model gpt-oss-120b/s,
      ),
    ]);
  });

  it("a running ccr without the key in its environment: tells to restart it with the key", async () => {
    const f = fakeModels(["csk-good"]);
    const report = await preflightCheck({
      baseUrl: BASE,
      model: "gpt-oss-120b",
      env: { CEREBRAS_API_KEY: "csk-good" },
      ccr: { pid: 4242, env: { PATH: "/usr/bin" } },
      fetchImpl: f.fetchImpl,
    });
    expect(report.errors).toEqual([
      expect.stringMatching(/ccr is running \(pid 4242\) without a Cerebras key.*ccr restart/s),
    ]);
    expect(f.calls).toEqual([]);
  });

  it("a running ccr is checked with its own key, not this shell's; its environment unknown, this shell's key is checked", async () => {
    const f = fakeModels(["csk-ccr"]);
    const ccrKey = await preflightCheck({
      baseUrl: BASE,
      model: "gpt-oss-120b",
      env: {},
      ccr: { pid: 1, env: { CEREBRAS_API_KEY: "csk-ccr" } },
      fetchImpl: f.fetchImpl,
    });
    expect(ccrKey.errors).toEqual([]);
    const unknown = await preflightCheck({
      baseUrl: BASE,
      model: "gpt-oss-120b",
      env: {},
      ccr: { pid: 1 },
      fetchImpl: f.fetchImpl,
    });
    expect(unknown).toEqual({ errors: [], warnings: [] }); // ccr may hold a key this shell does not
  });

  it("an unreachable Cerebras is a warning after the timeout, never an error", async () => {
    const report = await preflightCheck({
      baseUrl: BASE,
      model: "gpt-oss-120b",
      env: { CEREBRAS_API_KEY: "csk-good" },
      timeoutMs: 100,
      fetchImpl: fakeModels([], { hang: true }).fetchImpl,
    });
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([
      expect.stringMatching(/could not check the key .*no answer within 0\.1 s.*starting anyway/),
    ]);
  });
});
