// A whole Anthropic message ⇄ its stream events. Used when the upstream answers in the other form than
// the client asked for (a gateway that ignores `stream`): the client still gets what it requested.

import { AnthropicHttpError } from "../errors";
import type { AnthropicMessage, AnthropicResponseBlock, AnthropicStreamEvent } from "../wire/anthropic";

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
    if (b.type === "thinking") {
      events.push(
        {
          type: "content_block_start",
          index,
          content_block: { type: "thinking", thinking: "", signature: "" },
        },
        { type: "content_block_delta", index, delta: { type: "thinking_delta", thinking: b.thinking } },
        { type: "content_block_delta", index, delta: { type: "signature_delta", signature: b.signature } },
      );
    } else if (b.type === "text") {
      events.push({ type: "content_block_start", index, content_block: { type: "text", text: "" } });
      if (b.text)
        events.push({ type: "content_block_delta", index, delta: { type: "text_delta", text: b.text } });
    } else {
      events.push(
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
      );
    }
    events.push({ type: "content_block_stop", index });
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

/**
 * Folds a stream's events into the message a client would build. An `error` event is thrown as the
 * {@link AnthropicHttpError} it stands for.
 */
export function anthropicStreamEventsToMessage(events: Iterable<AnthropicStreamEvent>): AnthropicMessage {
  let message: AnthropicMessage | undefined;
  const json: string[] = [];
  for (const e of events) {
    if (e.type === "error") throw AnthropicHttpError.fromBody(e);
    if (e.type === "message_start") message = { ...e.message, content: [] } as AnthropicMessage;
    if (!message) continue;
    if (e.type === "content_block_start") {
      message.content[e.index] = { ...e.content_block } as AnthropicResponseBlock;
      json[e.index] = "";
    } else if (e.type === "content_block_delta") {
      const b = message.content[e.index];
      const d = e.delta;
      if (b?.type === "text" && d.type === "text_delta") b.text += d.text;
      else if (b?.type === "thinking" && d.type === "thinking_delta") b.thinking += d.thinking;
      else if (b?.type === "thinking" && d.type === "signature_delta") b.signature = d.signature;
      else if (b?.type === "tool_use" && d.type === "input_json_delta") json[e.index] += d.partial_json;
    } else if (e.type === "content_block_stop") {
      const b = message.content[e.index];
      if (b?.type === "tool_use") b.input = json[e.index] ? JSON.parse(json[e.index]!) : {};
    } else if (e.type === "message_delta") {
      message.stop_reason = e.delta.stop_reason;
      message.stop_sequence = e.delta.stop_sequence;
      message.usage = { ...message.usage, ...e.usage };
    }
  }
  if (!message) throw new Error("the stream carried no message");
  return message;
}
