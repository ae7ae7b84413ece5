/**
 * `kalint fmt`: print files in the canonical layout, list the ones that are not (`--check`),
 * or rewrite them in place (`--write`). A file that does not parse is never rewritten: its
 * syntax errors go to stderr and the exit code is 1.
 */
import { isUtf8 } from "node:buffer";
import { chmodSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import type { Diagnostic } from "../../../../grammar/index.js";
import { formatDocument } from "../../format/index.js";
import { UsageError, type CliOptions } from "../args.js";
import { expandOperands, InputError } from "../inputs.js";
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

/** The bytes of a file and how to turn them back into bytes: UTF-8 when they are, else one byte per character. */
interface Input {
  readonly text: string;
  readonly encoding: "utf8" | "latin1";
}

function read(path: string): Input {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path === "-" ? 0 : path);
  } catch {
    throw new InputError(path === "-" ? "cannot read standard input" : `cannot read ${path}`);
  }
  const encoding = isUtf8(bytes) ? "utf8" : "latin1";
  return { text: bytes.toString(encoding), encoding };
}

export function runFmt(o: CliOptions, out: FmtOutput = processOutput): number {
  if (o.write && o.files.includes("-")) throw new UsageError("fmt --write cannot rewrite standard input; leave out --write to print the result");
  let status = 0;
  for (const file of expandOperands(o.files)) {
    const name = file === "-" ? (o.stdinFilename ?? "<stdin>") : file;
    const input = read(file);
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
      if (result.text !== input.text) writeAtomically(file, result.text, input.encoding);
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

/**
 * Writes beside the file and renames over it, so a reader (or keepalived reloading) sees the
 * old text or the new, never half of it. A symbolic link is followed, so the link survives,
 * and the file keeps its permission bits.
 */
function writeAtomically(path: string, text: string, encoding: Input["encoding"]): void {
  const target = realpathSync(path);
  const temp = `${target}.kalint-${process.pid}.tmp`;
  try {
    writeFileSync(temp, text, { encoding });
    chmodSync(temp, statSync(target).mode & 0o7777);
    renameSync(temp, target);
  } catch (e) {
    rmSync(temp, { force: true });
    throw new InputError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

extraCommands.fmt = runFmt;
