import { describe, expect, it } from "vitest";
import { expect400 } from "../../test/request/helpers";
import { parseAnthropicRequest } from "./anthropic-request";

const user = { role: "user", content: "hi" };

describe("parseAnthropicRequest", () => {
  it("returns the request with fields it does not know kept (the body sent on is built from an allow-list)", () => {
    const req = parseAnthropicRequest({ model: "m", messages: [user], mcp_servers: [], stream: null });
    expect(req).toEqual({ model: "m", messages: [user], mcp_servers: [], stream: null });
  });

  it("names the block inside an array-or-string field, not the field itself", () => {
    const content = [{ type: "text", text: "a" }, { text: "no type" }];
    expect400(
      () => parseAnthropicRequest({ model: "m", messages: [user, { role: "user", content }] }),
      /^messages\.1\.content\.1\.type: content block needs a type$/,
    );
    expect400(
      () => parseAnthropicRequest({ model: "m", messages: [{ role: "user", content: 5 }] }),
      /^messages\.0\.content: must be a string or an array of content blocks$/,
    );
  });

  it("reports the first malformed field in the order the translator reads them", () => {
    expect400(
      () => parseAnthropicRequest({ model: "", max_tokens: 0, messages: [], stream: "yes" }),
      /^model: must be a non-empty string$/,
    );
    expect400(
      () => parseAnthropicRequest({ model: "m", max_tokens: 1.5, messages: [user], stream: "yes" }),
      /^max_tokens: must be a positive integer$/,
    );
    expect400(() => parseAnthropicRequest([user]), /^body: the request must be a JSON object$/);
  });
});
