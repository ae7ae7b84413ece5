/**
 * The Ansible filters and tests that keepalived templates use (docs/templates.md, "Strict variables and
 * what is unsupported"), written to behave as Ansible's own (ansible/plugins/filter/core.py and
 * ansible.utils' ipaddr) on the forms real templates write. Jinja2's built-in filters (default,
 * join, length, first, last, unique, sort, lower, upper, string, ...) are the engine's own.
 *
 * A filter here never throws: an exception thrown into the engine aborts its WebAssembly
 * instance for good. A filter that cannot do its work returns a fault mark instead (see
 * faultMark), which the renderer finds in the output and reports at the line that wrote it.
 */
import { md5, sha1 } from "./digest.js";

/** What a filter receives: the engine hands mappings over as Map, sequences as arrays. */
export type JinjaValue =
  string | number | boolean | null | undefined | JinjaValue[] | Map<string, JinjaValue> | { [key: string]: JinjaValue };

export type FaultKind = "undefined" | "unsupported" | "error";

/** Marks in the output: a fault, its kind, and its detail. Private-use characters no config holds. */
export const FAULT_OPEN = "\uE010";
export const FAULT_SEP = "\uE011";
export const FAULT_CLOSE = "\uE012";
export const FAULT_RE = /\uE010(undefined|unsupported|error)\uE011([^\uE012]*)\uE012/;

export function faultMark(kind: FaultKind, detail: string): string {
  return `${FAULT_OPEN}${kind}${FAULT_SEP}${detail.replace(/[\uE010-\uE012]/g, "")}${FAULT_CLOSE}`;
}

export const isMap = (v: unknown): v is Map<string, JinjaValue> => v instanceof Map;

/** A plain JS value (Maps to objects), as the engine takes values back. */
export function plain(v: JinjaValue): JinjaValue {
  if (isMap(v)) {
    const o: { [key: string]: JinjaValue } = {};
    for (const [k, x] of v) o[String(k)] = plain(x);
    return o;
  }
  if (Array.isArray(v)) return v.map(plain);
  return v;
}

function entries(v: JinjaValue): [string, JinjaValue][] | undefined {
  if (isMap(v)) return [...v.entries()];
  if (v !== null && typeof v === "object" && !Array.isArray(v)) return Object.entries(v);
  return undefined;
}

/** Keyword arguments: the engine passes them as a trailing Map after the positional ones. */
function splitArgs(args: JinjaValue[], names: readonly string[]): { positional: JinjaValue[]; kw: Map<string, JinjaValue> } {
  const last = args[args.length - 1];
  if (isMap(last) && [...last.keys()].every((k) => names.includes(k))) return { positional: args.slice(0, -1), kw: last };
  return { positional: args, kw: new Map() };
}

function arg(args: JinjaValue[], kw: Map<string, JinjaValue>, index: number, name: string, fallback: JinjaValue): JinjaValue {
  if (kw.has(name)) return kw.get(name);
  return index < args.length ? args[index] : fallback;
}

/** Python's str() of a value, as Ansible's filters see their input. */
export function pyStr(v: JinjaValue): string {
  if (v === undefined || v === null) return v === null ? "None" : "";
  if (v === true) return "True";
  if (v === false) return "False";
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  return pyRepr(v);
}

function pyRepr(v: JinjaValue): string {
  if (v === null || v === undefined) return "None";
  if (typeof v === "string") return `'${v.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(", ")}]`;
  return `{${(entries(v) ?? []).map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(", ")}}`;
}

/** Python's json.dumps: ', ' and ': ' separators (',' with an indent), ASCII only, keys optionally sorted. */
export function pyJson(v: JinjaValue, indent?: number, sortKeys = false, level = 0): string {
  const nl = indent === undefined ? "" : `\n${" ".repeat(indent * (level + 1))}`;
  const end = indent === undefined ? "" : `\n${" ".repeat(indent * level)}`;
  const sep = indent === undefined ? ", " : ",";
  if (v === null || v === undefined) return "null";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : v > 0 ? "Infinity" : v < 0 ? "-Infinity" : "NaN";
  if (typeof v === "string")
    return JSON.stringify(v).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  if (Array.isArray(v)) return v.length ? `[${nl}${v.map((x) => pyJson(x, indent, sortKeys, level + 1)).join(sep + nl)}${end}]` : "[]";
  let list = entries(v) ?? [];
  if (sortKeys) list = [...list].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return list.length
    ? `{${nl}${list.map(([k, x]) => `${pyJson(k)}: ${pyJson(x, indent, sortKeys, level + 1)}`).join(sep + nl)}${end}}`
    : "{}";
}

