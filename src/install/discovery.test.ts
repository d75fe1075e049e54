import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { fetchModelListing, liveIdsFromModelsResponse, modelsUrl } from "../models-endpoint";
import { modelWarnings } from "./discovery";

/** The live ids of the listing, or null and why (what the installer's discovery reports). */
async function fetchLiveModelIds(
  baseUrl: string,
  apiKey: string | undefined,
  opts: { timeoutMs?: number } = {},
): Promise<{ live: string[] | null; reason?: string }> {
  const r = await fetchModelListing(baseUrl, apiKey, opts);
  return r.models ? { live: r.models.map((m) => m.id) } : { live: null, reason: r.reason };
}

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

async function listen(
  handler: (url: string, headers: IncomingHttpHeaders, res: import("node:http").ServerResponse) => void,
) {
  server = createServer((req, res) => handler(req.url ?? "", req.headers, res));
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/v1`;
}

// The plain listing form (SDK 1.91.0 src/resources/models.ts; docs/models.md).
const MODELS_BODY = {
  object: "list",
  data: [
    { id: "gpt-oss-120b", object: "model", created: 1721692800, owned_by: "Cerebras" },
    { id: "qwen-3.8-27b", object: "model", created: 1721692800, owned_by: "Cerebras" },
  ],
};

describe("fetchLiveModelIds", () => {
  it("asks GET <base>/models with the bearer key and returns the ids", async () => {
    const seen: Array<{ url: string; auth: string | undefined }> = [];
    const base = await listen((url, headers, res) => {
      seen.push({ url, auth: headers.authorization });
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(MODELS_BODY));
    });
    await expect(fetchLiveModelIds(base, "csk-test")).resolves.toEqual({
      live: ["gpt-oss-120b", "qwen-3.8-27b"],
    });
    // The plain form answers ?format=openrouter with ids only: that is enough.
    expect(seen).toEqual([{ url: "/v1/models?format=openrouter", auth: "Bearer csk-test" }]);
  });

  it("gives up after the hard timeout when Cerebras does not answer", async () => {
    const base = await listen(() => {}); // never answers
    const result = await fetchLiveModelIds(base, "csk-test", { timeoutMs: 300 });
    expect(result.live).toBeNull();
    expect(result.reason).toBe("timed out");
  });

  it("does not call anything without a key", async () => {
    let calls = 0;
    const base = await listen((_u, _h, res) => {
      calls++;
      res.end("{}");
    });
    expect((await fetchLiveModelIds(base, undefined)).live).toBeNull();
    expect(calls).toBe(0);
  });

  it("treats an error status as unknown (e.g. 401 for a bad key)", async () => {
    const base = await listen((_u, _h, res) => res.writeHead(401).end('{"message":"Wrong API Key"}'));
    await expect(fetchLiveModelIds(base, "bad")).resolves.toEqual({ live: null, reason: "HTTP 401" });
  });
});

describe("liveIdsFromModelsResponse / modelsUrl", () => {
  it("reads the OpenAI list and the openrouter format's cerebras/ ids", () => {
    expect(
      liveIdsFromModelsResponse({ data: [{ id: "cerebras/gpt-oss-120b" }, { id: "gpt-oss-120b" }] }),
    ).toEqual(["gpt-oss-120b"]);
    expect(liveIdsFromModelsResponse({ error: "x" })).toBeNull();
  });

  it("builds /models from a base URL with or without /chat/completions", () => {
    expect(modelsUrl("https://api.cerebras.ai/v1/")).toBe("https://api.cerebras.ai/v1/models");
    expect(modelsUrl("https://api.cerebras.ai/v1/chat/completions")).toBe(
      "https://api.cerebras.ai/v1/models",
    );
  });
});

describe("modelWarnings", () => {
  const today = new Date("2026-11-22T00:00:00Z");

  it("warns that zai-glm-4.7 was retired on 2026-08-17 when Cerebras cannot be asked", () => {
    expect(modelWarnings("zai-glm-4.7", null, today)).toEqual([
      "zai-glm-4.7 was retired by Cerebras on 2026-08-17: it is still sent as configured, and Cerebras answers model_not_found unless your account still serves it",
    ]);
    expect(modelWarnings("zai-glm-4.7", null, new Date("2026-08-16T00:00:00Z"))).toEqual([]);
  });

  it("warns when the model is not live, and trusts the live list over the table", () => {
    expect(modelWarnings("zai-glm-4.7", ["gpt-oss-120b"], today)[0]).toMatch(
      /not among the models .* retired it on 2026-08-17.*live: gpt-oss-120b/,
    );
    expect(modelWarnings("zai-glm-4.7", ["zai-glm-4.7"], today)).toEqual([]);
    expect(modelWarnings("gpt-oss-120b", null, today)).toEqual([]);
  });
});

describe("the listing's forms (SDK 1.91.0 src/resources/models.ts)", () => {
  it("reads limits, vision, reasoning and parameters from the openrouter form", async () => {
    const { listedModelsFromResponse } = await import("../models-endpoint");
    expect(
      listedModelsFromResponse({
        data: [
          {
            id: "cerebras/qwen-3.8-27b",
            context_length: 131072,
            max_output_length: 32768,
            input_modalities: ["text", "image"],
            supported_features: ["tools", "reasoning"],
            supported_sampling_parameters: ["temperature", "top_p", "max_tokens"],
          },
        ],
      }),
    ).toEqual([
      {
        id: "qwen-3.8-27b",
        contextWindow: 131072,
        maxOutput: 32768,
        vision: true,
        reasoning: true,
        supportedParameters: ["temperature", "top_p", "max_completion_tokens"],
      },
    ]);
  });

  it("reads the huggingface and public-model forms, and ignores malformed fields", async () => {
    const { listedModelsFromResponse } = await import("../models-endpoint");
    expect(
      listedModelsFromResponse({
        data: [
          { id: "a", context_length: 65536, capabilities: { vision: false } },
          {
            id: "b",
            limits: { max_context_length: 131072, max_completion_tokens: 40960 },
            capabilities: { reasoning: true, vision: false },
            supported_parameters: { temperature: true, top_p: false },
            deprecated: false,
          },
          { id: "c", context_length: -1, max_output_length: "big" },
          { noid: true },
        ],
      }),
    ).toEqual([
      { id: "a", contextWindow: 65536, vision: false },
      {
        id: "b",
        contextWindow: 131072,
        maxOutput: 40960,
        vision: false,
        reasoning: true,
        supportedParameters: ["temperature"],
        deprecated: false,
      },
      { id: "c" },
    ]);
  });

  it("falls back to the plain form when the openrouter form is refused", async () => {
    const { fetchModelListing } = await import("../models-endpoint");
    const seen: string[] = [];
    const base = await listen((url, _h, res) => {
      seen.push(url);
      if (url.includes("format=")) res.writeHead(422).end('{"message":"bad format"}');
      else res.writeHead(200).end(JSON.stringify(MODELS_BODY));
    });
    const r = await fetchModelListing(base, "csk-test");
    expect(r.models?.map((m) => m.id)).toEqual(["gpt-oss-120b", "qwen-3.8-27b"]);
    expect(seen).toEqual(["/v1/models?format=openrouter", "/v1/models"]);
  });
});
