// One key pool per upstream URL and key set, created on first use.

import { createHash } from "node:crypto";
import { KeyPool } from "./key-pool";
import type { PoolKey } from "./keys";
import type { PoolStatus } from "./types";

/** The URL as shown in status output: no credentials, no query. */
export function displayUpstream(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return "(invalid url)";
  }
}

export class PoolRegistry {
  private readonly pools = new Map<string, KeyPool>();

  get(upstream: string, keys: readonly PoolKey[]): KeyPool {
    const fingerprint = createHash("sha256")
      .update(keys.map((k) => `${k.name}\0${k.value}`).join("\n"))
      .digest("hex");
    const id = `${upstream}\n${fingerprint}`;
    let pool = this.pools.get(id);
    if (!pool) {
      pool = new KeyPool(displayUpstream(upstream), keys);
      this.pools.set(id, pool);
    }
    return pool;
  }

  all(): KeyPool[] {
    return [...this.pools.values()];
  }

  status(): PoolStatus[] {
    return this.all().map((p) => p.status());
  }
}