/** Ansible's `bool`: yes/on/1/true (any case) and 1 are true, everything else false. */
function toBool(v: JinjaValue): boolean | null {
  if (v === null || v === undefined) return v === null ? null : false;
  if (typeof v === "boolean") return v;
  const s = typeof v === "string" ? v.toLowerCase() : v;
  return s === "yes" || s === "on" || s === "1" || s === "true" || s === 1;
}

/** Jinja2's `int(default=0, base=10)`: strings as Python int() or float() read them, else the default. */
function toInt(v: JinjaValue, ...rest: JinjaValue[]): number | JinjaValue {
  const { positional, kw } = splitArgs(rest, ["default", "base"]);
  const fallback = arg(positional, kw, 0, "default", 0);
  const base = Number(arg(positional, kw, 1, "base", 10));
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return Math.trunc(v);
  if (typeof v !== "string") return fallback;
  const s = v.trim().replace(/_/g, "");
  if (base === 10 ? /^[+-]?\d+$/.test(s) : /^[+-]?[0-9a-z]+$/i.test(s)) {
    const n = parseInt(s, base);
    return Number.isNaN(n) ? fallback : n;
  }
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return Math.trunc(parseFloat(s));
  return fallback;
}

/** Ansible's `comment` filter (plain, erlang, c, cblock, xml styles and their keyword overrides). */
function comment(text: JinjaValue, ...rest: JinjaValue[]): string {
  const names = ["style", "decoration", "beginning", "prefix", "prefix_count", "postfix", "postfix_count", "end", "newline"];
  const { positional, kw } = splitArgs(rest, names);
  const style = pyStr(arg(positional, kw, 0, "style", "plain"));
  const styles: Record<string, Record<string, string>> = {
    plain: { decoration: "# " },
    erlang: { decoration: "% " },
    c: { decoration: "// " },
    cblock: { beginning: "/*", decoration: " * ", end: " */" },
    xml: { beginning: "<!--", decoration: " - ", end: "-->" },
  };
  const chosen = styles[style];
  if (!chosen) return faultMark("error", `comment style '${style}' is not one of ${Object.keys(styles).join(", ")}`);
  const prepostfix = kw.has("decoration") ? pyStr(kw.get("decoration")) : chosen["decoration"]!;
  const p: Record<string, string> = {
    newline: "\n",
    beginning: "",
    prefix: prepostfix.trimEnd(),
    prefix_count: "1",
    decoration: "",
    postfix: prepostfix.trimEnd(),
    postfix_count: "1",
    end: "",
    ...chosen,
  };
  for (const [k, v] of kw) p[k] = pyStr(v);
  const nl = p["newline"]!;
  const beginning = p["beginning"] ? `${p["beginning"]}${nl}` : "";
  const prefix = p["prefix"] ? (p["prefix"] !== nl ? `${p["prefix"]}${nl}` : nl).repeat(Number(p["prefix_count"])) : "";
  const deco = p["decoration"]!;
  const body = `${deco}${pyStr(text).split(nl).join(`${nl}${deco}`)}`.split(`${deco}${nl}`).join(`${deco.trimEnd()}${nl}`);
  const postfix = ["", ...Array.from({ length: Number(p["postfix_count"]) }, () => p["postfix"]!)].join(nl);
  const end = p["end"] ? `${nl}${p["end"]}` : "";
  return `${beginning}${prefix}${body}${postfix}${end}`;
}

/** Python's shlex.quote. */
function quote(v: JinjaValue): string {
  const s = v === null || v === undefined ? "" : pyStr(v);
  if (s === "") return "''";
  if (!/[^\w@%+=:,./-]/.test(s)) return s;
  return `'${s.replace(/'/g, `'"'"'`)}'`;
}

