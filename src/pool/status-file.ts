// `{url, token, pid}` on disk (mode 600, written atomically) so `ccr-cerebras status` can find the key pool.

import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

export interface PoolStatusFile {
  url: string;
  token: string;
  pid: number;
}

export async function writeRelayStatusFile(path: string, content: PoolStatusFile): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(content)}\n`, { mode: 0o600 });
  await rename(tmp, path);
}

export async function readRelayStatusFile(path: string): Promise<PoolStatusFile> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new Error(`no relay status file at ${path}: is ccr running with the ccr-cerebras plugin?`);
  }
  const v = JSON.parse(text) as Partial<PoolStatusFile>;
  if (typeof v.url !== "string" || typeof v.token !== "string") {
    throw new Error(`the relay status file ${path} is malformed`);
  }
  return { url: v.url, token: v.token, pid: Number(v.pid) };
}

/** Removes the file only if it still describes this key pool (another process may have replaced it). */
export async function removeRelayStatusFile(path: string, token: string): Promise<void> {
  const current = await readRelayStatusFile(path).catch(() => undefined);
  if (current?.token === token) await rm(path, { force: true });
}
