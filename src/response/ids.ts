// Identifiers the response side invents: message ids and tool_use ids the upstream did not supply.

const TOOL_USE_ID_RE = /^[a-zA-Z0-9_-]+$/;

function randomHex(bytes: number): string {
  const buf = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buf);
  let out = "";
  for (const b of buf) out += b.toString(16).padStart(2, "0");
  return out;
}

export function newAnthropicMessageId(): string {
  return `msg_${randomHex(12)}`;
}

/** The `request-id` header value the Anthropic API sends with every answer. */
export function newAnthropicRequestId(): string {
  return `req_${randomHex(12)}`;
}

export function newAnthropicToolUseId(): string {
  return `toolu_${randomHex(12)}`;
}

/**
 * The tool_use id for a Cerebras tool call: its own id when it fits Anthropic's `^[a-zA-Z0-9_-]+$`
 * (Cerebras ids such as `3e1a9c07b` do), a sanitised copy when it does not, a fresh one when absent.
 */
export function cerebrasToAnthropicToolUseId(upstreamId: string | undefined | null): string {
  if (!upstreamId) return newAnthropicToolUseId();
  if (TOOL_USE_ID_RE.test(upstreamId)) return upstreamId;
  const cleaned = upstreamId.replace(/[^a-zA-Z0-9_-]/g, "_");
  return cleaned.length > 0 ? cleaned : newAnthropicToolUseId();
}
