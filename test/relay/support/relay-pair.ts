// A relay in front of the Cerebras emulator, with a key pool from CEREBRAS_API_KEYS, and small helpers
// to talk to the relay the way the ccr plugin does.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RELAY_HEADERS, type Relay, type RelayOptions, startRelay } from "../../../src/relay";
import { startCerebrasEmulator } from "../../emulator/server";
import { parseSse } from "../../emulator/sse-parse";
import type { Emulator, EmulatorOptions } from "../../emulator/types";

const FIXTURES = join(__dirname, "..", "..", "fixtures", "cerebras");
export const fixtureJson = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), "utf8"));

/** Fast retry settings: the suite must take seconds. */
export const FAST: RelayOptions = {
  maxWaitMs: 3000,
  retry: { maxRetries: 4, baseDelayMs: 20, maxDelayMs: 100, maxTotalMs: 8000 },
};

export interface Pair {
  emu: Emulator;
  relay: Relay;
  upstream: string;
  close(): Promise<void>;
}

/** `keys`: name → value; the relay gets them through CEREBRAS_API_KEYS (a JSON object). */
export async function startPair(
  keys: Record<string, string>,
  relayOpts: RelayOptions = {},
  emuOpts: EmulatorOptions = {},
): Promise<Pair> {
  const emu = await startCerebrasEmulator({ keys: Object.values(keys), ...emuOpts });
  const relay = await startRelay({
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
  token?: string | null;
  reserve?: number;
  authorization?: string;
  signal?: AbortSignal;
  requestId?: string;
}

export function postToRelay(
  pair: Pick<Pair, "relay" | "upstream">,
  body: unknown,
  o: PostOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    [RELAY_HEADERS.upstream]: pair.upstream,
    [RELAY_HEADERS.model]: "gpt-oss-120b",
  };
  if (o.token !== null) headers[RELAY_HEADERS.token] = o.token ?? pair.relay.token;
  if (o.reserve !== undefined) headers[RELAY_HEADERS.reserve] = String(o.reserve);
  if (o.authorization) headers.authorization = o.authorization;
  if (o.requestId) headers[RELAY_HEADERS.requestId] = o.requestId;
  return fetch(`${pair.relay.url}/v1/chat/completions`, {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
    signal: o.signal,
  });
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
