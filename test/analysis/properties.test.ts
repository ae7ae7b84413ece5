/**
 * The layers above the grammar never throw either: generated configurations, built from the
 * schema's own keywords with arguments that are right, wrong or missing, go through the file
 * analysis at several target versions, the safe fixes, the cluster check of two such nodes and
 * every language-service feature at several positions.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Diagnostic } from "../../grammar/index.js";
import { analyze } from "../../server/src/analysis/analyze.js";
import { applyEdits, planFixes } from "../../server/src/cli/fix.js";
import { checkFleet } from "../../server/src/cluster/check.js";
import { loadNode } from "../../server/src/cluster/nodes.js";
import { allKeywords, NEWEST_VERSION } from "../../server/src/schema/lookup.js";
import type { ArgKind, KeywordSpec, Version } from "../../server/src/schema/types.js";
import * as service from "../../server/src/service/index.js";
import { fleetOfNodes } from "../cluster/helpers.js";
import { memoryHost } from "../support/memory-host.js";

const MASTER = "/etc/keepalived/master.conf";
const BACKUP = "/etc/keepalived/backup.conf";
const VERSIONS: readonly Version[] = [[1, 3, 5], [2, 0, 20], [2, 2, 7], NEWEST_VERSION];

const byBlock = new Map<string, KeywordSpec[]>();
for (const spec of allKeywords()) {
  const key = spec.parents.join(" ");
  byBlock.set(key, [...(byBlock.get(key) ?? []), spec]);
}

/** Names shared by every generated file, so references and peers sometimes line up. */
const NAMES = ["VI_1", "VI_2", "chk", "G1", "eth0", "/bin/true", '"a name"', "kalint"];
const ANYTHING = ["", "0", "-1", "1.5", "x", "4294967296", "10.0.0.1", "10.0.0.1/24", "fe80::1", "{", "}", "\\#", "${X}", "$X", ...NAMES];

function valuesFor(kind: ArgKind): readonly string[] {
  switch (kind.type) {
    case "integer":
    case "decimal":
    case "real": {
      const { min = 0, max = 1000 } = kind;
      return [String(min), String(max), String(min - 1), String(max + 1), String(Math.floor((min + max) / 2)), "1", "0.25"];
    }
    case "boolean":
      return ["true", "off", "yes", "maybe"];
    case "enum":
      return [...kind.values, "bogus"];
    case "ipv4":
      return ["10.0.0.1", "10.0.0.2", "192.168.1.300", "0.0.0.0"];
    case "ipv6":
      return ["fe80::1", "2001:db8::1", "::"];
    case "ip":
    case "ip-prefix":
      return ["10.0.0.1", "10.0.0.2/24", "10.0.0.1/33", "2001:db8::1/64"];
    case "port":
      return ["80", "0", "65535", "65536"];
    case "multicast":
      return ["224.0.0.18", "ff02::12", "10.0.0.1", "239.255.255.250/24"];
    case "host":
      return ["localhost", "10.0.0.1", "a..b"];
    default:
      return NAMES;
  }
}

const PERCENT = Array.from({ length: 100 }, (_, i) => i);

/** Builds a configuration from a list of choices, so shrinking the list shrinks the file. */
class Builder {
  private at = 0;
  private readonly out: string[] = [];
  constructor(private readonly choices: readonly number[]) {}

  private pick<T>(items: readonly T[]): T {
    // Past the end every choice is 0: the first item, no more children, so the file ends.
    const n = this.choices[this.at++] ?? 0;
    return items[n % items.length]!;
  }

  private chance(percent: number): boolean {
    // Counted from the top, so the 0s past the end of the choices say no.
    return this.pick(PERCENT) >= 100 - percent;
  }

  build(): string {
    const items = 2 + this.pick([0, 1, 2, 3, 4, 5, 6]);
    for (let i = 0; i < items; i++) this.item([], 0);
    return this.out.join("");
  }

