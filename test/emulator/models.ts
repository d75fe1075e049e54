// The emulator's model catalogue and the bodies of GET /v1/models in the forms of
// @cerebras/cerebras_cloud_sdk 1.91.0 `src/resources/models.ts` (docs/models.md): the default OpenAI
// form, `?format=openrouter` (limits, modalities, features, sampling parameters) and
// `?format=huggingface` (context length, capabilities).

import { getModelInfo, type ModelInfo } from "../../src/models";
import type { EmulatorOptions } from "./types";

/** What Cerebras' shared inference serves in late 2026. */
export const DEFAULT_LIVE_MODELS = ["gpt-oss-120b", "qwen-3.8-27b"];

/** Live models by id, with their capabilities. */
export function resolveLiveModels(models: EmulatorOptions["models"]): Map<string, ModelInfo> {
  const entries: Array<[string, Partial<ModelInfo> | undefined]> = Array.isArray(models)
    ? models.map((id) => [id, undefined])
    : models
      ? Object.entries(models)
      : DEFAULT_LIVE_MODELS.map((id) => [id, undefined]);
  return new Map(entries.map(([id, o]) => [id, { ...getModelInfo(id), ...o, id }]));
}

// Per-million-token prices; the openrouter format gives per-token strings.
const PRICES: Record<string, [number, number]> = {
  "gpt-oss-120b": [0.35, 0.75],
  "qwen-3.8-27b": [0.99, 1.49],
  "gemma-4-31b": [0.99, 1.49],
  "zai-glm-4.7": [2.25, 2.75],
};
const CREATED = 1721692800;
const SAMPLING = ["temperature", "top_p", "stop", "seed", "max_completion_tokens"];

function perToken(perMillion: number): string {
  return (perMillion / 1e6).toFixed(10).replace(/0+$/, "");
}

export function modelObject(id: string) {
  return { id, object: "model", created: CREATED, owned_by: "Cerebras" };
}

function openrouterModel(m: ModelInfo) {
  const [input, output] = PRICES[m.id] ?? [1, 1];
  return {
    id: `cerebras/${m.id}`,
    name: m.id,
    created: CREATED,
    context_length: m.contextWindow,
    max_output_length: m.maxOutput,
    input_modalities: m.vision ? ["text", "image"] : ["text"],
    output_modalities: ["text"],
    quantization: "fp16",
    pricing: { prompt: perToken(input), completion: perToken(output), input_cache_read: perToken(input) },
    supported_features: ["tools", "json_mode", "structured_outputs", ...(m.reasoning ? ["reasoning"] : [])],
    // OpenRouter names the output limit max_tokens.
    supported_sampling_parameters: (m.supportedParameters ?? SAMPLING).map((p) =>
      p === "max_completion_tokens" ? "max_tokens" : p,
    ),
    datacenters: [{ country_code: "US" }],
  };
}

function huggingfaceModel(m: ModelInfo) {
  const [input, output] = PRICES[m.id] ?? [1, 1];
  return {
    id: m.id,
    object: "model",
    created: CREATED,
    owned_by: "Cerebras",
    context_length: m.contextWindow,
    pricing: { input, output },
    capabilities: { function_calling: true, streaming: true, structured_outputs: true, vision: m.vision },
  };
}

/** The body of GET /v1/models (`format` is the `?format=` query value). */
export function modelListBody(models: Map<string, ModelInfo>, format: string | null): object {
  const list = [...models.values()];
  if (format === "openrouter") return { data: list.map(openrouterModel) };
  if (format === "huggingface") return { object: "list", data: list.map(huggingfaceModel) };
  return { object: "list", data: list.map((m) => modelObject(m.id)) };
}
