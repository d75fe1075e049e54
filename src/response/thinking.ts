// Reasoning → Anthropic thinking. Cerebras puts reasoning in `reasoning` (parsed formats) or, in the raw
// format, as `<think>…</think>` at the start of `content` (docs/mapping.md#54-reasoning-by-model).

/** Cerebras has no thinking signature; clients only need a stable non-empty string to echo back. */
export const CEREBRAS_THINKING_SIGNATURE = "cerebras";

export const THINK_OPEN_TAG = "<think>";
export const THINK_CLOSE_TAG = "</think>";

/**
 * Splits a leading `<think>…</think>` (after optional whitespace) off `content`. An unclosed tag makes
 * everything after it reasoning (the budget ran out while thinking). Whitespace between the closing
 * tag and the answer is dropped.
 */
export function splitLeadingThinkTag(content: string): { reasoning: string; text: string } | undefined {
  const start = content.length - content.trimStart().length;
  if (!content.startsWith(THINK_OPEN_TAG, start)) return undefined;
  const from = start + THINK_OPEN_TAG.length;
  const end = content.indexOf(THINK_CLOSE_TAG, from);
  if (end < 0) return { reasoning: content.slice(from), text: "" };
  return {
    reasoning: content.slice(from, end),
    text: content.slice(end + THINK_CLOSE_TAG.length).trimStart(),
  };
}
