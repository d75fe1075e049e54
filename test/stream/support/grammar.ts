// A checker for the Anthropic stream grammar this project promises (docs/mapping.md#62-streams-claude-code-accepts,
// docs/mapping.md#22-streaming-response): message_start first; blocks indexed 0..n in start order,
// one open at a time, deltas matching their block, every block stopped; at most one thinking block,
// then at most one text block, then tool_use blocks with complete JSON objects; then message_delta
// with usage and message_stop. Or: a valid prefix followed by exactly one error event.

import type { AnthropicStreamEvent } from "../../../src/wire/anthropic";

type BlockType = "thinking" | "text" | "tool_use";

const DELTA_FOR: Record<string, BlockType> = {
  thinking_delta: "thinking",
  signature_delta: "thinking",
  text_delta: "text",
  input_json_delta: "tool_use",
};

const ORDER: Record<BlockType, number> = { thinking: 0, text: 1, tool_use: 2 };

/** The list of grammar violations; empty when the stream is valid. */
export function anthropicStreamViolations(events: readonly AnthropicStreamEvent[]): string[] {
  const v: string[] = [];
  if (events.length === 0) return ["no events"];
  const last = events[events.length - 1]!;
  const errorAt = events.findIndex((e) => e.type === "error");
  if (errorAt >= 0 && errorAt !== events.length - 1)
    v.push(`error event at ${errorAt} is not the last event`);
  const failed = last.type === "error";
  if (failed) {
    const err = last as Extract<AnthropicStreamEvent, { type: "error" }>;
    if (!err.error || typeof err.error.type !== "string" || typeof err.error.message !== "string") {
      v.push("error event without error.type/error.message");
    }
  }

  let i = 0;
  if (events[0]!.type !== "message_start") {
    if (!(failed && events.length === 1)) v.push(`first event is ${events[0]!.type}, not message_start`);
    return v;
  }
  const start = events[0] as Extract<AnthropicStreamEvent, { type: "message_start" }>;
  if (!Array.isArray(start.message.content) || start.message.content.length !== 0)
    v.push("message_start content");
  if (!start.message.usage || typeof start.message.usage.input_tokens !== "number")
    v.push("message_start usage");
  if (start.message.stop_reason !== null) v.push("message_start stop_reason is not null");
  i = 1;

  let expectIndex = 0;
  let open: {
    index: number;
    type: BlockType;
    json: string;
    signatures: number;
    lastWasSignature: boolean;
  } | null = null;
  let lastOrder = -1;
  let thinkingBlocks = 0;
  let textBlocks = 0;
  let toolBlocks = 0;
  let sawDelta = false;
  for (; i < events.length; i++) {
    const e = events[i]!;
    if (e.type === "error") break;
    if (e.type === "ping") continue;
    if (e.type === "message_start") v.push(`second message_start at ${i}`);
    else if (e.type === "content_block_start") {
      if (sawDelta) v.push(`block starts after message_delta at ${i}`);
      if (open) v.push(`block ${e.index} starts while ${open.index} is open`);
      if (e.index !== expectIndex) v.push(`block index ${e.index}, expected ${expectIndex}`);
      const type = e.content_block.type as BlockType;
      if (!(type in ORDER)) v.push(`unknown block type ${type}`);
      if (ORDER[type] < lastOrder || (ORDER[type] === lastOrder && type !== "tool_use")) {
        v.push(`block order: ${type} after order ${lastOrder}`);
      }
      lastOrder = ORDER[type];
      if (type === "thinking") thinkingBlocks++;
      if (type === "text") textBlocks++;
      if (type === "tool_use") {
        toolBlocks++;
        const b = e.content_block as { id?: string; name?: string; input?: unknown };
        if (!b.id || !/^[a-zA-Z0-9_-]+$/.test(b.id)) v.push(`tool_use id ${b.id}`);
        if (!b.name) v.push("tool_use without name");
        if (JSON.stringify(b.input) !== "{}") v.push("tool_use start input is not {}");
      }
      open = { index: e.index, type, json: "", signatures: 0, lastWasSignature: false };
      expectIndex++;
    } else if (e.type === "content_block_delta") {
      if (!open || open.index !== e.index) {
        v.push(`delta for block ${e.index} that is not open`);
        continue;
      }
      const want = DELTA_FOR[e.delta.type];
      if (want !== open.type) v.push(`${e.delta.type} into a ${open.type} block`);
      if (e.delta.type === "signature_delta") open.signatures++;
      else if (open.lastWasSignature) v.push("delta after signature_delta");
      open.lastWasSignature = e.delta.type === "signature_delta";
      if (e.delta.type === "input_json_delta") open.json += e.delta.partial_json;
    } else if (e.type === "content_block_stop") {
      if (!open || open.index !== e.index) {
        v.push(`stop for block ${e.index} that is not open`);
        continue;
      }
      if (open.type === "thinking" && (open.signatures !== 1 || !open.lastWasSignature)) {
        v.push(
          `thinking block ${open.index} has ${open.signatures} signature_delta(s), not one just before stop`,
        );
      }
      if (open.type === "tool_use") {
        try {
          const input = JSON.parse(open.json);
          if (!input || typeof input !== "object" || Array.isArray(input))
            v.push("tool input is not an object");
        } catch {
          v.push(`tool input is not JSON: ${open.json.slice(0, 80)}`);
        }
      }
      open = null;
    } else if (e.type === "message_delta") {
      if (open) v.push(`message_delta while block ${open.index} is open`);
      if (sawDelta) v.push("second message_delta");
      sawDelta = true;
      if (!e.usage || typeof e.usage.output_tokens !== "number") v.push("message_delta without usage");
      if (e.delta.stop_reason === "tool_use" && toolBlocks === 0)
        v.push("stop_reason tool_use without tool_use");
    } else if (e.type === "message_stop") {
      if (!sawDelta) v.push("message_stop without message_delta");
      if (i !== events.length - 1) v.push("events after message_stop");
    }
  }
  if (thinkingBlocks > 1) v.push(`${thinkingBlocks} thinking blocks`);
  if (textBlocks > 1) v.push(`${textBlocks} text blocks`);
  if (!failed) {
    if (expectIndex === 0) v.push("no content block");
    if (open) v.push(`block ${open.index} never stopped`);
    if (last.type !== "message_stop") v.push(`last event is ${last.type}, not message_stop`);
  } else if (events.some((e) => e.type === "message_delta" || e.type === "message_stop")) {
    v.push("message_delta/message_stop before an error event");
  }
  return v;
}
