/** Turning command-line operands into files to read: paths, directories, and `-` for stdin. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { decodeBytes, nodeFileHost, type FileHost } from "../../../grammar/index.js";
import { UsageError } from "./args.js";

export class InputError extends Error {}

/** Files under a directory that look like keepalived configs: `*.conf` and `keepalived.conf*`. */
function configFilesIn(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    if (e.name.startsWith(".") || e.name === "node_modules") continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...configFilesIn(path));
    else if (e.isFile() && (/\.conf$/.test(e.name) || /^keepalived\.conf/.test(e.name))) out.push(path);
  }
  return out;
}

export function expandOperands(operands: readonly string[]): string[] {
  const files: string[] = [];
  for (const op of operands) {
    if (op === "-") {
      files.push(op);
      continue;
    }
    let st;
    try {
      st = statSync(op);
    } catch {
      throw new InputError(`cannot read ${op}: no such file or directory`);
    }
    if (st.isDirectory()) {
      const found = configFilesIn(op);
      if (found.length === 0) throw new InputError(`no keepalived config files (*.conf) under ${op}`);
      files.push(...found);
    } else files.push(op);
  }
  return files;
}

export function readInput(path: string, host: FileHost = nodeFileHost): string {
  if (path === "-") {
    try {
      return decodeBytes(readFileSync(0));
    } catch {
      throw new InputError("cannot read standard input");
    }
  }
  const text = host.readFile(path);
  if (text === undefined) throw new InputError(`cannot read ${path}`);
  return text;
}

export function stdinName(name: string | undefined): string {
  if (name === undefined) throw new UsageError("reading stdin ('-') needs --stdin-filename NAME");
  return name;
}
