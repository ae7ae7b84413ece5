/**
 * `kalint fmt`: print files in the canonical layout, list the ones that are not (`--check`),
 * or rewrite them in place (`--write`). A file that does not parse is never rewritten: its
 * syntax errors go to stderr and the exit code is 1.
 */
import { detectTemplate } from "../../../../grammar/index.js";
import { formatDocument } from "../../format/index.js";
import { UsageError, type CliOptions } from "../args.js";
import { rewriteChecked } from "../fix.js";
import { expandInputs, inputName, readDecoded } from "../inputs.js";
import { diagnosticLine } from "../output/text.js";

export function runFmt(o: CliOptions): number {
  if (o.write && o.files.includes("-"))
    throw new UsageError("fmt --write cannot rewrite standard input; leave out --write to print the result");
  const inputs = expandInputs(o.files, o.as, false);
  let status = 0;
  // A folder stands for its plain files only: fmt never rewrites a template found in it.
  for (const { path: file } of inputs) {
    const name = inputName(file, o);
    const input = readDecoded(file);
    // A template's layout is its author's: its keepalived lines are not the rendered file's (docs/templates.md).
    const engine = detectTemplate(name, input.text, o.template);
    if (engine)
      throw new UsageError(
        `${name} is a template (${engine}); fmt formats plain keepalived files only and never rewrites a template (--template none formats it as a plain file)`,
      );
    const result = formatDocument(input.text, name);
    if (!result.ok) {
      process.stderr.write(result.diagnostics.map((d) => diagnosticLine(d, false)).join("\n") + "\n");
      process.stderr.write(`kalint: ${name} does not parse; not formatted\n`);
      status = 1;
      continue;
    }
    if (o.check) {
      if (result.text !== input.text) {
        process.stdout.write(`${name}\n`);
        status = 1;
      }
    } else if (o.write) {
      if (result.text !== input.text)
        rewriteChecked(file, input.text, result.text, {
          encoding: input.encoding,
          force: o.force,
          ...(input.stamp ? { stamp: input.stamp } : {}),
        });
    } else {
      process.stdout.write(result.text);
    }
  }
  return status;
}
