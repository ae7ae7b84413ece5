/**
 * Deterministic mutants of the clean base configurations in ./bases: each one changes a single
 * thing (a typo'd keyword, a keyword moved to the wrong block, a number out of range, a bad
 * enum or boolean, a deprecated spelling, a dropped argument, a broken address, a brace, a
 * keyword of the schema put in its block) so that keepalived and kalint can be compared file by
 * file. Same bases in, same mutants out.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compareVersions, keywordAt } from "../../server/src/schema/lookup.js";
import type { Version } from "../../server/src/schema/types.js";
import { sweepLines, type SweepLine } from "./keyword-sweep.js";

export interface Mutant {
  /** `base:line:operator:variant`, stable across runs. */
  readonly id: string;
  readonly base: string;
  readonly operator: string;
  readonly text: string;
}

interface Line {
  readonly index: number;
  readonly indent: string;
  readonly words: readonly string[];
  /** Keywords of the enclosing blocks, outermost first. */
  readonly path: readonly string[];
  readonly opens: boolean;
  readonly closes: boolean;
  /** The line is an entry of a value block (an address, a name, a route). */
  readonly value: boolean;
}

const VALUE_BLOCKS: ReadonlySet<string> = new Set([
  "notification_email",
  "virtual_ipaddress",
  "virtual_ipaddress_excluded",
  "track_interface",
  "track_script",
  "track_process",
  "track_file",
  "track_bfd",
  "unicast_peer",
  "virtual_routes",
  "virtual_rules",
  "group",
  "static_ipaddress",
  "static_routes",
  "static_rules",
  "virtual_server_group",
]);

