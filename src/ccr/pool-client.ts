// The plugin's own upstream client. ccr turns any non-2xx upstream answer into its own error before a
// plugin sees it, so the plugin calls Cerebras itself, in process, through the key pool of src/pool
// (`PoolService.call`): it rotates keys, retries, and answers a final failure with the mapped Anthropic error.
// ccr's own upstream call goes to HANDOFF_URL and costs nothing. One pool per process, shared by every
// transformer instance, started on the first request; its only socket is the token-checked status
// endpoint that `ccr-cerebras status` reads.

import { homedir } from "node:os";
import { join } from "node:path";
import { type PoolCallOutcome, type PoolService, startPoolService } from "../pool/index";

export function ccrHomeDir(home = homedir()): string {
  return join(home, ".claude-code-router");
}

/** Where the running pool writes its status endpoint's `{url, token, pid}` (mode 600) for `ccr-cerebras status`. */
export function poolStatusFilePath(home = homedir()): string {
  return join(ccrHomeDir(home), "cerebras-relay.json");
}

export interface RequestLogSetting {
  maxAgeDays?: number;
  maxBytes?: number;
}

let shared: Promise<PoolService | undefined> | undefined;

/** The process's key pool, or undefined when it could not start (ccr then calls Cerebras itself). */
export function sharedPoolService(
  log: RequestLogSetting | false,
  onError: (err: unknown) => void,
  notice?: (message: string) => void,
): Promise<PoolService | undefined> {
  shared ??= startPoolService({
    notice,
    statusFile: poolStatusFilePath(),
    log: log ? { dir: join(ccrHomeDir(), "logs", "cerebras"), ...log } : false,
  }).catch((err) => {
    onError(err);
    return undefined;
  });
  return shared;
}

/**
 * What ccr fetches instead of Cerebras in key-pool mode: a `data:` URL answers at once, with no socket, so
 * ccr's own upstream call costs nothing (ccr honours `config.url`; docs/ccr-contract.md#62-request-hooks-and-the-upstream-call).
 */
export const HANDOFF_URL = "data:text/event-stream,";

type Answer = Extract<PoolCallOutcome, { kind: "json" } | { kind: "stream" }>;

export interface ParkedAnswer {
  /** Takes the answer (once); undefined when it was already taken or abandoned. */
  claim(): Answer | undefined;
}

/**
 * Holds Cerebras' answer between transformRequestIn and transformResponseOut. Should ccr never ask for it
 * (another transformer failed in between), the upstream stream is cancelled instead of leaking.
 */
export function parkUpstreamAnswer(answer: Answer, abandonAfterMs = 60_000): ParkedAnswer {
  let held: Answer | undefined = answer;
  const timer = setTimeout(() => {
    if (held?.kind === "stream") held.body.cancel().catch(() => {});
    held = undefined;
  }, abandonAfterMs);
  timer.unref?.();
  return {
    claim() {
      clearTimeout(timer);
      const a = held;
      held = undefined;
      return a;
    },
  };
}
