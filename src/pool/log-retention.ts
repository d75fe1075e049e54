// Keeps the request-log folder bounded: date folders older than maxAgeDays go first, then the oldest
// files until the total fits maxBytes. Only `YYYY-MM-DD` folders and `*.json` files are ever touched.

import { readdir, rm, rmdir, stat } from "node:fs/promises";
import { join } from "node:path";

const DATE_DIR = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` in local time. */
export function localDateStamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

async function dateDirs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory() && DATE_DIR.test(e.name))
    .map((e) => e.name)
    .sort();
}

export interface PruneResult {
  removedDirs: string[];
  removedFiles: number;
}

export async function pruneRequestLogs(
  dir: string,
  limits: { maxAgeDays: number; maxBytes: number },
  now: Date = new Date(),
): Promise<PruneResult> {
  const cutoff = new Date(now.getFullYear(), now.getMonth(), now.getDate() - limits.maxAgeDays);
  const oldest = localDateStamp(cutoff);
  const result: PruneResult = { removedDirs: [], removedFiles: 0 };
  const kept: string[] = [];
  for (const name of await dateDirs(dir)) {
    if (name < oldest) {
      await rm(join(dir, name), { recursive: true, force: true });
      result.removedDirs.push(name);
    } else kept.push(name);
  }
  const files: Array<{ path: string; size: number }> = [];
  for (const name of kept) {
    const entries = (await readdir(join(dir, name)).catch(() => []))
      .filter((f) => f.endsWith(".json"))
      .sort();
    for (const f of entries) {
      const path = join(dir, name, f);
      const size = await stat(path).then(
        (s) => s.size,
        () => 0,
      );
      files.push({ path, size });
    }
  }
  let total = files.reduce((n, f) => n + f.size, 0);
  for (const f of files) {
    if (total <= limits.maxBytes) break;
    await rm(f.path, { force: true });
    total -= f.size;
    result.removedFiles++;
  }
  const today = localDateStamp(now);
  for (const name of kept) {
    if (name !== today) await rmdir(join(dir, name)).catch(() => {}); // only succeeds when empty
  }
  return result;
}
