// The in-process key pool (src/pool) with the Cerebras emulator as its upstream and keys from
// CEREBRAS_API_KEYS, and helpers that call it as the ccr plugin does: a function call, no HTTP hop.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type PoolService, startPoolService } from "../../../src/pool";
import type { PoolServiceOptions } from "../../../src/pool/types";
import { startCerebrasEmulator } from "../../emulator/server";
import { parseSse } from "../../emulator/sse-parse";
import type { Emulator, EmulatorOptions } from "../../emulator/types";

const FIXTURES = join(__dirname, "..", "..", "fixtures", "cerebras");
export const fixtureJson = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), "utf8"));

/** Fast retry settings: the suite must take seconds. */
export const FAST: PoolServiceOptions = {
  maxWaitMs: 3000,
  retry: { maxRetries: 4, baseDelayMs: 20, maxDelayMs: 100, maxTotalMs: 8000 },
};

export interface Pair {
  emu: Emulator;
  relay: PoolService;
  upstream: string;
  close(): Promise<void>;
}

/** `keys`: name → value; the key pool gets them through CEREBRAS_API_KEYS (a JSON object). */
export async function startPair(
  keys: Record<string, string>,
  relayOpts: PoolServiceOptions = {},
  emuOpts: EmulatorOptions = {},
): Promise<Pair> {
  const emu = await startCerebrasEmulator({ keys: Object.values(keys), ...emuOpts });
  const relay = await startPoolService({
    ...FAST,
    ...relayOpts,
    env: { CEREBRAS_API_KEYS: JSON.stringify(keys) },
  });
  return {
    emu,
    relay,
    upstream: `${emu.url}/chat/completions`,
    close: async () => {
      await relay.close();
      await emu.close();
    },
  };
}

export function chatBody(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    model: "gpt-oss-120b",
    messages: [{ role: "user", content: text }],
    max_completion_tokens: 256,
    ...extra,
  };
}

export interface PostOptions {
  reserve?: number;
  /** `Bearer <key>`: the provider key, used when CEREBRAS_API_KEYS is unset. */
  authorization?: string;
  signal?: AbortSignal;
  requestId?: string;
  /** What the plugin tells the key pool about `stream` (it selects the stall bound). */
  stream?: boolean;
}

/**
 * One request through the key pool the way the ccr plugin makes it (in process, `relay.call`), with the
 * outcome as the HTTP response a client would have seen: the mapped error, the JSON body or the stream.
 */
export async function callPoolAsResponse(
  pair: Pick<Pair, "relay" | "upstream">,
  body: unknown,
  o: PostOptions = {},
): Promise<Response> {
  const out = await pair.relay.call({
    upstream: pair.upstream,
    apiKey: o.authorization?.replace(/^Bearer\s+/i, ""),
    body: new TextEncoder().encode(typeof body === "string" ? body : JSON.stringify(body)),
    reserveTokens: o.reserve,
    cerebrasModel: "gpt-oss-120b",
    requestId: o.requestId,
    signal: o.signal,
    stream: o.stream,
  });
  if (out.kind === "aborted") throw new Error("the relay call was aborted");
  if (out.kind === "error") {
    const headers: Record<string, string> = { "content-type": "application/json" };
    const retryAfter = out.error.headers["retry-after"];
    if ((out.error.status === 429 || out.error.status === 529) && retryAfter)
      headers["retry-after"] = retryAfter;
    return new Response(JSON.stringify(out.error.body), { status: out.error.status, headers });
  }
  const payload = out.kind === "json" ? (out.body as Uint8Array<ArrayBuffer>) : out.body;
  return new Response(payload, { status: out.status, headers: out.headers });
}

/** The concatenated `delta.content` of a Cerebras SSE body, and whether any event was an error. */
export function readSse(text: string): {
  content: string;
  errors: number;
  roleChunks: number;
  done: boolean;
} {
  let content = "";
  let errors = 0;
  let roleChunks = 0;
  let done = false;
  for (const e of parseSse(text)) {
    if (e.data === "[DONE]") {
      done = true;
      continue;
    }
    const obj = JSON.parse(e.data);
    if (e.event === "error" || obj.error) errors++;
    const delta = obj.choices?.[0]?.delta;
    if (delta?.role) roleChunks++;
    if (typeof delta?.content === "string") content += delta.content;
  }
  return { content, errors, roleChunks, done };
}

export const keysUsed = (emu: Emulator) => emu.requests.map((r) => r.key);
