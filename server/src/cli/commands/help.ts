/** `kalint --help` and `kalint --version`. */
import { USAGE } from "../args.js";
import { VERSION } from "../../version.js";

export function runHelp(): number {
  process.stdout.write(USAGE + "\n");
  return 0;
}

export function runVersion(): number {
  process.stdout.write(`kalint ${VERSION}\n`);
  return 0;
}
