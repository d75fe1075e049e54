// config.example.json must be what install.sh writes into an empty HOME (modulo the absolute plugin path).
import { readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { describe, expect, it } from "vitest";
import { mergeCerebrasConfig } from "../../src/install/config";
import { REPO_ROOT } from "./support";

describe("config.example.json", () => {
  const example = JSON.parse(readFileSync(join(REPO_ROOT, "config.example.json"), "utf8"));

  it("names the plugin by an absolute path to cerebras-transformer.cjs", () => {
    const path: string = example.transformers[0].path;
    expect(isAbsolute(path)).toBe(true);
    expect(path.endsWith("/.claude-code-router/plugins/cerebras-transformer.cjs")).toBe(true);
  });

  it("equals the merger's output for a fresh install (regenerate it when the model table changes)", () => {
    const pluginPath = example.transformers[0].path;
    const { config } = mergeCerebrasConfig({}, { pluginPath });
    expect(example).toEqual(config);
  });
});
