// Builds the plugin from the current sources once per test run, so integration tests never load a stale
// dist/ (CI separately checks that the committed dist/ equals a fresh build). Tests get the path with
// `builtPluginPath()` from test/support/plugin-path.ts.
import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { bundleCjs, PLUGIN_ENTRY } from "../../scripts/bundle";

declare module "vitest" {
  export interface ProvidedContext {
    pluginPath: string;
    pluginBuildError: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = resolve(".tmp");
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `cerebras-transformer.${process.pid}.cjs`);
  try {
    await bundleCjs({ entry: PLUGIN_ENTRY, outfile, logLevel: "silent" });
    project.provide("pluginPath", outfile);
    project.provide("pluginBuildError", "");
  } catch (err) {
    // Unit tests still run; the integration tests report this error when they ask for the plugin.
    project.provide("pluginPath", "");
    project.provide("pluginBuildError", String((err as Error).message ?? err));
  }
  return () => rmSync(outfile, { force: true });
}
