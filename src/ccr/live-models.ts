// Which model ids Cerebras serves right now (`GET /v1/models`), cached per URL. Used only to turn a
// "model not found" from Cerebras into a clear 404 naming the live models.

import { type FetchLike, fetchLiveModelIds, modelsUrl } from "../models-endpoint";

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
    private readonly fetchImpl?: FetchLike,
  ) {}

  /** The live ids, or undefined when Cerebras could not be asked. At most one fetch per URL at a time. */
  async get(chatUrl: string, apiKey: string): Promise<string[] | undefined> {
    const url = modelsUrl(chatUrl);
    const e = this.entries.get(url);
    if (e?.pending) return e.pending;
    if (e && Date.now() < e.expires) return e.ids;
    const pending = fetchLiveModelIds(chatUrl, apiKey, {
      timeoutMs: this.timeoutMs,
      fetchImpl: this.fetchImpl,
    }).then((r) => {
      const ids = r.live ?? undefined;
      this.entries.set(url, { ids, expires: Date.now() + (ids ? this.ttlMs : 30_000) });
      return ids;
    });
    this.entries.set(url, { ids: e?.ids, expires: 0, pending });
    return pending;
  }
}
