/** `.kalintrc.json`: rule severities, target version and peers, found upward from each file. */
import { existsSync } from "node:fs";
import { readRegularFile } from "../../../grammar/node-host.js";
import { dirname, join, relative, resolve, sep } from "node:path";
import { RULE_SETTINGS, type RuleSetting } from "../../../grammar/index.js";

export interface LintConfig {
  readonly targetVersion?: string;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly peers: readonly (readonly string[])[];
  /** Globs (relative to the rc file's folder) of template fragments: `"templates": { "fragments": [...] }`. */
  readonly fragments?: readonly string[];
  /** Templates whose nodes the rc file names (render mode in the editor, docs/templates.md), absolute paths. */
  readonly renders?: readonly RenderEntry[];
  /** The file it came from, when there was one. */
  readonly path?: string;
}

/** `"templates": { "T.j2": { "defaults": [...], "nodes": { "lb1": [...] } } }`, paths made absolute. */
export interface RenderEntry {
  readonly template: string;
  readonly defaults: readonly string[];
  readonly nodes: readonly { readonly name: string; readonly files: readonly string[] }[];
}

export const EMPTY_CONFIG: LintConfig = { rules: {}, peers: [] };

export class ConfigError extends Error {}

/** Parses and checks an rc file's text; throws ConfigError with a one-line reason. */
export function parseLintConfig(text: string, path: string): LintConfig {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${path}: not valid JSON (${(e as Error).message})`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) throw new ConfigError(`${path}: expected a JSON object`);
  const o = data as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!["targetVersion", "rules", "peers", "templates", "$schema"].includes(key))
      throw new ConfigError(`${path}: unknown setting '${key}'`);
  }
  const rules: Record<string, RuleSetting> = {};
  if (o["rules"] !== undefined) {
    if (typeof o["rules"] !== "object" || o["rules"] === null || Array.isArray(o["rules"]))
      throw new ConfigError(`${path}: 'rules' must be an object`);
    for (const [code, value] of Object.entries(o["rules"] as Record<string, unknown>)) {
      if (typeof value !== "string" || !(RULE_SETTINGS as readonly string[]).includes(value))
        throw new ConfigError(
          `${path}: rule '${code}' must be ${RULE_SETTINGS.map((s) => `"${s}"`)
            .join(", ")
            .replace(/, ([^,]*)$/, " or $1")}, not ${JSON.stringify(value)}`,
        );
      rules[code] = value as RuleSetting;
    }
  }
  const peers: string[][] = [];
  if (o["peers"] !== undefined) {
    if (!Array.isArray(o["peers"]) || !o["peers"].every((g) => Array.isArray(g) && g.every((p) => typeof p === "string"))) {
      throw new ConfigError(`${path}: 'peers' must be a list of lists of file names`);
    }
    for (const g of o["peers"] as string[][]) peers.push(g.map((p) => resolve(dirname(path), p)));
  }
  if (o["targetVersion"] !== undefined && typeof o["targetVersion"] !== "string")
    throw new ConfigError(`${path}: 'targetVersion' must be a string`);
  const fragments = templateFragments(o["templates"], path);
  const renders = renderEntries(o["templates"], path);
  return {
    rules,
    peers,
    path,
    ...(typeof o["targetVersion"] === "string" ? { targetVersion: o["targetVersion"] } : {}),
    ...(fragments ? { fragments } : {}),
    ...(renders.length ? { renders } : {}),
  };
}

/**
 * `"templates"`: `"fragments"` lists globs of template fragments; every other key names a
 * template with the nodes that render it (render mode, docs/templates.md), each an object.
 */
function templateFragments(value: unknown, path: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ConfigError(`${path}: 'templates' must be an object`);
  const o = value as Record<string, unknown>;
  for (const [key, entry] of Object.entries(o)) {
    if (key !== "fragments" && (typeof entry !== "object" || entry === null || Array.isArray(entry)))
      throw new ConfigError(`${path}: templates entry '${key}' must be an object`);
  }
  const fragments = o["fragments"];
  if (fragments === undefined) return undefined;
  if (!Array.isArray(fragments) || !fragments.every((g) => typeof g === "string"))
    throw new ConfigError(`${path}: 'templates.fragments' must be a list of file globs`);
  return fragments as string[];
}

/** Each template entry of `"templates"` (every key but "fragments"): its defaults and nodes, relative to the rc file. */
function renderEntries(value: unknown, path: string): RenderEntry[] {
  if (typeof value !== "object" || value === null) return [];
  const base = dirname(path);
  const list = (v: unknown, what: string): string[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) throw new ConfigError(`${path}: ${what} must be a list of file names`);
    return v.map((x) => resolve(base, x));
  };
  const out: RenderEntry[] = [];
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    if (key === "fragments") continue;
    const e = entry as Record<string, unknown>;
    for (const k of Object.keys(e))
      if (k !== "defaults" && k !== "nodes")
        throw new ConfigError(`${path}: templates entry '${key}' has unknown setting '${k}' (defaults, nodes)`);
    const nodes = e["nodes"] ?? {};
    if (typeof nodes !== "object" || nodes === null || Array.isArray(nodes))
      throw new ConfigError(`${path}: templates entry '${key}': 'nodes' must map node names to lists of vars files`);
    out.push({
      template: resolve(base, key),
      defaults: list(e["defaults"], `templates entry '${key}': 'defaults'`),
      nodes: Object.entries(nodes as Record<string, unknown>).map(([name, files]) => ({
        name,
        files: list(files, `templates entry '${key}': node '${name}'`),
      })),
    });
  }
  return out;
}

/** Whether `file` matches one of the rc file's fragment globs (`*`, `?`, `**` across folders). */
export function isFragment(config: LintConfig, file: string): boolean {
  if (!config.fragments?.length || !config.path) return false;
  const rel = relative(dirname(config.path), resolve(file)).split(sep).join("/");
  return config.fragments.some((glob) => globRegExp(glob).test(rel));
}

function globRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*" && glob[i + 1] === "*") {
      re += glob[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += glob[i + 2] === "/" ? 2 : 1;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re.replace(/^\.\//, "")}$`);
}

