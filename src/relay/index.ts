// The relay between ccr and Cerebras: a key pool, retries of transient errors and rate limits,
// a status endpoint and optional redacted request logs. See ./server.ts for the protocol.

export { startRelay } from "./server";
export { fetchRelayStatus, formatRelayStatus } from "./status";
export type { Relay, RelayCallOutcome } from "./types";
