// Cerebras `usage` → Anthropic `usage` (docs/mapping.md#32-usage).

import type { AnthropicUsage } from "../wire/anthropic";
import type { CerebrasUsage } from "../wire/cerebras";

/** Output estimate when the upstream reports no usage: characters ÷ 4 (docs/mapping.md#32-usage). */
export function estimateOutputTokens(outputChars: number): number {
  return Math.ceil(outputChars / 4);
}

export interface UsageFallback {
  inputTokens: number;
  outputTokens: number;
}

function count(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : undefined;
}

/** `input_tokens` is net of the cached prefix, which Anthropic reports apart as `cache_read_input_tokens`. */
export function cerebrasToAnthropicUsage(
  usage: CerebrasUsage | null | undefined,
  fallback: UsageFallback,
): Required<AnthropicUsage> {
  const prompt = count(usage?.prompt_tokens);
  const cached = Math.min(count(usage?.prompt_tokens_details?.cached_tokens) ?? 0, prompt ?? 0);
  const completion = count(usage?.completion_tokens);
  return {
    input_tokens: prompt === undefined ? fallback.inputTokens : prompt - cached,
    output_tokens: completion ?? fallback.outputTokens,
    cache_read_input_tokens: cached,
    cache_creation_input_tokens: 0,
  };
}
