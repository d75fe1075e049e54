// The bundle entry: ccr does `new (require(path))(options)`, so module.exports must be the class itself
// (an ESM default export fails with "t is not a constructor": docs/ccr-contract.md#32-the-plugin-contract). Run directly
// with node, the same file is the `status` command (src/ccr/cli.ts).
import { runPluginCli } from "./cli";
import { CerebrasCcrTransformer } from "./transformer";

if (require.main === module) {
  runPluginCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

export = CerebrasCcrTransformer;