/** A Python regular expression as JavaScript reads one (named groups, \A and \Z). */
function jsRegex(pattern: string, flags: string): RegExp {
  const source = pattern
    .replace(/\(\?P<(\w+)>/g, "(?<$1>")
    .replace(/\(\?P=(\w+)\)/g, "\\k<$1>")
    .replace(/\\A/g, "^")
    .replace(/\\Z/g, "$");
  return new RegExp(source, flags);
}

function regexReplace(value: JinjaValue, ...rest: JinjaValue[]): string {
  const { positional, kw } = splitArgs(rest, ["pattern", "replacement", "ignorecase", "multiline", "count"]);
  const pattern = pyStr(arg(positional, kw, 0, "pattern", ""));
  const replacement = pyStr(arg(positional, kw, 1, "replacement", ""));
  const flags = `g${toBool(arg(positional, kw, 2, "ignorecase", false)) ? "i" : ""}${toBool(arg(positional, kw, 3, "multiline", false)) ? "m" : ""}`;
  let re: RegExp;
  try {
    re = jsRegex(pattern, flags);
  } catch {
    return faultMark("error", `regex_replace: '${pattern}' is not a regular expression kalint can read`);
  }
  // Python's \1, \g<1>, \g<name> in the replacement; a literal $ stays literal.
  const js = replacement
    .replace(/\$/g, "$$$$")
    .replace(/\\g<(\w+)>/g, (_m, g: string) => (/^\d+$/.test(g) ? `$${g}` : `$<${g}>`))
    .replace(/\\(\d+)/g, "$$$1");
  return pyStr(value).replace(re, js);
}

function regexSearch(value: JinjaValue, ...rest: JinjaValue[]): JinjaValue {
  const { positional, kw } = splitArgs(rest, ["ignorecase", "multiline"]);
  if (positional.length > 1) return faultMark("unsupported", "regex_search with group arguments");
  const flags = `${toBool(kw.get("ignorecase") ?? false) ? "i" : ""}${toBool(kw.get("multiline") ?? false) ? "m" : ""}`;
  try {
    const m = jsRegex(pyStr(positional[0] ?? ""), flags).exec(pyStr(value));
    return m ? m[0] : null;
  } catch {
    return faultMark("error", `regex_search: '${pyStr(positional[0] ?? "")}' is not a regular expression kalint can read`);
  }
}

const DIGESTS: Readonly<Record<string, (text: string) => string>> = { md5, sha1 };

function hash(value: JinjaValue, kind: JinjaValue = "sha1"): string {
  const algorithm = pyStr(kind);
  const digest = DIGESTS[algorithm];
  return digest ? digest(pyStr(value)) : faultMark("unsupported", `hash('${algorithm}')`);
}

function mandatory(value: JinjaValue, message?: JinjaValue): JinjaValue {
  if (value === undefined) return faultMark("undefined", message === undefined || message === null ? "" : pyStr(message));
  return value;
}

/** Ansible's `combine`: later mappings win; `recursive=True` merges nested mappings. */
function combine(...terms: JinjaValue[]): JinjaValue {
  const { positional, kw } = splitArgs(terms, ["recursive", "list_merge"]);
  const recursive = toBool(kw.get("recursive") ?? false);
  const merge = (a: { [k: string]: JinjaValue }, b: [string, JinjaValue][]) => {
    for (const [k, v] of b) {
      const old = a[k];
      const e = entries(v);
      a[k] =
        recursive && e && old !== null && typeof old === "object" && !Array.isArray(old)
          ? merge({ ...(old as { [k: string]: JinjaValue }) }, e)
          : plain(v);
    }
    return a;
  };
  let out: { [k: string]: JinjaValue } = {};
  for (const t of positional.flatMap((t) => (Array.isArray(t) ? t : [t]))) {
    const e = entries(t);
    if (!e) return faultMark("error", "combine takes mappings");
    out = merge(out, e);
  }
  return out;
}

function dict2items(v: JinjaValue, ...rest: JinjaValue[]): JinjaValue {
  const { kw } = splitArgs(rest, ["key_name", "value_name"]);
  const key = pyStr(kw.get("key_name") ?? "key");
  const value = pyStr(kw.get("value_name") ?? "value");
  const e = entries(v);
  if (!e) return faultMark("error", "dict2items takes a mapping");
  return e.map(([k, x]) => ({ [key]: k, [value]: plain(x) }));
}

function items2dict(v: JinjaValue, ...rest: JinjaValue[]): JinjaValue {
  const { kw } = splitArgs(rest, ["key_name", "value_name"]);
  const key = pyStr(kw.get("key_name") ?? "key");
  const value = pyStr(kw.get("value_name") ?? "value");
  if (!Array.isArray(v)) return faultMark("error", "items2dict takes a list of mappings");
  const out: { [k: string]: JinjaValue } = {};
  for (const item of v) {
    const m = new Map(entries(item) ?? []);
    out[pyStr(m.get(key))] = plain(m.get(value));
  }
  return out;
}

function flatten(v: JinjaValue, levels?: JinjaValue): JinjaValue {
  const depth = levels === undefined || levels === null ? Infinity : Number(levels);
  const walk = (list: JinjaValue[], d: number): JinjaValue[] =>
    list.flatMap((x) => (Array.isArray(x) && d > 0 ? walk(x, d - 1) : x === null ? [] : [plain(x)]));
  return Array.isArray(v) ? walk(v, depth) : v;
}

// ---- ipaddr (ansible.utils), the address, prefix, network forms and their near relatives ----

interface Net {
  readonly family: 4 | 6;
  readonly ip: bigint;
  readonly prefix: number;
  readonly hadPrefix: boolean;
}

function parseIPv4(s: string): bigint | undefined {
  const parts = s.split(".");
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((a, p) => (a << 8n) | BigInt(Number(p)), 0n);
}

function parseIPv6(s: string): bigint | undefined {
  if (!/^[0-9a-f:.]+$/i.test(s) || (s.match(/::/g) ?? []).length > 1) return undefined;
  let tail: bigint[] = [];
  let text = s;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const n = parseIPv4(v4[1]!);
    if (n === undefined) return undefined;
    tail = [(n >> 16n) & 0xffffn, n & 0xffffn];
    text = s.slice(0, -v4[1]!.length).replace(/:$/, "") || ":";
    if (text === ":" && !s.startsWith("::")) return undefined;
    if (s.endsWith("::" + v4[1])) text = text + ":";
  }
  const [head, rest] = text.includes("::") ? (text.split("::") as [string, string]) : [text, undefined];
  const groups = (g: string) => (g === "" ? [] : g.split(":"));
  const h = groups(head);
  const r = rest === undefined ? [] : groups(rest);
  if ([...h, ...r].some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  const total = h.length + r.length + tail.length;
  if (rest === undefined ? total !== 8 : total > 7) return undefined;
  const words = [...h.map((g) => BigInt(parseInt(g, 16))), ...Array(8 - total).fill(0n), ...r.map((g) => BigInt(parseInt(g, 16))), ...tail];
  return words.reduce((a, w) => (a << 16n) | w, 0n);
}

function parseNet(v: JinjaValue): Net | undefined {
  if (typeof v !== "string" && typeof v !== "number") return undefined;
  const s = String(v).trim();
  const [addr, pfx, extra] = s.split("/");
  if (extra !== undefined || addr === undefined) return undefined;
  const v4 = parseIPv4(addr);
  const family = v4 !== undefined ? 4 : 6;
  const ip = v4 ?? parseIPv6(addr);
  if (ip === undefined) return undefined;
  const max = family === 4 ? 32 : 128;
  let prefix = max;
  if (pfx !== undefined) {
    const dotted = family === 4 ? parseIPv4(pfx) : undefined;
    if (/^\d+$/.test(pfx) && Number(pfx) <= max) prefix = Number(pfx);
    else if (dotted !== undefined) {
      const bits = dotted.toString(2).padStart(32, "0");
      if (!/^1*0*$/.test(bits)) return undefined;
      prefix = bits.indexOf("0") === -1 ? 32 : bits.indexOf("0");
    } else return undefined;
  }
  return { family, ip, prefix, hadPrefix: pfx !== undefined };
}

function formatIp(n: bigint, family: 4 | 6): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 255n)).join(".");
  const words = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((s) => Number((n >> s) & 0xffffn));
  // The longest run of two or more zero words becomes '::' (RFC 5952).
  let best = -1,
    bestLen = 1;
  for (let i = 0; i < 8;) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = words.map((w) => w.toString(16));
  if (best < 0) return hex.join(":");
  return `${hex.slice(0, best).join(":")}::${hex.slice(best + bestLen).join(":")}`;
}

