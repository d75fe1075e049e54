// The plugin's own upstream client. ccr turns any non-2xx upstream answer into its own error before a
// plugin sees it, so the plugin points ccr (`config.url`) at a relay it starts inside the ccr process on
// 127.0.0.1: the relay rotates keys, retries, and answers a final failure with the mapped Anthropic error.
// One relay per process, shared by every transformer instance, started on the first request.

import { homedir } from "node:os";
import { join } from "node:path";
import { RELAY_HEADERS, type Relay, startRelay } from "../relay/index";

export function ccrHomeDir(home = homedir()): string {
  return join(home, ".claude-code-router");
}

/** Where the running relay writes `{url, token, pid}` (mode 600) for `ccr-cerebras status`. */
export function relayStatusFilePath(home = homedir()): string {
  return join(ccrHomeDir(home), "cerebras-relay.json");
}

export interface RequestLogSetting {
  maxAgeDays?: number;
  maxBytes?: number;
}

let shared: Promise<Relay | undefined> | undefined;

/** The process's relay, or undefined when it could not start (requests then go to Cerebras directly). */
export function sharedRelay(
  log: RequestLogSetting | false,
  onError: (err: unknown) => void,
): Promise<Relay | undefined> {
  shared ??= startRelay({
    statusFile: relayStatusFilePath(),
    log: log ? { dir: join(ccrHomeDir(), "logs", "cerebras"), ...log } : false,
  }).catch((err) => {
    onError(err);
    return undefined;
  });
  return shared;
}

/** The `config` that sends ccr's upstream call through the relay. */
export function relayRequestConfig(
  relay: Relay,
  upstream: string,
  apiKey: string,
  facts: { model: string; reserveTokens: number; requestId?: string },
): { url: URL; headers: Record<string, string> } {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${apiKey}`,
    [RELAY_HEADERS.token]: relay.token,
    [RELAY_HEADERS.upstream]: upstream,
    [RELAY_HEADERS.model]: facts.model,
    [RELAY_HEADERS.reserve]: String(facts.reserveTokens),
  };
  if (facts.requestId) headers[RELAY_HEADERS.requestId] = facts.requestId;
  return { url: new URL("/v1/chat/completions", relay.url), headers };
}
