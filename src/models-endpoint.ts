// The model listing (`GET /v1/models`): which models the account is served and, in the richer
// `?format=openrouter` form, each one's context window, output limit, input modalities and supported
// parameters. The installer, the wrapper's helper and the plugin's catalogue (src/ccr/live-models.ts)
// all read it through here.
// @see docs/models.md "Where the facts come from" (shapes from @cerebras/cerebras_cloud_sdk 1.91.0,
// src/resources/models.ts)

import { isJsonObject } from "./json-object";
import type { ListedModelFacts } from "./models";

export type FetchLike = (
  url: string,
  init: { headers: Record<string, string>; signal: AbortSignal },
) => Promise<{
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}>;

export interface ListingResult {
  /** What the listing says per model, or null when it could not be had (then `reason` says why). */
  models: ListedModelFacts[] | null;
  reason?: string;
}

/** `GET …/models` next to a base URL (`…/v1`) or a chat-completions URL, query string dropped. */
export function modelsUrl(baseUrl: string, format?: "openrouter"): string {
  const raw = baseUrl.trim();
  const query = format ? `?format=${format}` : "";
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return `${raw.replace(/\/+$/, "").replace(/\/chat\/completions$/, "")}/models${query}`;
  }
  u.pathname = `${u.pathname.replace(/\/+$/, "").replace(/\/chat\/completions$/, "")}/models`;
  u.search = query;
  u.hash = "";
  return u.toString();
}

function positiveInt(v: unknown): number | undefined {
  return typeof v === "number" && Number.isSafeInteger(v) && v > 0 ? v : undefined;
}

function strings(v: unknown): string[] | undefined {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : undefined;
}

/** Listing parameter names → the request keys we send (`max_tokens` is our `max_completion_tokens`). */
function requestKeyOf(name: string): string {
  return name === "max_tokens" ? "max_completion_tokens" : name;
}

/**
 * One entry of any listing form: the default `{id}`, the openrouter form (`context_length`,
 * `max_output_length`, `input_modalities`, `supported_features`, `supported_sampling_parameters`), the
 * huggingface form (`capabilities.vision`) or the public-model form (`limits`, `capabilities`,
 * `supported_parameters`). Fields that are missing or malformed stay undefined.
 */
export function listedModelFromEntry(entry: unknown): ListedModelFacts | undefined {
  const rawId = typeof entry === "string" ? entry : isJsonObject(entry) ? entry.id : undefined;
  if (typeof rawId !== "string" || rawId.trim() === "") return undefined;
  const facts: ListedModelFacts = { id: rawId.trim().replace(/^cerebras\//, "") };
  if (!isJsonObject(entry)) return facts;
  const limits = isJsonObject(entry.limits) ? entry.limits : {};
  const caps = isJsonObject(entry.capabilities) ? entry.capabilities : {};
  const contextWindow = positiveInt(entry.context_length) ?? positiveInt(limits.max_context_length);
  const maxOutput = positiveInt(entry.max_output_length) ?? positiveInt(limits.max_completion_tokens);
  if (contextWindow !== undefined) facts.contextWindow = contextWindow;
  if (maxOutput !== undefined) facts.maxOutput = maxOutput;

  const modalities = strings(entry.input_modalities);
  const modality = isJsonObject(entry.architecture) ? entry.architecture.modality : undefined;
  if (typeof caps.vision === "boolean") facts.vision = caps.vision;
  else if (modalities) facts.vision = modalities.includes("image");
  else if (typeof modality === "string") facts.vision = modality !== "text";

  const features = strings(entry.supported_features);
  if (typeof caps.reasoning === "boolean") facts.reasoning = caps.reasoning;
  else if (features) facts.reasoning = features.includes("reasoning");

  const sampling = strings(entry.supported_sampling_parameters);
  if (sampling) facts.supportedParameters = [...new Set(sampling.map(requestKeyOf))];
  else if (isJsonObject(entry.supported_parameters)) {
    facts.supportedParameters = Object.entries(entry.supported_parameters)
      .filter(([, on]) => on === true)
      .map(([name]) => requestKeyOf(name));
  }
  if (typeof entry.deprecated === "boolean") facts.deprecated = entry.deprecated;
  return facts;
}

/** Every model of a listing `{data:[…]}` (also a bare array or `{models:[…]}`); null when it is not one. */
export function listedModelsFromResponse(body: unknown): ListedModelFacts[] | null {
  const list = Array.isArray(body) ? body : isJsonObject(body) ? (body.data ?? body.models) : undefined;
  if (!Array.isArray(list)) return null;
  const byId = new Map<string, ListedModelFacts>();
  for (const entry of list) {
    const facts = listedModelFromEntry(entry);
    if (facts && !byId.has(facts.id)) byId.set(facts.id, facts);
  }
  return [...byId.values()];
}

/** Ids of a listing (see listedModelsFromResponse). */
export function liveIdsFromModelsResponse(body: unknown): string[] | null {
  return listedModelsFromResponse(body)?.map((m) => m.id) ?? null;
}

async function getListing(
  url: string,
  apiKey: string,
  fetchImpl: FetchLike,
  signal: AbortSignal,
): Promise<{ models: ListedModelFacts[] | null; status?: number; reason?: string }> {
  const res = await fetchImpl(url, {
    headers: { authorization: `Bearer ${apiKey}`, accept: "application/json" },
    signal,
  });
  if (!res.ok) return { models: null, status: res.status, reason: `HTTP ${res.status}` };
  const models = listedModelsFromResponse(await res.json().catch(() => undefined));
  return models && models.length > 0 ? { models } : { models: null, reason: "no model list in the answer" };
}

/**
 * The account's listing: the openrouter form first (it carries the limits); when that form is refused
 * or malformed (a gateway that only knows the plain form), the plain form. One timeout covers both.
 */
export async function fetchModelListing(
  baseUrl: string,
  apiKey: string | undefined,
  opts: { timeoutMs?: number; fetchImpl?: FetchLike } = {},
): Promise<ListingResult> {
  if (!apiKey) return { models: null, reason: "CEREBRAS_API_KEY is not set" };
  const fetchImpl = opts.fetchImpl ?? (globalThis.fetch as unknown as FetchLike);
  const signal = AbortSignal.timeout(opts.timeoutMs ?? 5000);
  try {
    const rich = await getListing(modelsUrl(baseUrl, "openrouter"), apiKey, fetchImpl, signal);
    if (rich.models || rich.status === 401 || rich.status === 403) return rich;
    const plain = await getListing(modelsUrl(baseUrl), apiKey, fetchImpl, signal);
    return plain.models ? plain : { models: null, reason: plain.reason ?? rich.reason };
  } catch (err) {
    return {
      models: null,
      reason: signal.aborted ? "timed out" : String((err as Error).message ?? err),
    };
  }
}