/** Splits a base into lines with their block path; bases keep one statement per line. */
function scan(text: string): Line[] {
  const lines: Line[] = [];
  const stack: { keyword: string; value: boolean }[] = [];
  text.split("\n").forEach((raw, index) => {
    const body = raw.replace(/#.*$/, "").trim();
    const indent = /^\s*/.exec(raw)![0];
    const words = body === "" ? [] : body.split(/\s+/);
    const opens = words[words.length - 1] === "{";
    const closes = body === "}";
    const inValue = stack.length > 0 && stack[stack.length - 1]!.value;
    const content = opens ? words.slice(0, -1) : words;
    lines.push({ index, indent, words: content, path: stack.map((s) => s.keyword), opens, closes, value: inValue && !closes });
    if (opens)
      stack.push({ keyword: content[0]!, value: VALUE_BLOCKS.has(content[0]!) && !(content[0] === "track_file" && stack.length === 0) });
    if (closes) stack.pop();
  });
  return lines;
}

/**
 * KALINT_DIFF_ALL=1 keeps every mutant the operators make instead of a fixed sample: about
 * 4,800 files instead of 2,900, for a thorough run by hand (docs/differential.md).
 */
const KEEP_ALL = process.env["KALINT_DIFF_ALL"] === "1";

/** A small seeded generator (mulberry32), so the choice of variants never changes between runs. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function typos(word: string, rnd: () => number): string[] {
  const out = new Set<string>();
  const p = 1 + Math.floor(rnd() * Math.max(1, word.length - 2));
  out.add(word.slice(0, p) + word.slice(p + 1)); // a letter dropped
  out.add(word.slice(0, p - 1) + word[p] + word[p - 1] + word.slice(p + 1)); // two letters swapped
  out.add(word.slice(0, p) + word[p] + word.slice(p)); // a letter doubled
  out.add(word[0]!.toUpperCase() + word.slice(1)); // keywords are case-sensitive
  out.delete(word);
  return [...out];
}

/** Forms every number is also tried in: a fraction (which some keywords took only in later releases) and zero. */
const NUMBER_FORMS = [".5", "1.5", "0"];
const BAD_NUMBERS = ["-1", "0", "256", "65536", "4294967296", "99999999999", "1.1234567", "abc", "1e3", "12x", "0x10", "+5"];
const BAD_ENUMS = (w: string) => [w.toLowerCase(), w.toUpperCase(), `${w}X`, "bogus"].filter((x) => x !== w);
const BAD_BOOLEANS = ["maybe", "TRUE", "1", "Yes"];
const BAD_ADDRESSES = (w: string) => {
  const v6 = w.includes(":");
  const [addr, prefix] = w.split("/");
  return v6
    ? [`${addr}::1`, `${addr}/129`, "2001:db8:::1", `${addr}/x`]
    : [
        `${addr!.replace(/\d+$/, "300")}${prefix ? `/${prefix}` : ""}`,
        `${addr}/33`,
        addr!.split(".").slice(0, 3).join("."),
        `0${addr}`,
        `${addr}/-1`,
      ];
};

/** Top-level blocks that define a name others refer to. */
const NAMED_BLOCKS: ReadonlySet<string> = new Set([
  "vrrp_instance",
  "vrrp_sync_group",
  "vrrp_script",
  "vrrp_track_process",
  "vrrp_track_file",
  "track_file",
  "track_group",
  "bfd_instance",
  "virtual_server_group",
]);

/** Deprecated or removed forms, and the block they go in (by the keyword that opens it). */
const DEPRECATED: readonly { readonly into: string; readonly line: string }[] = [
  { into: "global_defs", line: "lvs_flush_onstop" },
  { into: "global_defs", line: "vrrp_rlimit_rtime 1000" },
  { into: "global_defs", line: "checker_rlimit_rtime 1000" },
  { into: "global_defs", line: "lvs_process_name lvs" },
  { into: "global_defs", line: "enable_snmp_keepalived" },
  { into: "global_defs", line: "vrrp_vmac_garp_intvl 10" },
  { into: "global_defs", line: "lvs_id LVS_1" },
  { into: "global_defs", line: "plugin_dir /tmp" },
  { into: "global_defs", line: "state_file_location /tmp/ka.state" },
  { into: "vrrp_instance", line: "thread_timer_expired" },
  { into: "vrrp_instance", line: "vmac_garp_intvl 10" },
  { into: "vrrp_instance", line: "lvs_sync_daemon_interface eth0" },
  { into: "vrrp_instance", line: "linkbeat_use_polling" },
  { into: "HTTP_GET", line: "nb_get_retry 3" },
  { into: "SSL_GET", line: "nb_get_retry 2" },
  { into: "virtual_server", line: "nat_mask 255.255.255.0" },
  { into: "vrrp_sync_group", line: "global_tracking" },
  { into: "virtual_routes", line: "10.50.0.0/16 gw 10.0.1.1 dev eth1" },
  { into: "virtual_routes", line: "10.51.0.0/16 via 10.0.1.1 or 10.0.1.2 dev eth1" },
];

/**
 * Mistakes seen in configurations published on GitHub: a statement ended with `;` as in nginx,
 * a `//` comment (keepalived knows only `#` and `!`), a template placeholder left in, a
 * full-width space glued to a value (typed with a CJK input method), an unresolved merge
 * conflict, a shell prompt pasted in.
 */
const REAL_WORLD: readonly ((words: readonly string[]) => string | undefined)[] = [
  (w) => (w.length > 1 ? `${w.join(" ")};` : undefined),
  (w) => `${w.join(" ")} // was ${w[w.length - 1]}`,
  (w) => (w.length > 1 ? [w[0], "<your_value>", ...w.slice(2)].join(" ") : undefined),
  (w) => (w.length > 1 ? [w[0], "__VALUE__", ...w.slice(2)].join(" ") : undefined),
  (w) => (w.length > 1 ? `${w.join(" ")}\u3000` : undefined),
  (w) => (w.length > 1 ? `${w.join(" ")}\u00a0` : undefined),
  (w) => `<<<<<<< HEAD\n${w.join(" ")}\n=======\n${w.join(" ")}\n>>>>>>> feature`,
];

/** The config id (`-i`) both tools get, so `@id` lines are chosen the same way; mutants use it too. */
export const CONFIG_ID = "diffnode";

/**
 * Conditional prefixes, with the harness's config id and another: a line kept, a line dropped,
 * and two conditions in a row, where keepalived takes only the first and reads the second as
 * the keyword.
 */
const CONDITIONS: readonly string[] = [`@${CONFIG_ID} `, "@other ", `@^other `, `@${CONFIG_ID} @${CONFIG_ID} `, `@^other @${CONFIG_ID} `];

/** Broken option words on value lines (addresses, routes, rules, tracks, peers). */
const VALUE_LINE_DAMAGE: readonly ((words: readonly string[]) => string | undefined)[] = [
  (w) => `${w.join(" ")} bogus_option`,
  (w) => `${w.join(" ")} dev`,
  (w) => `${w.join(" ")} weight 300`,
  (w) => `${w.join(" ")} weight -254`,
  (w) => `${w.join(" ")} label averyveryverylonglabel`,
  (w) => `${w.join(" ")} scope nowhere_else`,
  (w) => (w.length > 1 ? w[0] : undefined),
];

/** The mutants of every base, for keepalived `target` (the bases and the keyword sweep depend on it). */
export function generateMutants(basesDir: string, target: Version): Mutant[] {
  const sweep = sweepLines(target, KEEP_ALL);
  const mutants: Mutant[] = [];
  for (const [name, text] of basesFor(basesDir, target)) mutants.push(...mutate(name, text, sweep));
  return mutants;
}

/** Every base as release `target` reads it (see baseForRelease), by name. */
export function basesFor(basesDir: string, target: Version): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of readdirSync(basesDir)
    .filter((f) => f.endsWith(".conf"))
    .sort()) {
    out.set(file.replace(/\.conf$/, ""), baseForRelease(readFileSync(join(basesDir, file), "utf8"), target));
  }
  return out;
}

