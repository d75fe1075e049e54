// Wire types of the Cerebras chat-completions API (OpenAI dialect), limited to what the translator
// sends and reads. Cerebras rejects unknown request properties, so the request type is the allow-list.

export type CerebrasTextPart = { type: "text"; text: string };
export type CerebrasImagePart = {
  type: "image_url";
  image_url: { url: string; detail?: "auto" | "low" | "high" };
};

export interface CerebrasToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

export type CerebrasMessage =
  | { role: "system"; content: string }
  | { role: "user"; content: string | Array<CerebrasTextPart | CerebrasImagePart> }
  | { role: "assistant"; content: string; tool_calls?: CerebrasToolCall[] }
  | { role: "tool"; tool_call_id: string; content: string };

export interface CerebrasTool {
  type: "function";
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

export type CerebrasToolChoice =
  | "auto"
  | "none"
  | "required"
  | { type: "function"; function: { name: string } };

export type CerebrasReasoningEffort = "none" | "low" | "medium" | "high";

/** Every key Cerebras may receive from us. Nothing else is ever sent. */
export interface CerebrasRequest {
  model: string;
  messages: CerebrasMessage[];
  stream?: boolean;
  max_completion_tokens?: number;
  temperature?: number;
  top_p?: number;
  stop?: string[];
  tools?: CerebrasTool[];
  tool_choice?: CerebrasToolChoice;
  parallel_tool_calls?: boolean;
  reasoning_effort?: CerebrasReasoningEffort;
  clear_thinking?: boolean;
  user?: string;
}

export const CEREBRAS_REQUEST_KEYS: readonly (keyof CerebrasRequest)[] = [
  "model",
  "messages",
  "stream",
  "max_completion_tokens",
  "temperature",
  "top_p",
  "stop",
  "tools",
  "tool_choice",
  "parallel_tool_calls",
  "reasoning_effort",
  "clear_thinking",
  "user",
];

// ---------------------------------------------------------------------------------------------
// Responses

export interface CerebrasUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number } | null;
  completion_tokens_details?: { reasoning_tokens?: number } | null;
}

export type CerebrasFinishReason = "stop" | "length" | "tool_calls" | "content_filter" | string;

export interface CerebrasCompletion {
  id?: string;
  object?: string;
  created?: number;
  model?: string;
  choices?: Array<{
    index?: number;
    finish_reason?: CerebrasFinishReason | null;
    message?: {
      role?: string;
      content?: string | null;
      reasoning?: string | null;
      /** Not Cerebras' field; some OpenAI-compatible gateways rename `reasoning` to it. Read as an alias. */
      reasoning_content?: string | null;
      tool_calls?: Array<{
        id?: string;
        type?: string;
        function?: { name?: string; arguments?: string };
      }> | null;
    };
  }>;
  usage?: CerebrasUsage;
  time_info?: Record<string, number>;
}

export interface CerebrasToolCallDelta {
  index?: number;
  id?: string;
  type?: string;
  function?: { name?: string; arguments?: string };
}

export interface CerebrasChunk {
  id?: string;
  object?: string;
  created?: number;
  model?: string;
  choices?: Array<{
    index?: number;
    delta?: {
      role?: string;
      content?: string | null;
      reasoning?: string | null;
      /** Not Cerebras' field; some OpenAI-compatible gateways rename `reasoning` to it. Read as an alias. */
      reasoning_content?: string | null;
      tool_calls?: CerebrasToolCallDelta[] | null;
    };
    finish_reason?: CerebrasFinishReason | null;
  }> | null;
  usage?: CerebrasUsage | null;
  /** In-band error inside a 200 stream: `{"error":{…},"status_code":N}`. */
  error?: CerebrasErrorPayload;
  status_code?: number;
}

/** Cerebras HTTP error bodies are flat; in-stream errors wrap the same fields in `error`. */
export interface CerebrasErrorPayload {
  message?: string;
  type?: string;
  param?: string | null;
  code?: string | null;
}
