// Wire types of the Anthropic Messages API, as Claude Code and other clients send and accept them.
// Request-side types are deliberately loose (clients send more than the docs list); the translator
// validates what it reads and reports malformed input as an `invalid_request_error`.

export interface AnthropicCacheControl {
  type?: string;
  ttl?: string;
}

export interface AnthropicTextBlock {
  type: "text";
  text: string;
  cache_control?: AnthropicCacheControl;
  citations?: unknown;
}

export type AnthropicImageSource =
  | { type: "base64"; media_type: string; data: string }
  | { type: "url"; url: string }
  | { type: "file"; file_id: string };

export interface AnthropicImageBlock {
  type: "image";
  source: AnthropicImageSource;
  cache_control?: AnthropicCacheControl;
}

export interface AnthropicDocumentBlock {
  type: "document";
  source:
    | { type: "text"; media_type?: string; data: string }
    | { type: "base64"; media_type: string; data: string }
    | { type: "url"; url: string }
    | { type: "content"; content: string | AnthropicContentBlock[] }
    | { type: "file"; file_id: string };
  title?: string;
  context?: string;
  cache_control?: AnthropicCacheControl;
}

export interface AnthropicToolUseBlock {
  type: "tool_use";
  id: string;
  name: string;
  input: unknown;
  cache_control?: AnthropicCacheControl;
}

export interface AnthropicToolReferenceBlock {
  type: "tool_reference";
  tool_name: string;
}

export interface AnthropicToolResultBlock {
  type: "tool_result";
  tool_use_id: string;
  content?:
    | string
    | Array<AnthropicTextBlock | AnthropicImageBlock | AnthropicToolReferenceBlock | AnthropicContentBlock>;
  is_error?: boolean;
  cache_control?: AnthropicCacheControl;
}

export interface AnthropicThinkingBlock {
  type: "thinking";
  thinking: string;
  signature?: string;
}

export interface AnthropicRedactedThinkingBlock {
  type: "redacted_thinking";
  data: string;
}

/** Any block a client may send; unknown block types are tolerated and rendered or dropped by the translator. */
export type AnthropicContentBlock =
  | AnthropicTextBlock
  | AnthropicImageBlock
  | AnthropicDocumentBlock
  | AnthropicToolUseBlock
  | AnthropicToolResultBlock
  | AnthropicThinkingBlock
  | AnthropicRedactedThinkingBlock
  | AnthropicToolReferenceBlock
  | { type: string; [key: string]: unknown };

export interface AnthropicMessageParam {
  /** Claude Code 2.1.x also sends `system` inside `messages`. */
  role: "user" | "assistant" | "system";
  content: string | AnthropicContentBlock[];
}

export interface AnthropicTool {
  name: string;
  description?: string;
  input_schema?: Record<string, unknown>;
  /** Server tools (`web_search_20250305`, …) carry a `type`; custom tools may carry `type: "custom"`. */
  type?: string;
  defer_loading?: boolean;
  cache_control?: AnthropicCacheControl;
  strict?: boolean;
  [key: string]: unknown;
}

export type AnthropicToolChoice =
  | { type: "auto"; disable_parallel_tool_use?: boolean }
  | { type: "any"; disable_parallel_tool_use?: boolean }
  | { type: "tool"; name: string; disable_parallel_tool_use?: boolean }
  | { type: "none" };

export type AnthropicThinkingConfig =
  | { type: "enabled"; budget_tokens?: number; display?: string }
  | { type: "adaptive"; display?: string }
  | { type: "disabled" };

export interface AnthropicRequest {
  model: string;
  messages: AnthropicMessageParam[];
  max_tokens?: number;
  system?: string | AnthropicTextBlock[];
  stream?: boolean;
  temperature?: number;
  top_p?: number;
  top_k?: number;
  stop_sequences?: string[];
  tools?: AnthropicTool[];
  tool_choice?: AnthropicToolChoice;
  thinking?: AnthropicThinkingConfig;
  metadata?: { user_id?: string; [key: string]: unknown };
  output_config?: { effort?: string; format?: unknown; [key: string]: unknown };
  context_management?: { edits?: Array<{ type: string; keep?: unknown; [key: string]: unknown }> };
  [key: string]: unknown;
}

// ---------------------------------------------------------------------------------------------
// Response side

export type AnthropicStopReason =
  | "end_turn"
  | "max_tokens"
  | "stop_sequence"
  | "tool_use"
  | "pause_turn"
  | "refusal"
  | "model_context_window_exceeded";

export interface AnthropicUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens?: number;
  cache_read_input_tokens?: number;
}

export type AnthropicResponseBlock =
  | { type: "thinking"; thinking: string; signature: string }
  | { type: "text"; text: string }
  | { type: "tool_use"; id: string; name: string; input: Record<string, unknown> };

export interface AnthropicMessage {
  id: string;
  type: "message";
  role: "assistant";
  model: string;
  content: AnthropicResponseBlock[];
  stop_reason: AnthropicStopReason | null;
  stop_sequence: string | null;
  usage: AnthropicUsage;
}

export type AnthropicStartBlock =
  | { type: "thinking"; thinking: ""; signature: "" }
  | { type: "text"; text: "" }
  | { type: "tool_use"; id: string; name: string; input: Record<string, never> };

export type AnthropicDelta =
  | { type: "text_delta"; text: string }
  | { type: "thinking_delta"; thinking: string }
  | { type: "signature_delta"; signature: string }
  | { type: "input_json_delta"; partial_json: string };

export type AnthropicErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "billing_error"
  | "permission_error"
  | "not_found_error"
  | "request_too_large"
  | "rate_limit_error"
  | "api_error"
  | "timeout_error"
  | "overloaded_error";

export interface AnthropicErrorBody {
  type: "error";
  error: { type: AnthropicErrorType; message: string };
  request_id?: string;
}

export type AnthropicStreamEvent =
  | {
      type: "message_start";
      message: Omit<AnthropicMessage, "content" | "stop_reason"> & { content: []; stop_reason: null };
    }
  | { type: "content_block_start"; index: number; content_block: AnthropicStartBlock }
  | { type: "content_block_delta"; index: number; delta: AnthropicDelta }
  | { type: "content_block_stop"; index: number }
  | {
      type: "message_delta";
      delta: { stop_reason: AnthropicStopReason | null; stop_sequence: string | null };
      usage: AnthropicUsage;
    }
  | { type: "message_stop" }
  | { type: "ping" }
  | AnthropicErrorBody;
