/**
 * Lookups over the keyword schema. The facts (blocks, arguments, ranges, versions) come from
 * `keywords.generated.json` (made by scripts/schema/generate.mjs); the prose from `docs/`.
 * Everything here is built once, on first use.
 */
import facts from "./keywords.generated.json";
import { DATED_ARGUMENTS, DATED_CHECKS, type DatedCheck, type DatedCheckId } from "./dated.js";
import { keywordDoc } from "./docs/index.js";
import { formatSyntax } from "./syntax.js";
import type { EarlierArgs, KeywordSpec, RemovedKeyword, Version } from "./types.js";

/** A schema entry as stored: everything but the prose and the syntax line, which are derived. */
type FactEntry = Omit<KeywordSpec, "doc" | "syntax">;

interface FactFile {
  readonly newest: Version;
  readonly keywords: readonly FactEntry[];
  readonly removed: readonly { readonly name: string; readonly removedIn: Version; readonly replacement?: string }[];
  readonly manPageOnly: readonly { readonly name: string; readonly parents: readonly string[]; readonly actual: string }[];
}

const data = facts as unknown as FactFile;

/** The newest keepalived version the schema describes; the default `--target-version`. */
export const NEWEST_VERSION: Version = data.newest;

/**
 * A schema entry with its prose and syntax line, made when first read: the validator and the
 * model only look at the facts, and `kalint check` should not pay for documentation it never shows.
 */
function withProse(f: FactEntry): KeywordSpec {
  let doc: string | undefined;
  let syntax: string | undefined;
  return Object.defineProperties({ ...f } as KeywordSpec, {
    doc: { get: () => (doc ??= keywordDoc(f.parents, f.name)), enumerable: true },
    syntax: { get: () => (syntax ??= formatSyntax(f.name, f.args, f.block)), enumerable: true },
  });
}

let all: readonly KeywordSpec[] | undefined;
let byBlock: Map<string, KeywordSpec[]> | undefined;
let byName: Map<string, KeywordSpec[]> | undefined;
/** Keywords of each block path by name, for the scopes below. */
let byBlockName: Map<string, Map<string, KeywordSpec>> | undefined;

const pathKey = (parents: readonly string[]) => parents.join(" > ");

function index(): void {
  if (all) return;
  const list: KeywordSpec[] = data.keywords.map((f) => {
    const earlierArgs = datedArgs(f);
    return withProse(earlierArgs.length > 0 ? { ...f, earlierArgs } : f);
  });
  all = list;
  byBlock = new Map();
  byName = new Map();
  byBlockName = new Map();
  for (const k of list) {
    const block = pathKey(k.parents);
    (byBlock.get(block) ?? byBlock.set(block, []).get(block)!).push(k);
    (byBlockName.get(block) ?? byBlockName.set(block, new Map()).get(block)!).set(k.name, k);
    (byName.get(k.name) ?? byName.set(k.name, []).get(k.name)!).push(k);
  }
}

/** The argument lists of earlier releases that dated.ts gives for one schema position (older releases first needed only by the lowest `before`). */
function datedArgs(spec: FactEntry): EarlierArgs[] {
  const path = [...spec.parents, spec.name].join(" > ");
  const out: EarlierArgs[] = [];
  for (const d of DATED_ARGUMENTS) {
    if (!(typeof d.keywords === "function" ? d.keywords(spec) : d.keywords.includes(path))) continue;
    // A keyword newer than the change never had the older reading.
    if (compareVersions(spec.since, d.before) >= 0 || spec.args === undefined) continue;
    const args = typeof d.args === "function" ? d.args(spec.args) : d.args;
    out.push({
      before: d.before,
      args,
      ...(d.lenient !== undefined ? { lenient: d.lenient } : {}),
      why: d.why,
      ...(d.allowsExtra !== undefined ? { allowsExtra: d.allowsExtra } : {}),
    });
  }
  return out;
}

/** The dated facts of the lines of value block `name` (dated.ts), for hover and explain. */
export function datedChecksOf(name: string): readonly DatedCheck[] {
  return Object.values(DATED_CHECKS).filter((f: DatedCheck) => f.blocks.includes(name));
}

