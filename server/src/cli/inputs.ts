/** Turning command-line operands into files to read: paths, directories, and `-` for stdin. */
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join } from "node:path";
import { decodeBytes, decodeFile, isKeepalivedTemplateName, looksLikeKeepalivedTemplate, type DecodedText } from "../../../grammar/index.js";

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

/** Short reason for a failed file operation, from its errno code. */
export function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOTDIR":
      return "a part of the path is not a directory";
    case "EISDIR":
      return "is a directory";
    case "ELOOP":
      return "too many levels of symbolic links";
    default:
      return (e as Error | undefined)?.message ?? String(e);
  }
}

// Leftovers of editors, patch tools and package managers, and templates (which have their own
// test below): none of these is a configuration keepalived reads as it stands.
const NOT_A_CONFIG = /(?:~|\.(?:bak|orig|rej|old|swp|tmp|rpmnew|rpmsave|dpkg-(?:old|new|dist|bak)|j2|jinja2?|tmpl|tpl|ctmpl|erb|epp|in|template))$/;

/**
 * Whether a file met while walking a directory is a keepalived configuration: a name ending in
 * `.conf` (keepalived's own convention, and what `include conf.d/*.conf` lines pick up), or one
 * starting with `keepalived.conf` (`keepalived.conf.node1`), unless it is a backup or a template.
 */
export function looksLikeConfig(name: string): boolean {
  if (NOT_A_CONFIG.test(name)) return false;
  return name.endsWith(".conf") || name.startsWith("keepalived.conf");
}

/**
 * Whether a template met while walking a directory is a keepalived template (SPEC §7): named
 * like one (`keepalived.conf.j2`, `*.conf.erb`, `keepalived-checks.j2`, or any template under a
 * `templates/` or `keepalived/` folder) and holding keepalived blocks, so a role's
 * `keepalived.service.j2` is left alone.
 */
function isKeepalivedTemplate(name: string, path: string): boolean {
  if (!isKeepalivedTemplateName(name, path)) return false;
  try {
    return looksLikeKeepalivedTemplate(name, decodeBytes(readFileSync(path)));
  } catch {
    return false;
  }
}

/** Config files below `dir`, depth first in name order; hidden entries and node_modules skipped. */
function configFilesIn(dir: string, visited: Set<string>, templates: boolean): string[] {
  let real: string;
  let entries;
  try {
    real = realpathSync(dir);
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new InputError(`cannot read directory ${dir}: ${reason(e)}`);
  }
  // A symbolic link back up the tree would otherwise be walked forever.
  if (visited.has(real)) return [];
  visited.add(real);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith(".") || e.name === "node_modules") continue;
    const path = join(dir, e.name);
    let kind: "file" | "dir" | "other" = e.isDirectory() ? "dir" : e.isFile() ? "file" : "other";
    if (e.isSymbolicLink()) {
      try {
        const st = statSync(path);
        kind = st.isDirectory() ? "dir" : st.isFile() ? "file" : "other";
      } catch {
        continue; // a dangling link in a tree is not what the user asked about
      }
    }
    if (kind === "dir") out.push(...configFilesIn(path, visited, templates));
    else if (kind === "file" && (looksLikeConfig(e.name) || (templates && isKeepalivedTemplate(e.name, path)))) out.push(path);
  }
  return out;
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
      throw new InputError(`cannot read ${op}: ${reason(e)}`);
    }
    if (st.isDirectory()) {
      const found = configFilesIn(op, new Set(), templates);
      if (found.length === 0) throw new InputError(`no keepalived config files (*.conf, keepalived.conf*) under ${op}`);
      inputs.push(...found.map((path) => ({ path, foundInDirectory: true })));
    } else inputs.push({ path: op, foundInDirectory: false });
  }
  if (as !== undefined && (inputs.length !== 1 || inputs[0]!.foundInDirectory)) throw new InputError(`--as ${as} names one file, and ${operands.join(" ")} is a directory`);
  return inputs;
}

export function expandOperands(operands: readonly string[], templates = true): string[] {
  return expandInputs(operands, undefined, templates).map((i) => i.path);
}

/** The file, or standard input for `-`, decoded as the preprocessor decodes files. */
export function readDecoded(path: string): DecodedText {
  try {
    return decodeFile(readFileSync(path === "-" ? 0 : path));
  } catch (e) {
    throw new InputError(path === "-" ? `cannot read standard input: ${reason(e)}` : `cannot read ${path}: ${reason(e)}`);
  }
}

/** The file's text, or standard input's for `-`. */
export function readInput(path: string): string {
  return readDecoded(path).text;
}
