// The model catalogue endpoint (`GET /v1/models`, docs/mapping.md#510-model-catalogue-endpoint): the installer asks it which
// models are live, the plugin asks it to name the live models when Cerebras answers "model not found".

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

/** `GET …/models` next to a base URL (`…/v1`) or a chat-completions URL, query string dropped. */
export function modelsUrl(baseUrl: string): string {
  const raw = baseUrl.trim();
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return `${raw.replace(/\/+$/, "").replace(/\/chat\/completions$/, "")}/models`;
  }
  u.pathname = `${u.pathname.replace(/\/+$/, "").replace(/\/chat\/completions$/, "")}/models`;
  u.search = "";
  u.hash = "";
  return u.toString();
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
