// Replaying earlier assistant thinking to Cerebras: `<think>…</think>` at the start of the assistant
// content for models that read it back (GLM, Qwen); dropped for the others (docs/mapping.md#13-reasoning-replay).

import type { ModelInfo } from "../models";
import { hasVisibleText } from "./input";

const THINK_OPEN_RE = /^\s*<think>/;

export function replaysThinking(model: ModelInfo): boolean {
  return model.reasoning?.replay === "think";
}

/**
 * `text` with the thinking prepended as `<think>…</think>`. Idempotent: content that already starts
 * with `<think>` (a client that stored the raw output) is left alone. Returns whether a prefix was added.
 */
export function withThinkPrefix(
  thinking: readonly string[],
  text: string,
): { content: string; replayed: boolean } {
  const visible = thinking.filter(hasVisibleText);
  if (visible.length === 0 || THINK_OPEN_RE.test(text)) return { content: text, replayed: false };
  return { content: `<think>${visible.join("\n\n")}</think>${text}`, replayed: true };
}