/** The rc file that governs each directory walked so far, none found included (the CLI's cache). */
const defaultCache = new Map<string, LintConfig>();

/**
 * The nearest `.kalintrc.json` at or above the file's directory, or the empty config. Every
 * directory walked remembers the answer in `cache`, so the files of one tree cost one walk up
 * between them. The language server passes a cache of its own, which it clears when an rc file
 * changes, and a loader that turns a broken rc file into a warning.
 */
export function findLintConfig(
  file: string,
  cache: Map<string, LintConfig> = defaultCache,
  load: (path: string) => LintConfig = loadLintConfig,
): LintConfig {
  const walked: string[] = [];
  let dir = dirname(resolve(file));
  let found = EMPTY_CONFIG;
  for (;;) {
    const cached = cache.get(dir);
    if (cached) {
      found = cached;
      break;
    }
    walked.push(dir);
    const candidate = join(dir, ".kalintrc.json");
    if (existsSync(candidate)) {
      found = load(candidate);
      break;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const d of walked) cache.set(d, found);
  return found;
}

/** An rc file is a few lines of JSON: one over this is not one. */
const MAX_RC_BYTES = 1024 * 1024;

export function loadLintConfig(path: string): LintConfig {
  // Read as any input is: a regular file, bounded (a FIFO or /dev/zero in its place must not hang or fill memory).
  const read = readRegularFile(path, MAX_RC_BYTES);
  if ("refused" in read)
    throw new ConfigError(
      read.refused.reason === "missing"
        ? `cannot read config file ${path}`
        : read.refused.message.replace(/^cannot read /, "cannot read config file "),
    );
  return parseLintConfig(read.bytes.toString("utf8"), path);
}
