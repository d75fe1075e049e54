// The plugin's live model catalogue: what the account's listing (`GET /v1/models?format=openrouter`) says
// about each model, per base URL and account, kept in memory and on disk (catalogue-file.ts). `facts()`
// never waits: it answers from memory (first from the disk copy) and refreshes a stale listing in the
// background, so a request uses the listing of the previous refresh and the table before the first.
// A listing that cannot be had (offline, slow, malformed) logs ONE warning until it works again.

import {
  accountOf,
  type CatalogueEntry,
  defaultCatalogueFile,
  findCatalogueEntry,
  readCatalogueFile,
  writeCatalogueEntry,
} from "../catalogue-file";
import type { ListedModelFacts } from "../models";
import { type FetchLike, fetchModelListing, modelsUrl } from "../models-endpoint";

export interface CatalogueOptions {
  /** A listing older than this is refreshed (in the background). Default one hour. */
  ttlMs?: number;
  /** Hard timeout of one refresh. Default 5 s. */
  timeoutMs?: number;
  /** After a failed refresh, wait this long before the next try. Default 60 s. */
  retryMs?: number;
  fetchImpl?: FetchLike;
  /** The disk copy; null keeps the catalogue in memory only. Default ~/.claude-code-router/… */
  file?: string | null;
  now?: () => number;
  /** Called once per failure streak with a sentence for the log. */
  warn?: (message: string) => void;
}

interface Slot {
  entry?: CatalogueEntry;
  /** No refresh before this time (after a failure). */
  retryAt: number;
  pending?: Promise<CatalogueEntry | undefined>;
  warned: boolean;
}

export class ModelCatalogue {
  private readonly slots = new Map<string, Slot>();
  private readonly ttlMs: number;
  private readonly timeoutMs: number;
  private readonly retryMs: number;
  private readonly file: string | null;
  private readonly now: () => number;
  private diskRead?: CatalogueEntry[];

  constructor(private readonly opts: CatalogueOptions = {}) {
    this.ttlMs = opts.ttlMs ?? 60 * 60_000;
    this.timeoutMs = opts.timeoutMs ?? 5000;
    this.retryMs = opts.retryMs ?? 60_000;
    this.file = opts.file === undefined ? defaultCatalogueFile() : opts.file;
    this.now = opts.now ?? Date.now;
  }

  private slot(baseUrl: string, apiKey: string): Slot {
    const id = `${modelsUrl(baseUrl)} ${accountOf(apiKey)}`;
    let s = this.slots.get(id);
    if (!s) {
      this.diskRead ??= this.file ? readCatalogueFile(this.file) : [];
      s = { entry: findCatalogueEntry(this.diskRead, baseUrl, apiKey), retryAt: 0, warned: false };
      this.slots.set(id, s);
    }
    return s;
  }

  /**
   * What the listing said at the last refresh (undefined before the first one works). Starts a
   * background refresh when that listing is older than the TTL. Never throws, never waits.
   */
  facts(baseUrl: string, apiKey: string | undefined): readonly ListedModelFacts[] | undefined {
    if (!apiKey) return undefined;
    const s = this.slot(baseUrl, apiKey);
    const stale = !s.entry || this.now() - s.entry.fetchedAt >= this.ttlMs;
    if (stale && !s.pending && this.now() >= s.retryAt) void this.refresh(baseUrl, apiKey);
    return s.entry?.models;
  }

  /** Asks the listing now (at most one request per URL and account at a time). */
  refresh(baseUrl: string, apiKey: string): Promise<CatalogueEntry | undefined> {
    const s = this.slot(baseUrl, apiKey);
    s.pending ??= fetchModelListing(baseUrl, apiKey, {
      timeoutMs: this.timeoutMs,
      fetchImpl: this.opts.fetchImpl,
    })
      .then((r) => {
        if (!r.models) {
          s.retryAt = this.now() + this.retryMs;
          if (!s.warned)
            this.opts.warn?.(
              `the model listing at ${modelsUrl(baseUrl)} could not be read (${r.reason}); ` +
                `using ${s.entry ? "the previous listing" : "the built-in model table"} until it can`,
            );
          s.warned = true;
          return s.entry;
        }
        s.warned = false;
        s.entry = {
          url: modelsUrl(baseUrl),
          account: accountOf(apiKey),
          fetchedAt: this.now(),
          models: r.models,
        };
        this.persist(s.entry);
        return s.entry;
      })
      .finally(() => {
        s.pending = undefined;
      });
    return s.pending;
  }

  /** The live ids, fresh when possible (for the "model not found" error, which may wait). */
  async liveIds(baseUrl: string, apiKey: string): Promise<string[] | undefined> {
    const s = this.slot(baseUrl, apiKey);
    const fresh = s.entry && this.now() - s.entry.fetchedAt < 30_000;
    const entry = fresh ? s.entry : await this.refresh(baseUrl, apiKey);
    return entry?.models.map((m) => m.id);
  }

  private persist(entry: CatalogueEntry): void {
    if (!this.file) return;
    try {
      writeCatalogueEntry(this.file, entry);
    } catch (err) {
      // The in-memory copy still serves this process; only the next start loses the head start.
      this.opts.warn?.(`could not write ${this.file}: ${(err as Error).message}`);
    }
  }
}