/** The dated line fact `id` (dated.ts) when release `target` predates it and so reads such lines the old way. */
export function datedCheck(id: DatedCheckId, target: Version): DatedCheck | undefined {
  const fact: DatedCheck = DATED_CHECKS[id];
  return compareVersions(target, fact.before) < 0 ? fact : undefined;
}

export function allKeywords(): readonly KeywordSpec[] {
  index();
  return all!;
}

/** The keyword `name` as accepted directly inside the block at `parents`, if it is. */
export function keywordAt(parents: readonly string[], name: string): KeywordSpec | undefined {
  index();
  return byBlockName!.get(pathKey(parents))?.get(name);
}

/**
 * One block path of the schema, for walks that look up every statement of a tree: a lookup is
 * one map probe, and a nested block's scope is found from its parent's by name, so no path
 * string is joined per statement.
 */
export interface KeywordScope {
  /** The block path, e.g. ["virtual_server", "real_server"]; one array per path, shared. */
  readonly parents: readonly string[];
  /** The keyword `name` as accepted directly inside this block, if it is. */
  keyword(name: string): KeywordSpec | undefined;
  /** The scope of a block `name` written inside this one (known to the schema or not). */
  child(name: string): KeywordScope;
}

const NO_KEYWORDS: ReadonlyMap<string, KeywordSpec> = new Map();

class Scope implements KeywordScope {
  private readonly children = new Map<string, Scope>();

  constructor(
    readonly parents: readonly string[],
    private readonly specs: ReadonlyMap<string, KeywordSpec>,
  ) {}

  keyword(name: string): KeywordSpec | undefined {
    return this.specs.get(name);
  }

  child(name: string): KeywordScope {
    let scope = this.children.get(name);
    if (scope === undefined) {
      const parents = [...this.parents, name];
      scope = new Scope(parents, byBlockName!.get(pathKey(parents)) ?? NO_KEYWORDS);
      this.children.set(name, scope);
    }
    return scope;
  }
}

let topScope: Scope | undefined;

/** The scope of the top level; nested scopes come from `child`. */
export function rootScope(): KeywordScope {
  index();
  return (topScope ??= new Scope([], byBlockName!.get("") ?? NO_KEYWORDS));
}

/** Every keyword accepted directly inside the block at `parents`. */
export function keywordsIn(parents: readonly string[]): readonly KeywordSpec[] {
  index();
  return byBlock!.get(pathKey(parents)) ?? [];
}

/** Every block path where `name` is a keyword. */
export function placesOf(name: string): readonly (readonly string[])[] {
  index();
  return (byName!.get(name) ?? []).map((k) => k.parents);
}

/** Every schema entry named `name`, in any block. */
export function keywordsNamed(name: string): readonly KeywordSpec[] {
  index();
  return byName!.get(name) ?? [];
}

let removedByName: Map<string, RemovedKeyword> | undefined;

/** A keyword keepalived once accepted and has since dropped. */
export function removedKeyword(name: string): RemovedKeyword | undefined {
  removedByName ??= new Map(data.removed.map((r) => [r.name, { ...r, doc: keywordDoc([], r.name, true) }]));
  return removedByName.get(name);
}

export function allRemovedKeywords(): readonly RemovedKeyword[] {
  removedKeyword("");
  return [...removedByName!.values()];
}

/** The name keepalived really reads when a config uses a spelling only the manual page has. */
export function manPageOnlyName(name: string): string | undefined {
  return data.manPageOnly.find((m) => m.name === name)?.actual;
}

export function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

export function formatVersion(v: Version): string {
  return v.join(".");
}

/** "2.2", "2.2.7" or "v2.2.7" as a Version; undefined when it is not one. */
export function parseVersion(text: string): Version | undefined {
  const m = /^v?(\d{1,3})\.(\d{1,3})(?:\.(\d{1,3}))?$/.exec(text.trim());
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
}

/**
 * The candidate closest to `word` by edit distance (with adjacent transpositions), when it is
 * close enough to be a plausible typo: at most a third of the word's length, and at most 3 edits.
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  const lower = word.toLowerCase();
  for (const c of candidates) {
    if (Math.abs(c.length - word.length) > limit) continue;
    const d = c.toLowerCase() === lower ? 0.5 : editDistance(lower, c.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best;
}

/** Optimal string alignment distance, giving up once every cell of a row exceeds `cap`. */
function editDistance(a: string, b: string, cap: number): number {
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      row.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}
