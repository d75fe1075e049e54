// A whole Anthropic message ⇄ its stream events. Used when the upstream answers in the other form than
// the client asked for (a gateway that ignores `stream`): the client still gets what it requested.

import { AnthropicHttpError } from "../errors";
import type {
  AnthropicDelta,
  AnthropicMessage,
  AnthropicResponseBlock,
  AnthropicStreamEvent,
} from "../wire/anthropic";

/** The events of one block: its start, one delta per field (none for empty text), no stop. */
function blockEvents(b: AnthropicResponseBlock, index: number): AnthropicStreamEvent[] {
  switch (b.type) {
    case "thinking":
      return [
        {
          type: "content_block_start",
          index,
          content_block: { type: "thinking", thinking: "", signature: "" },
        },
        { type: "content_block_delta", index, delta: { type: "thinking_delta", thinking: b.thinking } },
        { type: "content_block_delta", index, delta: { type: "signature_delta", signature: b.signature } },
      ];
    case "text": {
      const start: AnthropicStreamEvent = {
        type: "content_block_start",
        index,
        content_block: { type: "text", text: "" },
      };
      if (!b.text) return [start];
      return [start, { type: "content_block_delta", index, delta: { type: "text_delta", text: b.text } }];
    }
    case "tool_use":
      return [
        {
          type: "content_block_start",
          index,
          content_block: { type: "tool_use", id: b.id, name: b.name, input: {} },
        },
        {
          type: "content_block_delta",
          index,
          delta: { type: "input_json_delta", partial_json: JSON.stringify(b.input) },
        },
      ];
    default: {
      const _exhaustive: never = b;
      return [];
    }
  }
}

/** The event sequence of a complete message (one delta per block). */
export function anthropicMessageToStreamEvents(m: AnthropicMessage): AnthropicStreamEvent[] {
  const events: AnthropicStreamEvent[] = [
    {
      type: "message_start",
      message: {
        ...m,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { ...m.usage, output_tokens: 0 },
      },
    },
  ];
  m.content.forEach((b, index) => {
    events.push(...blockEvents(b, index), { type: "content_block_stop", index });
  });
  events.push(
    {
      type: "message_delta",
      delta: { stop_reason: m.stop_reason, stop_sequence: m.stop_sequence },
      usage: m.usage,
    },
    { type: "message_stop" },
  );
  return events;
}

/** Adds one delta to the block it belongs to (a delta of another block's kind is ignored). */
function applyDelta(
  b: AnthropicResponseBlock | undefined,
  d: AnthropicDelta,
  json: string[],
  index: number,
): void {
  switch (d.type) {
    case "text_delta":
      if (b?.type === "text") b.text += d.text;
      return;
    case "thinking_delta":
      if (b?.type === "thinking") b.thinking += d.thinking;
      return;
    case "signature_delta":
      if (b?.type === "thinking") b.signature = d.signature;
      return;
    case "input_json_delta":
      if (b?.type === "tool_use") json[index] += d.partial_json;
      return;
    default: {
      const _exhaustive: never = d;
    }
  }
}

/**
 * Folds a stream's events into the message a client would build (as the Anthropic SDK's
 * MessageStream#accumulateMessage does). An `error` event is thrown as the {@link AnthropicHttpError}
 * it stands for.
 * @see https://github.com/anthropics/anthropic-sdk-typescript/blob/main/src/lib/MessageStream.ts
 */
export function anthropicStreamEventsToMessage(events: Iterable<AnthropicStreamEvent>): AnthropicMessage {
  let message: AnthropicMessage | undefined;
  const json: string[] = [];
  for (const e of events) {
    if (e.type === "error") throw AnthropicHttpError.fromBody(e);
    if (e.type === "message_start") message = { ...e.message, content: [] } as AnthropicMessage;
    if (!message) continue;
    switch (e.type) {
      case "message_start":
      case "message_stop":
      case "ping":
        break;
      case "content_block_start":
        message.content[e.index] = { ...e.content_block } as AnthropicResponseBlock;
        json[e.index] = "";
        break;
      case "content_block_delta":
        applyDelta(message.content[e.index], e.delta, json, e.index);
        break;
      case "content_block_stop": {
        const b = message.content[e.index];
        if (b?.type === "tool_use") b.input = json[e.index] ? JSON.parse(json[e.index]!) : {};
        break;
      }
      case "message_delta":
        message.stop_reason = e.delta.stop_reason;
        message.stop_sequence = e.delta.stop_sequence;
        message.usage = { ...message.usage, ...e.usage };
        break;
      default: {
        const _exhaustive: never = e;
      }
    }
  }
  if (!message) throw new Error("the stream carried no message");
  return message;
}
