// Live model discovery for the installer: `GET <base-url>/models` with the Cerebras key and a hard
// timeout, and the warnings about the chosen default model (cerebras-api.md §12).

import { getModelInfo } from "../models";

export type FetchLike = (
  url: string,
  init: { headers: Record<string, string>; signal: AbortSignal },
) => Promise<{
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}>;

export interface DiscoveryResult {
  /** Live ids, or null when Cerebras could not be asked (no key, offline, timeout, error). */
  live: string[] | null;
  /** Why `live` is null, for a debug line. */
  reason?: string;
}

export function modelsUrl(baseUrl: string): string {
  return `${baseUrl
    .trim()
    .replace(/\/+$/, "")
    .replace(/\/chat\/completions$/, "")}/models`;
}

/** Ids from an OpenAI-style list `{data:[{id}]}` (also accepts a bare array or `{models:[…]}`). */
export function liveIdsFromModelsResponse(body: unknown): string[] | null {
  const list = Array.isArray(body)
    ? body
    : typeof body === "object" && body !== null
      ? ((body as { data?: unknown; models?: unknown }).data ?? (body as { models?: unknown }).models)
      : undefined;
  if (!Array.isArray(list)) return null;
  const ids = list
    .map((m) =>
      typeof m === "string"
        ? m
        : typeof m === "object" && m !== null
          ? (m as { id?: unknown }).id
          : undefined,
    )
    .filter((id): id is string => typeof id === "string" && id.length > 0)
    .map((id) => id.replace(/^cerebras\//, ""));
  return [...new Set(ids)];
}

export async function fetchLiveModelIds(
  baseUrl: string,
  apiKey: string | undefined,
  opts: { timeoutMs?: number; fetchImpl?: FetchLike } = {},
): Promise<DiscoveryResult> {
  if (!apiKey) return { live: null, reason: "CEREBRAS_API_KEY is not set" };
  const fetchImpl = opts.fetchImpl ?? (globalThis.fetch as unknown as FetchLike);
  const signal = AbortSignal.timeout(opts.timeoutMs ?? 5000);
  try {
    const res = await fetchImpl(modelsUrl(baseUrl), {
      headers: { authorization: `Bearer ${apiKey}`, accept: "application/json" },
      signal,
    });
    if (!res.ok) return { live: null, reason: `HTTP ${res.status}` };
    const live = liveIdsFromModelsResponse(await res.json());
    return live && live.length > 0 ? { live } : { live: null, reason: "no model list in the answer" };
  } catch (err) {
    return { live: null, reason: signal.aborted ? "timed out" : String((err as Error).message ?? err) };
  }
}

/** Warnings about `model`: retired according to the table, or absent from the live list. */
export function modelWarnings(
  model: string,
  live: readonly string[] | null,
  today: Date = new Date(),
): string[] {
  const info = getModelInfo(model);
  const day = today.toISOString().slice(0, 10);
  const retired = info.retired !== undefined && info.retired <= day;
  if (live) {
    if (live.includes(model)) return [];
    const why = retired ? ` (Cerebras retired it on ${info.retired})` : "";
    return [`${model} is not among the models Cerebras serves to this key${why}; live: ${live.join(", ")}`];
  }
  if (retired) {
    return [
      `${model} was retired by Cerebras on ${info.retired}: it is still sent as configured, and Cerebras answers model_not_found unless your account still serves it`,
    ];
  }
  return [];
}
