// The Anthropic `system` field (+ Claude Code 2.1.x's first in-conversation system message) → the one
// system string Cerebras gets first.

import type { AnthropicSystem } from "./anthropic-request";
import { hasVisibleText } from "./input";

/** Claude Code 2.1.x's per-request attribution block: it changes on every request, so it would defeat the prefix cache. */
const BILLING_HEADER_RE = /^\s*x-anthropic-billing-header:/;

/** The texts of `system` (a string or text blocks), without the billing header and empty blocks. */
export function anthropicSystemTexts(system: AnthropicSystem): string[] {
  if (system === undefined || system === null) return [];
  if (typeof system === "string") return hasVisibleText(system) ? [system] : [];
  return system
    .map((block) => block.text)
    .filter((text) => hasVisibleText(text) && !BILLING_HEADER_RE.test(text));
}

/**
 * The Cerebras system string: the `system` texts, then the first `role:"system"` message of the
 * conversation, joined with blank lines. Undefined when there is nothing to say.
 */
export function anthropicToCerebrasSystem(
  system: AnthropicSystem,
  appended: readonly string[] = [],
): string | undefined {
  const parts = [...anthropicSystemTexts(system), ...appended.filter(hasVisibleText)];
  return parts.length ? parts.join("\n\n") : undefined;
}
