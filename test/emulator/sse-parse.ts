// Test helper: parses an SSE body (as text) into events with eventsource-parser, the parser the
// plugin itself uses, so the emulator's framing is checked by an independent implementation.

import { createParser } from "eventsource-parser";

export interface SseEvent {
  event: string | undefined;
  data: string;
}

export function parseSse(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = createParser({ onEvent: (e) => events.push({ event: e.event, data: e.data }) });
  parser.feed(text);
  return events;
}

/** The JSON objects of every `data:` event except `[DONE]`. */
export function sseJson(text: string): any[] {
  return parseSse(text)
    .filter((e) => e.data !== "[DONE]")
    .map((e) => JSON.parse(e.data));
}
