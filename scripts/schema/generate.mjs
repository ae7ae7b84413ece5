#!/usr/bin/env node
// Converts the keyword facts of keepalived (a reference file outside this project) into the
// project's own schema facts, server/src/schema/keywords.generated.json. Run by hand when the
// reference changes:  node scripts/schema/generate.mjs [PATH/TO/keywords.json]
// The committed output is what kalint builds and runs from; this script is never needed at run time.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  FATAL_MISSING,
  MISSING_IS_HARMLESS,
  MISSING_IS_NOT_FATAL,
  ONE_WORD,
  SINCE,
  OVERRIDES,
  ENUMS,
  REPEATABLE,
  REQUIRED_ARG,
} from "./overrides.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const input = process.argv[2] ?? join(root, "..", "shared", "reference", "keywords.json");
const ref = JSON.parse(readFileSync(input, "utf8"));

// A key that names no keyword would be silently ignored: the fact it states would be lost.
{
  const known = new Set(ref.keywords.flatMap((k) => [k.name, k.path.join(" > ")]));
  const keys = [
    ...Object.keys(OVERRIDES),
    ...Object.keys(ENUMS),
    ...REPEATABLE,
    ...REQUIRED_ARG,
    ...FATAL_MISSING,
    ...MISSING_IS_HARMLESS,
    ...MISSING_IS_NOT_FATAL,
    ...ONE_WORD,
    ...Object.keys(SINCE),
  ];
  const dead = keys.filter((key) => !known.has(key));
  if (dead.length > 0) throw new Error(`overrides.mjs names no keyword of ${input}: ${dead.join(", ")}`);
}

const parseVersion = (text) => {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(text ?? "");
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined;
};
const newest = parseVersion(ref.source.configure_ac_version);
// Keywords added after the newest release belong to the next one.
const unreleased = [newest[0], newest[1], newest[2] + 1];

/** The first numeric range the handler enforces on argument 1, as an argument kind. */
function rangeKind(handler) {
  const r = (handler?.enforced_ranges ?? []).find((e) => e.index === 1);
  if (!r) return undefined;
  const num = (v) => (typeof v === "number" ? v : undefined);
  switch (r.fn) {
    case "read_unsigned_strvec":
    case "read_int_strvec":
    case "read_unsigned64_strvec":
      return { type: "integer", ...opt("min", num(r.min)), ...opt("max", num(r.max)) };
    case "read_decimal_unsigned_strvec": {
      const scale = 10 ** r.decimal_places;
      return {
        type: "decimal",
        ...opt("min", scaled(num(r.min), scale)),
        ...opt("max", scaled(num(r.max), scale)),
        decimals: r.decimal_places,
      };
    }
    case "read_timer":
      return {
        type: "decimal",
        ...opt("min", scaled(num(r.min_us ?? r.min), 1e6)),
        ...opt("max", scaled(num(r.max_us ?? r.max), 1e6)),
        decimals: 6,
      };
    default:
      return undefined;
  }
}
const opt = (key, value) => (value === undefined || value === null ? {} : { [key]: value });
const scaled = (v, scale) => (v === undefined ? undefined : v / scale);

/** Argument list for one position, from its facts; OVERRIDES (by path) win. */
function deriveArgs(k, handler) {
  const path = k.path.join(" > ");
  if (Object.hasOwn(OVERRIDES, path)) return OVERRIDES[path];
  if (Object.hasOwn(OVERRIDES, k.name)) return OVERRIDES[k.name];
  const text = k.arg ?? "";
  const optional = /^optional\b/i.test(text);

  if (k.opens_block) {
    // Value blocks are opened by their keyword alone; named blocks take exactly the name.
    if (k.opens_block === "values" || /^none\b/.test(text)) return { args: [] };
    if (/name/i.test(text)) return { args: [{ name: "NAME", kind: { type: "name" } }] };
    return {};
  }
  if (/^none \(flag\)/.test(text)) return { args: [] };
  if (/^optional boolean/.test(text) || handler?.accepts_boolean_word)
    return { args: [{ name: "BOOLEAN", kind: { type: "boolean" }, optional: true }] };

  const enumValues = ENUMS[path] ?? ENUMS[k.name];
  if (enumValues)
    return {
      args: [
        {
          name: enumValues.name,
          kind: { type: "enum", values: enumValues.values, ...(enumValues.caseInsensitive ? { caseInsensitive: true } : {}) },
          ...(optional ? { optional: true } : {}),
        },
      ],
      allowsExtra: enumValues.allowsExtra === true,
    };

  const range = rangeKind(handler);
  // A tracked object's weight may be followed by reverse (or, in every handler, noreverse).
  if (range && /followed by '?reverse/.test(text)) {
    return {
      args: [
        { name: "WEIGHT", kind: range },
        { name: "DIRECTION", kind: { type: "enum", values: ["reverse", "noreverse"] }, optional: true },
      ],
    };
  }
  if (range) {
    const more = /optionally followed|and\/or|followed by|one or more|START MAX|\bthen\b/.test(text);
    const name = range.type === "decimal" ? "SECONDS" : "NUMBER";
    return { args: [{ name, kind: range, ...(optional ? { optional: true } : {}) }], ...(more ? { allowsExtra: true } : {}) };
  }
  if (/^multicast IP address/.test(text)) return { args: [{ name: "ADDRESS", kind: { type: "multicast" } }] };
  if (/^(IP address|IPv4\/IPv6 address|source IP|neighbour IP|multicast IP)/i.test(text)) {
    return { args: [{ name: "ADDRESS", kind: { type: "ip" } }], ...(/optional port/.test(text) ? { allowsExtra: true } : {}) };
  }
  if (/^IPv4 multicast/.test(text)) return { args: [{ name: "ADDRESS", kind: { type: "multicast", family: 4 } }] };
  if (/^IPv6 multicast/.test(text)) return { args: [{ name: "ADDRESS", kind: { type: "multicast", family: 6 } }] };
  if (/^port 1\.\.65535/.test(text)) return { args: [{ name: "PORT", kind: { type: "port" } }] };

  const isCommand = /script path|command line/.test(text);
  const isPath = /path|FIFO|file|directory/i.test(text) && !isCommand;
  const kind = isCommand || isPath ? { type: "path" } : { type: "string" };
  const name = isCommand ? "COMMAND" : isPath ? "PATH" : /interface/i.test(text) ? "INTERFACE" : /name/i.test(text) ? "NAME" : "VALUE";
  const required = !optional && (k.missing_argument_is_fatal_heuristic || /required|exactly one/.test(text));
  // Free-form lines (commands with arguments, lists, user and group) take any number of words.
  const exactlyOne = /^exactly one\b/.test(text);
  return { args: [{ name, kind, ...(required ? {} : { optional: true }) }], ...(exactlyOne ? {} : { allowsExtra: true }) };
}