function masks(n: Net): { mask: bigint; network: bigint; broadcast: bigint } {
  const bits = BigInt(n.family === 4 ? 32 : 128);
  const all = (1n << bits) - 1n;
  const mask = (all << (bits - BigInt(n.prefix))) & all;
  const network = n.ip & mask;
  return { mask, network, broadcast: network | (all ^ mask) };
}

const IPADDR_QUERIES = new Set([
  "",
  "address",
  "host",
  "prefix",
  "network",
  "netmask",
  "broadcast",
  "net",
  "public",
  "private",
  "ipv4",
  "ipv6",
  "size",
  "cidr",
]);

function ipQuery(v: JinjaValue, query: string, family?: 4 | 6): JinjaValue {
  const n = parseNet(v);
  if (!n || (family !== undefined && n.family !== family)) return false;
  const { mask, network, broadcast } = masks(n);
  const max = n.family === 4 ? 32 : 128;
  const addr = formatIp(n.ip, n.family);
  switch (query) {
    case "":
      return String(v).trim();
    case "address":
      // ansible.utils: an address that is its network's own address (and not a single host) is no address.
      return n.hadPrefix && n.prefix < max - 1 && n.ip === network ? false : addr;
    case "host":
      return n.hadPrefix && n.prefix < max - 1 && n.ip === network ? false : `${addr}/${n.prefix}`;
    case "prefix":
      return n.prefix;
    case "network":
      return formatIp(network, n.family);
    case "netmask":
      return formatIp(mask, n.family);
    case "broadcast":
      return n.family === 4 && n.prefix < 31 ? formatIp(broadcast, n.family) : false;
    case "net":
      return n.ip === network && n.prefix < max ? `${formatIp(network, n.family)}/${n.prefix}` : false;
    case "cidr":
      return `${formatIp(network, n.family)}/${n.prefix}`;
    case "size":
      return Number(broadcast - network + 1n);
    case "ipv4":
      return n.family === 4 ? String(v).trim() : false;
    case "ipv6":
      return n.family === 6 ? String(v).trim() : false;
    default:
      return faultMark("unsupported", `ipaddr('${query}')`);
  }
}

