/**
 * `kalint fmt`: print files in the canonical layout, list the ones that are not (`--check`),
 * or rewrite them in place (`--write`). A file that does not parse is never rewritten: its
 * syntax errors go to stderr and the exit code is 1.
 */
import type { Diagnostic } from "../../../../grammar/index.js";
import { formatDocument } from "../../format/index.js";
import { UsageError, type CliOptions } from "../args.js";
import { writeFileAtomically } from "../fix.js";
import { expandOperands, readDecoded, STDIN_NAME } from "../inputs.js";
import { lineColumns } from "../output/report.js";
import { extraCommands } from "./extra.js";

export interface FmtOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processOutput: FmtOutput = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export function runFmt(o: CliOptions, out: FmtOutput = processOutput): number {
  if (o.write && o.files.includes("-")) throw new UsageError("fmt --write cannot rewrite standard input; leave out --write to print the result");
  let status = 0;
  for (const file of expandOperands(o.files)) {
    const name = file === "-" ? (o.stdinFilename ?? STDIN_NAME) : file;
    const input = readDecoded(file);
    const result = formatDocument(input.text, name);
    if (!result.ok) {
      out.stderr(result.diagnostics.map(describe).join("\n") + "\n");
      out.stderr(`kalint: ${name} does not parse; not formatted\n`);
      status = 1;
      continue;
    }
    if (o.check) {
      if (result.text !== input.text) {
        out.stdout(`${name}\n`);
        status = 1;
      }
    } else if (o.write) {
      if (result.text !== input.text) writeFileAtomically(file, result.text, input.encoding);
    } else {
      out.stdout(result.text);
    }
  }
  return status;
}

function describe(d: Diagnostic): string {
  const { line, column } = lineColumns(d);
  return `${d.file.path}:${line}:${column}: ${d.severity} [${d.code}] ${d.message}`;
}

extraCommands.fmt = runFmt;
