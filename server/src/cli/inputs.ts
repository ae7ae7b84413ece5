/** Turning command-line operands into files to read: paths, directories, and `-` for stdin. */
import { statSync } from "node:fs";
import {
  decodeFile,
  DEFAULT_LIMITS,
  fileErrorReason,
  findConfigFiles,
  nodeFileHost,
  type DecodedText,
  type FileStamp,
} from "../../../grammar/node.js";
import { readBounded, readDecodedFile, tooLarge } from "../../../grammar/node-host.js";

/** A file or directory that cannot be read: one line on stderr and exit 2. */
export class InputError extends Error {}

/** A file to check, and whether it was named on the command line or found in a directory. */
export interface Input {
  readonly path: string;
  readonly foundInDirectory: boolean;
}

/** The name reported for standard input when `--stdin-filename` is not given. */
export const STDIN_NAME = "<stdin>";

/**
 * The name an input is known by: the path as given, or for `-` the `--stdin-filename`; `--as`
 * renames the one input (a rendered temporary file checked as the file it will be deployed as).
 * The name is what findings report, where `.kalintrc.json` and relative includes are looked up
 * from, and what a file's kind is judged by.
 */
export function inputName(path: string, o: { readonly as?: string; readonly stdinFilename?: string }): string {
  if (o.as !== undefined) return o.as;
  return path === "-" ? (o.stdinFilename ?? STDIN_NAME) : path;
}

/**
 * Operands as files: directories are replaced by the config files below them (and the keepalived
 * templates, unless `templates` is false: `--template none`), `-` is kept. With `--as` (`as`
 * given) the operand must be one file: a name cannot stand for a tree.
 */
export function expandInputs(operands: readonly string[], as?: string, templates = true): Input[] {
  const inputs: Input[] = [];
  for (const op of operands) {
    if (op === "-") {
      inputs.push({ path: op, foundInDirectory: false });
      continue;
    }
    let st;
    try {
      st = statSync(op);
    } catch (e) {
      throw new InputError(`cannot read ${op}: ${fileErrorReason(e)}`);
    }
    if (st.isDirectory()) {
      const { files: found, unreadable } = findConfigFiles(nodeFileHost, op, { templates });
      const first = unreadable[0];
      if (first) throw new InputError(`cannot read directory ${first.path}: ${first.reason}`);
      if (found.length === 0) throw new InputError(`no keepalived config files (*.conf, keepalived.conf*) under ${op}`);
      inputs.push(...found.map((path) => ({ path, foundInDirectory: true })));
    } else inputs.push({ path: op, foundInDirectory: false });
  }
  if (as !== undefined && (inputs.length !== 1 || inputs[0]!.foundInDirectory))
    throw new InputError(`--as ${as} names one file, and ${operands.join(" ")} is a directory`);
  return inputs;
}

export function expandOperands(operands: readonly string[], templates = true): string[] {
  return expandInputs(operands, undefined, templates).map((i) => i.path);
}

/** A file read for checking: its text, and for a file on disk the stamp of what was read. */
export type InputText = DecodedText & { readonly stamp?: FileStamp };

/**
 * The file, or standard input for `-`, decoded as the preprocessor decodes files. Only regular
 * files are read, and only up to the per-file limit (grammar/limits.ts); anything else is an
 * input error naming the file (exit 2), never a hang on a FIFO or a read of /dev/zero.
 */
export function readDecoded(path: string): InputText {
  const max = DEFAULT_LIMITS.fileBytes;
  if (path === "-") {
    let bytes: Buffer | undefined;
    try {
      bytes = readBounded(0, 0, max);
    } catch (e) {
      throw new InputError(`cannot read standard input: ${fileErrorReason(e)}`);
    }
    if (!bytes) throw new InputError(`cannot read standard input: ${tooLarge(max + 1, max)}`);
    return decodeFile(bytes);
  }
  const read = readDecodedFile(path, max);
  if ("refused" in read) throw new InputError(read.refused.message);
  return read;
}

/** The file's text, or standard input's for `-`. */
export function readInput(path: string): string {
  return readDecoded(path).text;
}