function ipaddrFilter(family?: 4 | 6) {
  return (v: JinjaValue, q?: JinjaValue): JinjaValue => {
    const query = q === undefined || q === null ? "" : pyStr(q);
    if (!IPADDR_QUERIES.has(query)) return faultMark("unsupported", `${family ? `ipv${family}` : "ipaddr"}('${query}')`);
    if (Array.isArray(v)) return v.map((x) => ipQuery(x, query, family)).filter((x) => x !== false);
    return ipQuery(v, query, family);
  };
}

function ternary(v: JinjaValue, yes: JinjaValue, no: JinjaValue, none?: JinjaValue): JinjaValue {
  if (v === null && none !== undefined) return none;
  return truthy(v) ? yes : no;
}

function truthy(v: JinjaValue): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === "") return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isMap(v)) return v.size > 0;
  return true;
}

const b64 = (v: JinjaValue) => Buffer.from(pyStr(v), "utf8").toString("base64");
const unb64 = (v: JinjaValue) => Buffer.from(pyStr(v), "base64").toString("utf8");
const basename = (v: JinjaValue) => pyStr(v).replace(/^.*\//, "");
const dirname = (v: JinjaValue) => {
  const s = pyStr(v);
  const i = s.lastIndexOf("/");
  return i < 0 ? "" : i === 0 ? "/" : s.slice(0, i).replace(/\/+$/, "") || "/";
};

/** Ansible's urlsplit: the whole split as a mapping, or one part of it. */
function urlsplit(v: JinjaValue, query?: JinjaValue): JinjaValue {
  const m =
    /^(?:([A-Za-z][\w+.-]*):)?(?:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?(\[[^\]]*\]|[^:/?#]*)(?::(\d*))?)?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(
      pyStr(v),
    );
  if (!m) return faultMark("error", `urlsplit cannot read '${pyStr(v)}'`);
  const host = m[4] ?? "";
  const parts: { [k: string]: JinjaValue } = {
    scheme: m[1] ?? "",
    username: m[2] ?? null,
    password: m[3] ?? null,
    hostname: host ? host.toLowerCase().replace(/^\[|\]$/g, "") : null,
    port: m[5] ? Number(m[5]) : null,
    path: m[6] ?? "",
    query: m[7] ?? "",
    fragment: m[8] ?? "",
    netloc: pyStr(v)
      .replace(/^(?:[A-Za-z][\w+.-]*:)?\/\//, "")
      .replace(/[/?#].*$/, ""),
  };
  if (query === undefined || query === null) return parts;
  const q = pyStr(query);
  return q in parts ? parts[q]! : faultMark("error", `urlsplit: unknown URL component '${q}'`);
}

type Filter = (value: JinjaValue, ...args: JinjaValue[]) => JinjaValue;

/** Every filter kalint adds to the engine, by name. */
export const ANSIBLE_FILTERS: Readonly<Record<string, Filter>> = {
  bool: toBool,
  int: toInt,
  comment,
  quote,
  to_json: (v, ...rest) => {
    const { kw } = splitArgs(rest, ["indent", "sort_keys"]);
    const indent = kw.get("indent");
    return pyJson(v, indent === undefined || indent === null ? undefined : Number(indent), toBool(kw.get("sort_keys") ?? false) === true);
  },
  to_nice_json: (v, ...rest) => {
    const { positional, kw } = splitArgs(rest, ["indent", "sort_keys"]);
    return pyJson(v, Number(arg(positional, kw, 0, "indent", 4)), toBool(arg(positional, kw, 1, "sort_keys", true)) === true);
  },
  mandatory,
  regex_replace: regexReplace,
  regex_search: regexSearch,
  hash,
  md5: (v) => hash(v, "md5"),
  sha1: (v) => hash(v, "sha1"),
  checksum: (v) => hash(v, "sha1"),
  ipaddr: ipaddrFilter(),
  ipv4: ipaddrFilter(4),
  ipv6: ipaddrFilter(6),
  combine,
  dict2items,
  items2dict,
  flatten,
  ternary: (v, ...a) => ternary(v, a[0], a[1], a[2]),
  urlsplit,
  b64encode: b64,
  b64decode: unb64,
  basename,
  dirname,
};

/** Tests Ansible adds that templates use in `is` expressions. */
export const ANSIBLE_TESTS: Readonly<Record<string, (value: JinjaValue, ...args: JinjaValue[]) => boolean>> = {
  match: (v, p) => safeTest(() => jsRegex(pyStr(p ?? ""), "").exec(pyStr(v))?.index === 0),
  search: (v, p) => safeTest(() => jsRegex(pyStr(p ?? ""), "").test(pyStr(v))),
  regex: (v, p) => safeTest(() => jsRegex(pyStr(p ?? ""), "").test(pyStr(v))),
  truthy: (v) => truthy(v),
  falsy: (v) => !truthy(v),
  ipaddr: (v) => parseNet(v) !== undefined,
  ipv4: (v) => parseNet(v)?.family === 4,
  ipv6: (v) => parseNet(v)?.family === 6,
};

function safeTest(f: () => boolean): boolean {
  try {
    return f();
  } catch {
    return false;
  }
}

/** Wraps a filter so that nothing it does can throw into the engine. */
export function guarded<A extends unknown[]>(name: string, f: (...args: A) => unknown, takesUndefined = false): (...args: A) => unknown {
  return (...args: A) => {
    // Jinja2's strict undefined fails as soon as a filter reads it; the engine hands it over instead.
    if (!takesUndefined && args[0] === undefined) return faultMark("undefined", `filter:${name}`);
    try {
      return f(...args);
    } catch (e) {
      return faultMark("error", `${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}
