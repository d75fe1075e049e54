// Which model ids Cerebras serves right now (`GET /v1/models`), cached per base URL. Used only to turn
// a retired or mistyped model into a clear 404 naming the live models; when the list cannot be had,
// requests go through unchanged (a configured model keeps working for as long as Cerebras serves it).

export function modelsUrlFromChatUrl(chatUrl: string): string {
  const u = new URL(chatUrl);
  u.pathname = `${u.pathname.replace(/\/chat\/completions\/?$/, "")}/models`;
  u.search = "";
  return u.toString();
}

interface Entry {
  ids?: string[];
  /** Until when `ids` (or the failure to get them) stands; a failure is retried after 30 s. */
  expires: number;
  pending?: Promise<string[] | undefined>;
}

export class LiveModelCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly timeoutMs = 3000,
    private readonly fetchImpl: typeof fetch = (...a) => fetch(...a),
  ) {}

  /** The live ids, or undefined when Cerebras could not be asked. At most one fetch per URL at a time. */
  async get(chatUrl: string, apiKey: string): Promise<string[] | undefined> {
    const url = modelsUrlFromChatUrl(chatUrl);
    const e = this.entries.get(url);
    if (e?.pending) return e.pending;
    if (e && Date.now() < e.expires) return e.ids;
    const pending = this.fetchIds(url, apiKey).then((ids) => {
      this.entries.set(url, { ids, expires: Date.now() + (ids ? this.ttlMs : 30_000) });
      return ids;
    });
    this.entries.set(url, { ids: e?.ids, expires: 0, pending });
    return pending;
  }

  private async fetchIds(url: string, apiKey: string): Promise<string[] | undefined> {
    try {
      const res = await this.fetchImpl(url, {
        headers: { Authorization: `Bearer ${apiKey}` },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (!res.ok) return undefined;
      const json = (await res.json()) as { data?: Array<{ id?: unknown }> };
      const ids = (json.data ?? []).map((m) => m.id).filter((id): id is string => typeof id === "string");
      return ids.length ? ids.map((id) => id.replace(/^cerebras\//, "")) : undefined;
    } catch {
      return undefined;
    }
  }
}
