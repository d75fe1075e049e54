// The one esbuild setup of the project: a single CommonJS file for Node 20 with its dependencies inside.
// Deterministic (no timestamps, no absolute paths), so a fresh build equals the committed dist/.
import { build } from "esbuild";

export const PLUGIN_ENTRY = "src/ccr/entry.ts";
export const INSTALL_HELPER_ENTRY = "src/install/main.ts";

interface BundleJob {
  entry: string;
  outfile: string;
  /** A comment put first in the file. */
  banner?: string;
  logLevel?: "warning" | "silent";
}

export async function bundleCjs({ entry, outfile, banner, logLevel = "warning" }: BundleJob): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    legalComments: "inline",
    sourcemap: false,
    minify: false,
    logLevel,
    ...(banner ? { banner: { js: banner } } : {}),
  });
}
