/**
 * Variables for render mode (docs/templates.md): vars files (YAML as Ansible reads it, i.e. YAML 1.1 with
 * merge keys, and JSON) merged in order on top of the role defaults, and Ansible inventories as
 * `ansible-inventory --list` prints them. Every problem is one line naming the file (and the
 * line, for bad YAML): the CLI prints it and exits 2.
 */
import { parseDocument, type Tags } from "yaml";
import { DEFAULT_LIMITS, type FileHost } from "../../../grammar/index.js";
import { faultMark } from "./filters.js";

export class VarsError extends Error {}

export type Vars = Record<string, unknown>;

/** The variables of one node, and which file set each top-level name (for messages). */
export interface NodeVars {
  readonly name: string;
  readonly vars: Vars;
  /** The files read for this node, in the order they were merged. */
  readonly files: readonly string[];
  readonly origin: ReadonlyMap<string, string>;
}

// Ansible reads YAML with PyYAML: YAML 1.2's core schema plus the YAML 1.1 words yes/no/on/off
// as booleans (but not y/n, which PyYAML keeps as text). Ansible's own tags: `!unsafe` text is
// never templated; `!vault` text is encrypted and kalint has no key.
const ANSIBLE_TAGS: Tags = [
  {
    identify: (v) => typeof v === "boolean",
    default: true,
    tag: "tag:yaml.org,2002:bool",
    test: /^(?:yes|Yes|YES|on|On|ON)$/,
    resolve: () => true,
  },
  {
    identify: (v) => typeof v === "boolean",
    default: true,
    tag: "tag:yaml.org,2002:bool",
    test: /^(?:no|No|NO|off|Off|OFF)$/,
    resolve: () => false,
  },
  { tag: "!unsafe", resolve: (s: string) => ({ __unsafe: s }), identify: () => false },
  { tag: "!vault", resolve: () => faultMark("unsupported", "a !vault encrypted value"), identify: () => false },
];