/**
 * A base without the statements and blocks release `target` does not know yet (PING_CHECK
 * before 2.1.0, say), and without the references to the named blocks so left out, so that
 * each release gets clean bases and a mutant differs from a clean file by its one change alone.
 */
export function baseForRelease(text: string, target: Version): string {
  const source = text.split("\n");
  const lines = scan(text);
  const dropped = new Set<number>();
  const droppedNames = new Set<string>();
  let skipUntilDepth = -1;
  for (const line of lines) {
    const depth = line.path.length;
    if (skipUntilDepth !== -1) {
      dropped.add(line.index);
      if (line.closes && depth === skipUntilDepth + 1) skipUntilDepth = -1;
      continue;
    }
    const spec = line.value || line.closes || line.words.length === 0 ? undefined : keywordAt(line.path, line.words[0]!);
    if (spec && compareVersions(spec.since, target) > 0) {
      dropped.add(line.index);
      if (line.opens) skipUntilDepth = depth;
      if (line.opens && depth === 0 && line.words[1]) droppedNames.add(line.words[1]);
    }
  }
  for (const line of lines) if (line.value && droppedNames.has(line.words[0]!)) dropped.add(line.index);
  return source.filter((_, i) => !dropped.has(i)).join("\n");
}

function mutate(base: string, text: string, sweep: readonly SweepLine[]): Mutant[] {
  const lines = scan(text);
  const source = text.split("\n");
  const out: Mutant[] = [];
  const add = (line: number, operator: string, variant: number, edited: string[]) =>
    out.push({ id: `${base}:${line + 1}:${operator}:${variant}`, base, operator, text: edited.join("\n") });
  const replaced = (i: number, newLine: string) => source.map((l, j) => (j === i ? newLine : l));
  const openers = lines.filter((l) => l.opens && !VALUE_BLOCKS.has(l.words[0]!));

  for (const line of lines) {
    const rnd = random(hash(`${base}:${line.index}`));
    // The draw is made either way, so the same mutants come out with and without KEEP_ALL.
    const sampled = (p: number) => rnd() < p || KEEP_ALL;
    const [keyword, ...args] = line.words;
    if (!keyword || line.closes) continue;
    const render = (words: readonly string[]) => `${line.indent}${words.join(" ")}${line.opens ? " {" : ""}`;

    if (line.value) {
      // Value lines: damage the entry or its options.
      VALUE_LINE_DAMAGE.forEach((damage, v) => {
        const damaged = damage(line.words);
        if (damaged !== undefined && sampled(0.5)) add(line.index, "value-option", v, replaced(line.index, `${line.indent}${damaged}`));
      });
      if (/^[\d.:a-f]+(\/\d+)?$/.test(keyword) && /\d/.test(keyword)) {
        BAD_ADDRESSES(keyword).forEach((bad, v) => add(line.index, "bad-address", v, replaced(line.index, render([bad, ...args]))));
      }
      continue;
    }

    typos(keyword, rnd).forEach((t, v) => add(line.index, "typo", v, replaced(line.index, render([t, ...args]))));
    CONDITIONS.forEach((prefix, v) => {
      if (sampled(0.1)) add(line.index, "condition", v, replaced(line.index, `${line.indent}${prefix}${source[line.index]!.trimStart()}`));
    });
    if (!line.opens) {
      REAL_WORLD.forEach((mistake, v) => {
        const written = mistake(line.words);
        if (written !== undefined && sampled(0.35)) add(line.index, "real-world", v, replaced(line.index, `${line.indent}${written}`));
      });
    }

    if (!line.opens) {
      // The same statement in a block where it does not belong.
      const targets = openers.filter((o) => o.words[0] !== line.path[line.path.length - 1]);
      const target = targets[Math.floor(rnd() * targets.length)];
      if (target) {
        const edited = [...source];
        edited.splice(line.index, 1);
        edited.splice(target.index + (target.index < line.index ? 1 : 0), 0, `${target.indent}  ${line.words.join(" ")}`);
        add(line.index, "wrong-block", 0, edited);
      }
      if (args.length > 0) add(line.index, "missing-argument", 0, replaced(line.index, render([keyword])));
      add(line.index, "extra-argument", 0, replaced(line.index, render([...line.words, "surplus"])));
      add(line.index, "duplicate", 0, [...source.slice(0, line.index + 1), source[line.index]!, ...source.slice(line.index + 1)]);
      const braced = replaced(line.index, `${render(line.words)} {`);
      braced.splice(line.index + 1, 0, `${line.indent}}`);
      add(line.index, "unexpected-block", 0, braced);
    } else {
      add(line.index, "missing-brace", 0, replaced(line.index, `${line.indent}${line.words.join(" ")}`));
      if (args.length > 0) add(line.index, "missing-argument", 0, replaced(line.index, render([keyword])));
    }

    args.forEach((arg, a) => {
      const at = (v: string) => render([keyword, ...args.map((x, k) => (k === a ? v : x))]);
      if (/^-?\d+(\.\d+)?$/.test(arg)) {
        const pick = BAD_NUMBERS.filter(() => sampled(0.5));
        pick.forEach((bad, v) => add(line.index, "number", a * 100 + v, replaced(line.index, at(bad))));
        NUMBER_FORMS.forEach((form, v) => add(line.index, "number-form", a * 100 + v, replaced(line.index, at(form))));
      } else if (/^[A-Z][A-Z_]+$/.test(arg)) {
        BAD_ENUMS(arg).forEach((bad, v) => add(line.index, "enum", a * 100 + v, replaced(line.index, at(bad))));
      } else if (/^(true|false|on|off|yes|no)$/.test(arg)) {
        BAD_BOOLEANS.forEach((bad, v) => add(line.index, "boolean", a * 100 + v, replaced(line.index, at(bad))));
      } else if (/^[\d.]+$|:/.test(arg) && /\d/.test(arg)) {
        BAD_ADDRESSES(arg).forEach((bad, v) => add(line.index, "bad-address", a * 100 + v, replaced(line.index, at(bad))));
      } else if (/^[a-z]+$/.test(arg) && arg.length > 1) {
        add(line.index, "enum", a * 100, replaced(line.index, at(arg.toUpperCase())));
      }
    });
  }

  // A named top-level block given twice (the copy right after the original).
  lines.forEach((line) => {
    if (line.path.length > 0 || !line.opens || !NAMED_BLOCKS.has(line.words[0]!) || line.words.length < 2) return;
    const end = lines.findIndex((l) => l.index > line.index && l.closes && l.path.length === 1);
    if (end === -1) return;
    const copy = source.slice(line.index, end + 1);
    add(line.index, "duplicate-block", 0, [...source.slice(0, end + 1), ...copy, ...source.slice(end + 1)]);
  });

  // The base itself, which both must find clean.
  add(0, "base", 0, source);

  // A shell prompt pasted above the configuration.
  add(0, "real-world", 99, ["[root@lb1 ~]# cat /etc/keepalived/keepalived.conf", ...source]);

  // Every keyword position of the schema, in the first block of this base that can hold it.
  for (const { spec, variant, line, operator, id } of sweep) {
    const parents = spec.parents;
    const target =
      parents.length === 0
        ? undefined
        : lines.find(
            (l) =>
              l.opens &&
              l.path.length === parents.length - 1 &&
              l.words[0] === parents[parents.length - 1] &&
              l.path.every((k, i) => k === parents[i]),
          );
    if (parents.length > 0 && !target) continue;
    const inBlock = lines.filter(
      (l) => l.path.length === parents.length && l.path.every((k, i) => k === parents[i]) && (!target || l.index > target.index),
    );
    if (inBlock.some((l) => l.words[0] === spec.name)) continue;
    const at = target ? target.index + 1 : 0;
    const indent = target ? `${target.indent}  ` : "";
    add(at, operator, variant * 10000 + id, [...source.slice(0, at), ...line.split("\n").map((l) => indent + l), ...source.slice(at)]);
  }

  DEPRECATED.forEach((d, v) => {
    const target = lines.find((l) => l.opens && l.words[0] === d.into);
    if (!target) return;
    add(target.index, "deprecated", v, [
      ...source.slice(0, target.index + 1),
      `${target.indent}  ${d.line}`,
      ...source.slice(target.index + 1),
    ]);
  });
  return out;
}
