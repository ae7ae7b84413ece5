/**
 * Which files under a directory are keepalived configurations: the one walker behind a directory
 * operand of `kalint check`, `fleet` and `fmt`, and behind the language server's search of a
 * workspace folder for a document's peers, so both see the same nodes.
 *
 * A configuration is a file named `*.conf` (keepalived's own convention, and what
 * `include conf.d/*.conf` lines pick up) or `keepalived.conf*` (`keepalived.conf.node2`),
 * unless the name marks a backup, an editor's or a package manager's leftover, or a template
 * (taken only when asked, and then by its own test). Hidden entries and `node_modules` are not entered. Symbolic links
 * are followed (out of the starting directory only when allowed); a link back up the tree is walked once. docs/usage.md states the same list.
 */
import { join } from "node:path";
import type { FileHost } from "./file-host.js";
import { DEFAULT_LIMITS } from "./limits.js";
import { isKeepalivedTemplateName, looksLikeKeepalivedTemplate } from "./template/detect.js";

/**
 * Names that are never a configuration keepalived reads: leftovers of editors, patch tools and
 * package managers, and templates (Jinja2, Go, ERB, autoconf, ...) that must be rendered first.
 */
const NOT_A_CONFIG =
  /(?:~|\.(?:bak|orig|rej|old|swp|tmp|rpmnew|rpmsave|dpkg-(?:old|new|dist|bak)|j2|jinja2?|tmpl|tpl|ctmpl|erb|epp|in|template))$/;

/** Whether a file met in a walk is a keepalived configuration, by its name alone. */
export function isConfigFileName(name: string): boolean {
  if (NOT_A_CONFIG.test(name)) return false;
  return name.endsWith(".conf") || name.startsWith("keepalived.conf");
}

/** Entries a walk does not enter or take: hidden ones and package trees. */
function skipped(name: string): boolean {
  return name.startsWith(".") || name === "node_modules";
}

/** What a walk takes beyond plain configurations, and its bounds over a tree nobody chose file by file (an editor's workspace folder). */
export interface WalkLimits {
  /**
   * Take keepalived templates too (docs/templates.md): named like one and holding keepalived
   * blocks, so a role's keepalived.service.j2 stays out. `kalint check DIR` does, unless
   * `--template none`; the editor's search for peers does not.
   */
  readonly templates?: boolean;
  /** Directory levels below the starting one that are entered (0: that directory only). */
  readonly maxDepth?: number;
  /** The walk stops once it has found this many files. */
  readonly maxFiles?: number;
  /** Directories listed at most: a folder holding a huge tree costs a bounded walk. */
  readonly maxDirectories?: number;
  /**
   * Nothing outside the starting directory is reached through a symbolic link (an editor's
   * workspace folder: a link to /etc or / must not make the server read or walk it).
   */
  readonly staysInside?: boolean;
  /** Larger files are left out. */
  readonly maxBytes?: number;
}

export interface ConfigFiles {
  /** Paths of the configurations found, depth first in name order (names compared by code unit). */
  readonly files: readonly string[];
  /** Directories that could not be read, in the order met, with the reason. */
  readonly unreadable: readonly { readonly path: string; readonly reason: string }[];
}

/** The keepalived configurations below `dir`, read through `host`. */
export function findConfigFiles(host: FileHost, dir: string, limits: WalkLimits = {}): ConfigFiles {
  const files: string[] = [];
  const unreadable: { path: string; reason: string }[] = [];
  const visited = new Set<string>();
  const maxDepth = limits.maxDepth ?? Infinity;
  const maxFiles = limits.maxFiles ?? Infinity;
  const maxDirectories = limits.maxDirectories ?? Infinity;
  let listed = 0;
  const full = () => files.length >= maxFiles;
  const start = host.stat(dir)?.realPath;
  const inside = limits.staysInside ? start : undefined;
  const prefix = inside === undefined || inside.endsWith("/") ? inside : `${inside}/`;
  const within = (real: string | undefined): boolean =>
    prefix === undefined || (real !== undefined && (real === inside || real.startsWith(prefix)));
  // A file is looked up only for what the walk asks of it: where its links lead, and its size.
  const lookUpFiles = prefix !== undefined || limits.maxBytes !== undefined;

  /** Walks `path`, whose links resolve to `real`. */
  const walk = (path: string, real: string, depth: number): void => {
    if (depth > maxDepth || full() || ++listed > maxDirectories) return;
    const listing = host.readDirectory(path);
    if ("error" in listing) {
      unreadable.push({ path, reason: listing.error });
      return;
    }
    // A symbolic link back up the tree would otherwise be walked forever.
    if (visited.has(real)) return;
    visited.add(real);
    const entries = [...listing].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (full()) return;
      if (skipped(e.name)) continue;
      const child = childPath(path, e.name);
      if (e.kind === "dir") {
        if (depth >= maxDepth) continue;
        const st = host.stat(child);
        if (within(st?.realPath)) walk(child, st?.realPath ?? child, depth + 1);
      } else if (
        e.kind === "file" &&
        (isConfigFileName(e.name) ||
          (limits.templates === true && isKeepalivedTemplate(host, e.name, child, limits.maxBytes ?? DEFAULT_LIMITS.fileBytes)))
      ) {
        const st = lookUpFiles ? host.stat(child) : undefined;
        if (within(st?.realPath) && (limits.maxBytes === undefined || (st !== undefined && st.size <= limits.maxBytes))) files.push(child);
      }
    }
  };
  walk(dir, start ?? dir, 0);
  return { files, unreadable };
}

/** `dir/name`, normalised as a path; a folder named by a URI (vscode-vfs://host/a, VS Code for the Web) keeps its `//`. */
function childPath(dir: string, name: string): string {
  if (!dir.includes("://")) return join(dir, name);
  return dir.endsWith("/") ? dir + name : `${dir}/${name}`;
}

function isKeepalivedTemplate(host: FileHost, name: string, path: string, maxBytes: number): boolean {
  if (!isKeepalivedTemplateName(name, path)) return false;
  const read = host.readFile(path, maxBytes);
  return !("refused" in read) && looksLikeKeepalivedTemplate(name, read.text);
}
