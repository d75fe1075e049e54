// The Anthropic `system` field (+ Claude Code 2.1.x's first in-conversation system message) → the one
// system string Cerebras gets first.

import { isJsonObject } from "../json-object";
import { fail, hasVisibleText } from "./input";

/** Claude Code 2.1.x's per-request attribution block: it changes on every request, so it would defeat the prefix cache. */
export const BILLING_HEADER_PREFIX = "x-anthropic-billing-header:";
const BILLING_HEADER_RE = /^\s*x-anthropic-billing-header:/;

/** The texts of `system` (a string or text blocks), without the billing header and empty blocks. */
export function anthropicSystemTexts(system: unknown): string[] {
  if (system === undefined || system === null) return [];
  if (typeof system === "string") return hasVisibleText(system) ? [system] : [];
  if (!Array.isArray(system)) fail("system", "must be a string or an array of text blocks");
  const texts: string[] = [];
  system.forEach((block, i) => {
    if (!isJsonObject(block)) fail(`system.${i}`, "must be a text block object");
    if (block.type !== "text") fail(`system.${i}.type`, "system blocks must be of type 'text'");
    if (typeof block.text !== "string") fail(`system.${i}.text`, "must be a string");
    if (!hasVisibleText(block.text) || BILLING_HEADER_RE.test(block.text)) return;
    texts.push(block.text);
  });
  return texts;
}

/**
 * The Cerebras system string: the `system` texts, then the first `role:"system"` message of the
 * conversation, joined with blank lines. Undefined when there is nothing to say.
 */
export function anthropicToCerebrasSystem(
  system: unknown,
  appended: readonly string[] = [],
): string | undefined {
  const parts = [...anthropicSystemTexts(system), ...appended.filter(hasVisibleText)];
  return parts.length ? parts.join("\n\n") : undefined;
}
