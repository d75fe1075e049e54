// The bundle entry: ccr does `new (require(path))(options)`, so module.exports must be the class itself
// (an ESM default export fails with "t is not a constructor": ccr-plugin-contract.md §3.2).
import { CerebrasCcrTransformer } from "./transformer";

export = CerebrasCcrTransformer;