const out = [];
for (const k of ref.keywords) {
  const handler = ref.handlers[k.handler];
  const derived = deriveArgs(k, handler);
  const sinceText = SINCE[k.path.join(" > ")] ?? k.since?.version ?? "";
  const since = /^unreleased/.test(sinceText) ? unreleased : (parseVersion(sinceText) ?? [0, 5, 3]);
  const entry = { name: k.name, parents: k.parents };
  if (k.opens_block) entry.block = k.opens_block;
  if (derived.args) entry.args = derived.args;
  if (derived.allowsExtra && !ONE_WORD.has(k.path.join(" > ")) && !ONE_WORD.has(k.name)) entry.allowsExtra = true;
  if (!k.opens_block && !REPEATABLE.has(k.name) && !REPEATABLE.has(k.path.join(" > "))) entry.single = true;
  if (k.missing_argument_is_fatal_heuristic) entry.missingArgIsFatal = true;
  const inSet = (set) => set.has(k.name) || set.has(k.path.join(" > "));
  const firstArg = (change) => {
    if (entry.args?.[0]) entry.args = [change(entry.args[0]), ...entry.args.slice(1)];
  };
  if (inSet(REQUIRED_ARG) || inSet(FATAL_MISSING)) firstArg(({ optional, ...arg }) => arg);
  if (inSet(FATAL_MISSING)) entry.missingArgIsFatal = true;
  if (inSet(MISSING_IS_NOT_FATAL)) delete entry.missingArgIsFatal;
  if (inSet(MISSING_IS_HARMLESS)) {
    delete entry.missingArgIsFatal;
    firstArg((arg) => ({ ...arg, optional: true }));
  }
  entry.since = since;
  if (k.deprecated) {
    // `replacement` is a keyword path, or prose when no single keyword replaces it.
    const prose = k.replacement && /\s/.test(k.replacement) ? k.replacement : undefined;
    const replacement = prose ? undefined : (k.replacement ?? k.alias_of ?? "").split("/").pop() || undefined;
    const depSince = parseVersion((k.deprecated_since ?? "").replace(/^.*?v(?=\d)/, ""));
    entry.deprecated = { ...opt("since", depSince), ...opt("replacement", replacement) };
    if (prose) entry.deprecated.note = `use ${prose}`;
  }
  if (k.alias_of) entry.aliasOf = k.alias_of.split("/").pop();
  if (k.build_conditions?.length) entry.buildConditions = k.build_conditions;
  out.push(entry);
}

const facts = {
  "//": "Generated by scripts/schema/generate.mjs from keepalived's keyword facts; do not edit by hand.",
  newest,
  keywords: out,
  removed: ref.removed_keywords.map((r) => ({
    name: r.name,
    removedIn: parseVersion(r.removed_in),
    ...(r.name === "lvs_id" ? { replacement: "router_id" } : {}),
  })),
  manPageOnly: ref.documented_but_not_accepted.map((m) => ({ name: m.name, parents: m.path, actual: m.actual_keyword })),
};
const target = join(root, "server", "src", "schema", "keywords.generated.json");
writeFileSync(target, JSON.stringify(facts, null, 1) + "\n");
console.log(`wrote ${out.length} keyword positions (${new Set(out.map((k) => k.name)).size} names) to ${target}`);