/** A vars file's mapping; bad YAML or JSON is a VarsError naming the file and line. */
export function parseVarsText(text: string, file: string): Vars {
  if (/\.json$/i.test(file)) {
    try {
      const value: unknown = JSON.parse(text);
      return topMapping(value, file);
    } catch (e) {
      if (e instanceof VarsError) throw e;
      throw new VarsError(`${file}: bad JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const read = (t: string) =>
    parseDocument(t, { schema: "core", merge: true, customTags: ANSIBLE_TAGS, uniqueKeys: false, prettyErrors: true });
  let doc = read(text);
  if (doc.errors.length) {
    // Only when the file does not read as YAML 1.2: what PyYAML would still take.
    const lenient = indentQuotedContinuations(text);
    if (lenient !== text) {
      const again = read(lenient);
      if (!again.errors.length) doc = again;
    }
  }
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line;
    throw new VarsError(
      `${file}${line ? `:${line}` : ""}: bad YAML: ${error.message
        .split("\n")[0]!
        .replace(/ at line \d+, column \d+:?$/, "")
        .replace(/:$/, "")}`,
    );
  }
  return topMapping(unsafeToText(doc.toJS({ maxAliasCount: 1000 })), file);
}

/**
 * PyYAML, which Ansible reads vars with, takes the continuation lines of a quoted value at any
 * indentation; YAML 1.2 wants them indented past their key, and real roles end a multi-line
 * `key: '{{ ... }}'` with `}}'` at column 0. A continuation line's leading spaces are folded
 * away, so indenting such lines under their key changes no value. Lines stay where they are, so
 * error lines still point into the file.
 */
export function indentQuotedContinuations(text: string): string {
  const lines = text.split("\n");
  let quote: string | undefined;
  let indent = 0;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    let from = 0;
    if (quote) {
      const lead = line.length - line.trimStart().length;
      if (lead < indent && line.trim()) lines[i] = line = " ".repeat(indent) + line.trimStart();
    } else {
      // A quote opens a value only as its first character: after `key:`, `-`, or alone.
      const m = /^(\s*)(?:-\s+)*(?:[^\s#'"-][^#'"]*?:\s+)?(['"])/.exec(line);
      if (!m) continue;
      quote = m[2];
      indent = m[1]!.length + 1;
      from = m[0].length;
    }
    for (let j = from; j < line.length && quote; j++) {
      const c = line[j];
      if (quote === '"' && c === "\\") j++;
      else if (c === quote) {
        if (quote === "'" && line[j + 1] === "'") j++;
        else quote = undefined;
      }
    }
  }
  return lines.join("\n");
}

function topMapping(value: unknown, file: string): Vars {
  if (value === null || value === undefined) return {};
  if (typeof value !== "object" || Array.isArray(value))
    throw new VarsError(
      `${file}: the variables must be a mapping of names to values at the top, not ${Array.isArray(value) ? "a list" : "a single value"}`,
    );
  return value as Vars;
}

/** `!unsafe` text as a plain string that rendering leaves alone (marked by the `{% raw %}` around it). */
function unsafeToText(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(unsafeToText);
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Object.keys(o).length === 1 && typeof o["__unsafe"] === "string") return { [UNSAFE]: o["__unsafe"] };
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = unsafeToText(x);
    return out;
  }
  return v;
}

/** The key of an `!unsafe` value's wrapper until variables are resolved (resolveTemplatedVars unwraps it). */
export const UNSAFE = "\uE020unsafe";

export function readVarsFile(host: FileHost, file: string): Vars {
  const read = host.readFile(file, DEFAULT_LIMITS.fileBytes);
  if ("refused" in read) throw new VarsError(`cannot read vars file ${file}: ${read.refused.message.replace(/^cannot read [^:]*: /, "")}`);
  return parseVarsText(read.text, file);
}

/** Vars files by path, each read and parsed once however many nodes merge it (role defaults are every node's). */
export type VarsFiles = (file: string) => Vars;

/** The vars files `host` has, for one set of nodes (the values are shared: nothing changes them). */
export function varsFiles(host: FileHost): VarsFiles {
  const parsed = new Map<string, Vars>();
  return (file) => {
    let vars = parsed.get(file);
    if (!vars) parsed.set(file, (vars = readVarsFile(host, file)));
    return vars;
  };
}

/** The node named `name` from `defaults` then `files`, merged in order (later wins, top level, as Ansible's default hash_behaviour). */
export function nodeFromFiles(read: VarsFiles, name: string, defaults: readonly string[], files: readonly string[]): NodeVars {
  const vars: Vars = {};
  const origin = new Map<string, string>();
  for (const f of [...defaults, ...files]) {
    for (const [k, v] of Object.entries(read(f))) {
      vars[k] = v;
      origin.set(k, f);
    }
  }
  return { name, vars, files: [...defaults, ...files], origin };
}

/** `NAME=FILE[,FILE]` of `--node`. */
export function parseNodeOption(value: string): { name: string; files: string[] } {
  const eq = value.indexOf("=");
  const name = eq > 0 ? value.slice(0, eq).trim() : "";
  const files =
    eq > 0
      ? value
          .slice(eq + 1)
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
  if (!name || files.length === 0) throw new VarsError(`--node takes NAME=FILE[,FILE], e.g. --node lb1=host_vars/lb1.yml, not '${value}'`);
  return { name, files };
}

/** What `ansible-inventory --list` prints: groups with hosts, children and vars, and `_meta.hostvars`. */
interface InventoryGroup {
  hosts?: string[];
  children?: string[];
  vars?: Vars;
}

export interface Inventory {
  readonly file: string;
  readonly groups: ReadonlyMap<string, InventoryGroup>;
  readonly hostvars: Readonly<Record<string, Vars>>;
}

export function parseInventory(text: string, file: string): Inventory {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new VarsError(`${file}: not the JSON of 'ansible-inventory --list' (${e instanceof Error ? e.message : String(e)})`);
  }
  if (data === null || typeof data !== "object" || Array.isArray(data))
    throw new VarsError(`${file}: not the JSON of 'ansible-inventory --list' (a mapping of groups and _meta)`);
  const groups = new Map<string, InventoryGroup>();
  let hostvars: Record<string, Vars> = {};
  for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
    if (k === "_meta") {
      const hv = (v as { hostvars?: unknown } | null)?.hostvars;
      if (hv && typeof hv === "object") hostvars = hv as Record<string, Vars>;
      continue;
    }
    if (v && typeof v === "object" && !Array.isArray(v)) groups.set(k, v as InventoryGroup);
  }
  if (!groups.has("all")) groups.set("all", { children: [...groups.keys()] });
  return { file, groups, hostvars };
}

export function readInventory(host: FileHost, file: string): Inventory {
  const read = host.readFile(file, DEFAULT_LIMITS.fileBytes);
  if ("refused" in read) throw new VarsError(`cannot read inventory ${file}: ${read.refused.message.replace(/^cannot read [^:]*: /, "")}`);
  return parseInventory(read.text, file);
}

/** Every host of a group, its children's included, in inventory order. */
function hostsOf(inv: Inventory, group: string, seen = new Set<string>()): string[] {
  if (seen.has(group)) return [];
  seen.add(group);
  const g = inv.groups.get(group);
  if (!g) return [];
  const out = [...(g.hosts ?? [])];
  for (const c of g.children ?? []) for (const h of hostsOf(inv, c, seen)) if (!out.includes(h)) out.push(h);
  return out;
}

