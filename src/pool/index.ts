// The key pool service the plugin calls Cerebras through, in process: a key pool per upstream, retries of
// transient errors and rate limits, stall bounds, a loopback status endpoint (./server.ts) and optional
// redacted request logs. (The user-facing option is still called `relay`, its status file cerebras-relay.json.)

export { startPoolService } from "./server";
export { fetchPoolServiceStatus, formatPoolServiceStatus } from "./status";
export type { PoolCallOutcome, PoolService } from "./types";
