// Cerebras `finish_reason` → Anthropic `stop_reason` (docs/mapping.md#31-stop-reasons).

import type { AnthropicStopReason } from "../wire/anthropic";

/**
 * `hasToolUse` says whether the message holds at least one tool_use block: `tool_calls` without one
 * is `end_turn` (ccr S17), and `stop` (or an unknown reason) with one is `tool_use`, because a
 * tool_use block the client does not run would leave the next request without its tool_result.
 */
export function cerebrasFinishToAnthropicStopReason(
  finishReason: string | null | undefined,
  hasToolUse: boolean,
): AnthropicStopReason {
  if (finishReason === "length") return "max_tokens";
  if (finishReason === "content_filter") return "refusal";
  return hasToolUse ? "tool_use" : "end_turn";
}
