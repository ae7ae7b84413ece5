/**
 * `kalint fmt` must not change what keepalived reads: keepalived -t gives the same exit status
 * and the same messages (line numbers aside) for each file and for its formatted text. Files:
 * the shared corpus (when present), the differential bases, and mutants that fmt accepts.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { formatDocument } from "../../server/src/format/index.js";
import { parseVersion } from "../../server/src/schema/lookup.js";
import { findKeepalived, interfaceNames, Namespace, RELEASES, runKeepalived, scratchDir, unavailableReason } from "./harness.js";
import { generateMutants } from "./mutants.js";

const ROOT = resolve(__dirname, "../..");
const CORPUS = resolve(ROOT, "../shared/reference/corpus");
const BASES = join(__dirname, "bases");
/** The installed keepalived's release (Debian's), whose mutants are checked. */
const SYSTEM_RELEASE = parseVersion(RELEASES.find((r) => r.system)!.version)!;

const unavailable = unavailableReason();
if (unavailable) console.warn(`[fmt vs keepalived] SKIPPED: ${unavailable}`);

/** The texts to check, by name: the corpus, the bases, and every 10th mutant (a spread of operators). */
function inputs(): Map<string, string> {
  const out = new Map<string, string>();
  if (existsSync(CORPUS)) {
    for (const f of readdirSync(CORPUS).sort()) if (!/\.(tsv|md)$/.test(f)) out.set(`corpus_${f}`, readFileSync(join(CORPUS, f), "utf8"));
  } else console.warn(`[fmt vs keepalived] NOTICE: corpus not found at ${CORPUS}; bases and mutants only`);
  for (const f of readdirSync(BASES).filter((f) => f.endsWith(".conf"))) out.set(`base_${f}`, readFileSync(join(BASES, f), "utf8"));
  generateMutants(BASES, SYSTEM_RELEASE).forEach((m, i) => {
    if (i % 10 === 0) out.set(`mutant_${m.id.replace(/[^\w.-]+/g, "_")}`, m.text);
  });
  return out;
}

/** keepalived's outcome with file names and line numbers taken out, messages in order of text. */
function outcome(run: { exit: number; lines: readonly string[] }, dir: string): string {
  const messages = run.lines.map((l) => l.replace(/^\([^)]*Line \d+\) /, "").replaceAll(dir, "DIR")).sort();
  return [`exit ${run.exit}`, ...messages].join("\n");
}

describe.skipIf(unavailable !== undefined)("kalint fmt against keepalived -t", () => {
  const ns = new Namespace();
  const scratch = scratchDir();
  afterAll(() => {
    ns.remove();
    rmSync(scratch, { recursive: true, force: true });
  });

  test("formatted files read the same to keepalived", async () => {
    const before = join(scratch, "before");
    const after = join(scratch, "after");
    mkdirSync(before);
    mkdirSync(after);
    const names: string[] = [];
    for (const [name, text] of inputs()) {
      const formatted = formatDocument(text);
      if (!formatted.ok || formatted.text === text) continue;
      writeFileSync(join(before, name), text);
      writeFileSync(join(after, name), formatted.text);
      names.push(name);
    }
    expect(names.length).toBeGreaterThan(100);
    ns.create(interfaceNames(names.map((n) => join(before, n))));
    const keepalived = findKeepalived()!;
    const a = await runKeepalived(
      ns,
      keepalived,
      names.map((n) => join(before, n)),
      scratch,
    );
    const b = await runKeepalived(
      ns,
      keepalived,
      names.map((n) => join(after, n)),
      scratch,
    );
    const changed = names.flatMap((n, i) => {
      const was = outcome(a[i]!, before);
      const is = outcome(b[i]!, after);
      return was === is ? [] : [`${n}\n  before: ${was}\n  after:  ${is}`];
    });
    expect(changed.slice(0, 5)).toEqual([]);
    console.log(`[fmt vs keepalived] ${names.length} files changed by fmt, keepalived's outcome unchanged on all`);
  }, 120_000);
});
