// The non-streaming twin of a synthetic Cerebras stream: what Cerebras would have answered with
// `stream:false` for the same generation. A deliberately naive, independent reading (concatenate
// reasoning, content and each call's arguments by index), used only for well-formed streams.

import type { CerebrasCompletion, CerebrasUsage } from "../../../src/wire/cerebras";
import type { DeltaSpec } from "./cerebras-sse";

export function collapseToCompletion(specs: DeltaSpec[]): CerebrasCompletion {
  let reasoning = "";
  let content = "";
  let finish: string | null = null;
  let usage: CerebrasUsage | undefined;
  const calls = new Map<number, { id?: string; name?: string; args: string }>();
  for (const s of specs) {
    if (s.usage) usage = s.usage;
    if (s.noChoices) continue;
    reasoning += s.reasoning ?? "";
    content += s.content ?? "";
    for (const tc of s.tool_calls ?? []) {
      const i = tc.index ?? 0;
      const call = calls.get(i) ?? { args: "" };
      call.id ??= tc.id;
      call.name ??= tc.function?.name;
      call.args += tc.function?.arguments ?? "";
      calls.set(i, call);
    }
    if (s.finish) finish = s.finish;
  }
  return {
    id: "chatcmpl-twin",
    object: "chat.completion",
    model: "zai-glm-4.7",
    choices: [
      {
        index: 0,
        finish_reason: finish,
        message: {
          role: "assistant",
          content: content || null,
          ...(reasoning ? { reasoning } : {}),
          ...(calls.size
            ? {
                tool_calls: [...calls.values()].map((c) => ({
                  id: c.id,
                  type: "function",
                  function: { name: c.name, arguments: c.args },
                })),
              }
            : {}),
        },
      },
    ],
    ...(usage ? { usage } : {}),
  };
}