function allHosts(inv: Inventory): string[] {
  const out = hostsOf(inv, "all");
  for (const h of Object.keys(inv.hostvars)) if (!out.includes(h)) out.push(h);
  return out;
}

/** The groups holding `host` (directly or through a child group), as Ansible's group_names lists them (no `all`), and their depth. */
function groupsOfHost(inv: Inventory, host: string): string[] {
  return [...inv.groups.keys()].filter((g) => g !== "all" && hostsOf(inv, g).includes(host)).sort();
}

/** The hosts that `--hosts` or `--group` name. */
export function pickHosts(inv: Inventory, hosts: readonly string[] | undefined, group: string | undefined): string[] {
  const known = allHosts(inv);
  if (group !== undefined) {
    if (!inv.groups.has(group))
      throw new VarsError(
        `${inv.file}: no group '${group}' (groups: ${[...inv.groups.keys()].filter((g) => g !== "all").join(", ") || "none"})`,
      );
    const list = hostsOf(inv, group);
    if (list.length === 0) throw new VarsError(`${inv.file}: group '${group}' has no hosts`);
    return list;
  }
  if (!hosts || hosts.length === 0)
    throw new VarsError("--inventory needs --hosts H1,H2 or --group NAME to say which hosts are the cluster's nodes");
  for (const h of hosts) if (!known.includes(h)) throw new VarsError(`${inv.file}: no host '${h}' (hosts: ${known.join(", ") || "none"})`);
  return [...hosts];
}

/** One inventory host as a node: defaults, then its groups' vars (all first), then its hostvars. */
export function nodeFromInventory(read: VarsFiles, inv: Inventory, name: string, defaults: readonly string[]): NodeVars {
  const base = nodeFromFiles(read, name, defaults, []);
  const vars: Vars = { ...base.vars };
  const origin = new Map(base.origin);
  const groups = groupsOfHost(inv, name);
  for (const g of ["all", ...groups]) {
    for (const [k, v] of Object.entries(inv.groups.get(g)?.vars ?? {})) {
      vars[k] = v;
      origin.set(k, `${inv.file} (group ${g})`);
    }
  }
  for (const [k, v] of Object.entries(inv.hostvars[name] ?? {})) {
    vars[k] = v;
    origin.set(k, `${inv.file} (host ${name})`);
  }
  const groupMap: Record<string, string[]> = {};
  for (const g of inv.groups.keys()) groupMap[g] = hostsOf(inv, g);
  groupMap["all"] = allHosts(inv);
  setIfAbsent(vars, "group_names", groups);
  setIfAbsent(vars, "groups", groupMap);
  return { name, vars, files: [...defaults, inv.file], origin };
}

function setIfAbsent(vars: Vars, key: string, value: unknown): void {
  if (!(key in vars)) vars[key] = value;
}

/**
 * The magic variables Ansible gives every host, for a cluster of `nodes`: inventory_hostname,
 * hostvars (every node's own variables), groups and play hosts, and `ansible_facts` from the
 * `ansible_*` facts a vars file gives. A vars file that sets one keeps its value.
 */
export function withMagicVariables(nodes: readonly NodeVars[]): NodeVars[] {
  const names = nodes.map((n) => n.name);
  const hostvars: Record<string, Vars> = {};
  const out = nodes.map((n) => {
    const vars: Vars = { ...n.vars };
    setIfAbsent(vars, "inventory_hostname", n.name);
    setIfAbsent(vars, "inventory_hostname_short", n.name.split(".")[0]);
    setIfAbsent(vars, "groups", { all: names, ungrouped: names });
    setIfAbsent(vars, "group_names", []);
    setIfAbsent(vars, "ansible_play_hosts", names);
    setIfAbsent(vars, "ansible_play_batch", names);
    setIfAbsent(vars, "play_hosts", names);
    setIfAbsent(vars, "ansible_play_hosts_all", names);
    if (!("ansible_facts" in vars)) {
      const facts: Vars = {};
      for (const [k, v] of Object.entries(vars)) if (k.startsWith("ansible_") && !MAGIC.has(k)) facts[k.slice("ansible_".length)] = v;
      vars["ansible_facts"] = facts;
    }
    // Each node's own variables as the others see them (no hostvars inside: a value never holds itself).
    hostvars[n.name] = { ...vars };
    return { ...n, vars };
  });
  for (const n of out) setIfAbsent(n.vars as Vars, "hostvars", hostvars);
  return out;
}

const MAGIC = new Set(["ansible_play_hosts", "ansible_play_batch", "ansible_play_hosts_all", "ansible_facts"]);
