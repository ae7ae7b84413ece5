import { isOpaque } from "../../../grammar/index.js";
import { scriptCommands } from "./scripts.js";
import type { FileRule } from "./types.js";

export const relativeScriptPath: FileRule = {
  code: "relative-script-path",
  check({ model }, report) {
    for (const { statement, word, program } of scriptCommands(model)) {
      // A leading redirection or subshell is shell syntax (run through /bin/sh), not a program name.
      // A program an expression writes (in part) is not judged: `{{ dir }}/check.sh` may be absolute.
      if (program === "" || program.startsWith("/") || /^[<>|&;($]/.test(program) || isOpaque(program)) continue;
      report({
        at: word,
        message: `${statement.keyword.text} runs '${program}', not an absolute path: keepalived looks it up in the PATH it was started with, which differs between hosts and start-up methods (systemd, init script, shell); write the full path`,
      });
    }
  },
};
