// Replaying earlier assistant thinking to Cerebras, per model family, in the assistant `content`:
// GLM and Qwen read it back as `<think>…</think>` before the answer; GPT-OSS as the plain reasoning
// text before the answer (no markers: the form GPT-OSS itself produces in the `raw` reasoning format);
// other models get none. @see docs/models.md "Reasoning replay"
// (https://inference-docs.cerebras.ai/capabilities/reasoning, "Reasoning Context Retention")

import type { ModelInfo, ReasoningReplay } from "../models";
import { hasVisibleText } from "./input";

const THINK_OPEN_RE = /^\s*<think>/;

export function thinkingReplayOf(modelInfo: ModelInfo): ReasoningReplay {
  return modelInfo.reasoning?.replay ?? "drop";
}

/**
 * `text` with the thinking put back in front of it the way `replay` says. `think` is idempotent:
 * content that already starts with `<think>` (a client that stored the raw output) is left alone.
 * Returns whether anything was added.
 */
export function withReplayedThinking(
  thinking: readonly string[],
  text: string,
  replay: ReasoningReplay,
): { content: string; replayed: boolean } {
  const visible = thinking.filter(hasVisibleText);
  if (replay === "drop" || visible.length === 0) return { content: text, replayed: false };
  if (replay === "plain") return { content: `${visible.join("\n\n")}${text}`, replayed: true };
  if (THINK_OPEN_RE.test(text)) return { content: text, replayed: false };
  return { content: `<think>${visible.join("\n\n")}</think>${text}`, replayed: true };
}
