import { describe, expect, it } from "vitest";
import { expect400, expectValid, systemOf, translate } from "../../test/request/helpers";
import { anthropicToCerebrasSystem } from "./system";

describe("system", () => {
  it("passes a string through as the first message", () => {
    const t = translate({ system: "Be brief.", messages: [{ role: "user", content: "hi" }] });
    expect(t.body.messages[0]).toEqual({ role: "system", content: "Be brief." });
    expectValid(t);
  });

  it("joins blocks in order with a blank line, dropping cache_control, empty blocks and the billing header", () => {
    const t = translate({
      system: [
        { type: "text", text: "x-anthropic-billing-header: cc_version=2.1.330.d01; cc_entrypoint=sdk-cli;" },
        { type: "text", text: "You are a Claude agent.", cache_control: { type: "ephemeral" } },
        { type: "text", text: "" },
        { type: "text", text: "  " },
        { type: "text", text: "<main prompt>", cache_control: { type: "ephemeral", ttl: "1h" } },
      ],
      messages: [{ role: "user", content: "hi" }],
    });
    expect(systemOf(t)).toBe("You are a Claude agent.\n\n<main prompt>");
    expect(t.body.messages.filter((m) => m.role === "system")).toHaveLength(1);
    expect(JSON.stringify(t.body)).not.toContain("cache_control");
    expectValid(t);
  });

  it("is stable across requests whose billing headers differ (prefix cache)", () => {
    const make = (suffix: string) =>
      translate({
        system: [
          {
            type: "text",
            text: `x-anthropic-billing-header: cc_version=2.1.330.${suffix}; cc_entrypoint=cli;`,
          },
          { type: "text", text: "Prompt" },
        ],
        messages: [{ role: "user", content: "hi" }],
      });
    expect(JSON.stringify(make("d01").body)).toBe(JSON.stringify(make("232").body));
  });

  it("is left out when there is nothing to say", () => {
    const t = translate({
      system: [{ type: "text", text: "" }],
      messages: [{ role: "user", content: "hi" }],
    });
    expect(t.body.messages.map((m) => m.role)).toEqual(["user"]);
  });

  it("appends the in-conversation system text after the system blocks", () => {
    expect(anthropicToCerebrasSystem("A", ["B"])).toBe("A\n\nB");
    expect(anthropicToCerebrasSystem(undefined, ["B"])).toBe("B");
    expect(anthropicToCerebrasSystem(undefined, [""])).toBeUndefined();
  });

  it("rejects shapes that are not a string or text blocks", () => {
    expect400(() => translate({ system: 42, messages: [{ role: "user", content: "x" }] }), "system:");
    expect400(() => translate({ system: ["x"], messages: [{ role: "user", content: "x" }] }), "system.0");
    expect400(
      () => translate({ system: [{ type: "image" }], messages: [{ role: "user", content: "x" }] }),
      "system.0.type",
    );
  });
});