  private item(parents: readonly string[], depth: number): void {
    const indent = "    ".repeat(depth);
    const specs = byBlock.get(parents.join(" ")) ?? [];
    if (specs.length === 0 || this.chance(8)) {
      this.out.push(
        `${indent}${this.pick(["# note", "# kalint disable=priority-tie", "$X=1", "@a ", "bogus_keyword 1", "include /none/*.conf", "}"])}\n`,
      );
      return;
    }
    // Block keywords are a minority in every scope; favouring them makes files that go deep.
    const blocks = specs.filter((x) => x.block);
    const spec = blocks.length > 0 && this.chance(40) ? this.pick(blocks) : this.pick(specs);
    const words = [spec.name];
    for (const arg of spec.args ?? []) {
      if (arg.optional && this.chance(50)) continue;
      if (this.chance(10)) break;
      words.push(this.chance(80) ? this.pick(valuesFor(arg.kind)) : this.pick(ANYTHING));
      if (arg.repeat && this.chance(50)) words.push(this.pick(valuesFor(arg.kind)));
    }
    if (this.chance(5)) words.push(this.pick(ANYTHING));
    const line = words.filter((w) => w !== "").join(" ");
    if (!spec.block) {
      this.out.push(`${indent}${line}\n`);
      return;
    }
    this.out.push(`${indent}${line} {\n`);
    const children = depth >= 4 ? 0 : this.pick([0, 1, 2, 3, 4, 5, 6]);
    for (let i = 0; i < children; i++) {
      if (spec.block === "values")
        this.out.push(`${indent}    ${this.pick(["10.0.0.1", "10.0.0.2/24 dev eth0", "fe80::1", "chk weight 10", "x"])}\n`);
      else this.item([...spec.parents, spec.name], depth + 1);
    }
    if (!this.chance(3)) this.out.push(`${indent}}\n`);
  }
}

const config = fc
  .array(fc.nat({ max: 1 << 20 }), { minLength: 20, maxLength: 1500, size: "max" })
  .map((choices) => new Builder(choices).build());

function insideItsFile(d: Diagnostic): void {
  if (!(d.start >= 0 && d.start <= d.end && d.end <= d.file.text.length))
    throw new Error(`${d.code} at ${d.start}..${d.end} outside ${d.file.path} (${d.file.text.length})`);
}

function holds(master: string, backup: string, version: Version): void {
  const host = memoryHost({ [MASTER]: master, [BACKUP]: backup });
  const analysis = analyze(MASTER, { host, targetVersion: version });
  analysis.diagnostics.forEach(insideItsFile);

  const { edits } = planFixes(analysis);
  for (const [file, list] of edits) {
    const fixed = applyEdits(file.text, list);
    analyze(MASTER, { host: memoryHost({ [MASTER]: fixed }), targetVersion: version }).diagnostics.forEach(insideItsFile);
  }

  const nodes = [loadNode(MASTER, { host, targetVersion: version }), loadNode(BACKUP, { host, targetVersion: version })];
  checkFleet(fleetOfNodes(nodes)).forEach(insideItsFile);

  const doc = service.analyseDocument(MASTER, master, { host, targetVersion: version });
  service.diagnostics(doc);
  service.documentSymbols(doc);
  service.foldingRanges(doc);
  service.formatting(doc);
  service.semanticTokens(doc);
  service.documentLinks(doc);
  const root = doc.analysis.config.root;
  for (const offset of [
    0,
    master.indexOf(" "),
    master.indexOf("{") + 1,
    master.indexOf("1"),
    Math.floor(master.length / 2),
    master.length,
  ]) {
    const position = root.positionAt(Math.max(0, offset));
    service.hover(doc, position);
    service.completion(doc, position);
    service.definition(doc, position);
    service.references(doc, position);
    service.codeActions(doc, { start: position, end: root.positionAt(master.length) });
    if (service.prepareRename(doc, position)) {
      try {
        service.rename(doc, position, "VI_9");
      } catch (e) {
        if (!(e instanceof service.RenameError)) throw e;
      }
    }
  }
}

/** A backup made from the master as people do: the state flipped and some numbers changed. */
function derivedPeer(master: string, seed: number): string {
  return master
    .replace(/MASTER/g, "BACKUP")
    .replace(/\b\d+\b/g, (n, offset: number) => ((offset + seed) % 3 === 0 ? String(Number(n) + 1) : n));
}

const runs = (numRuns: number) => ({ numRuns, seed: Number(process.env["KALINT_FC_SEED"] ?? Date.now() % 2 ** 31) });

describe("analysis properties", () => {
  test("generated configurations: analysis, fixes, cluster check and every service feature never throw (400 cases)", () => {
    const peer = fc.oneof(
      config.map((text) => () => text),
      fc.nat().map((seed) => (master: string) => derivedPeer(master, seed)),
    );
    fc.assert(
      fc.property(config, peer, fc.constantFrom(...VERSIONS), (master, backup, version) => holds(master, backup(master), version)),
      runs(400),
    );
  });

  test("the generator reaches deep into the schema", () => {
    const samples = fc.sample(config, { numRuns: 200, seed: 1 });
    const text = samples.join("\n");
    // Blocks three levels down and keywords of every top-level section appear.
    expect(text).toMatch(/^ {8}\S+.*\{$/m);
    for (const section of ["global_defs", "vrrp_instance", "virtual_server", "vrrp_script"]) expect(text).toContain(section);
  });
});
