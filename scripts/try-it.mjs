// "Try it in the playground" links: each rule page's Wrong example as playground state (the
// page's own URL-fragment format, web/src/share.ts: deflate-raw JSON in base64url).
//   node scripts/try-it.mjs           write the link line into every docs/rules/*.md
//   node scripts/try-it.mjs --check   exit 1 when a page's link is missing or out of date
// The published rule pages (dist/web/rules/) link to the playground beside them; the Markdown
// pages link to PLAYGROUND_URL, where `npm run playground` serves it (docs/playground.md says how
// to point them at a published copy).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateRawSync } from "node:zlib";
import { pageExampleFiles } from "./rule-docs.mjs";

export const PLAYGROUND_URL = "http://localhost:8417/";
const LINK_LINE = /^\[Try it in the playground\]\([^)]*\)\n\n?/m;

/** A page's Wrong example as playground state: its files, named as the page names them (scripts/rule-docs.mjs), and its target version; undefined when it has none. */
function wrongState(markdown) {
  const wrong = pageExampleFiles(markdown).wrong;
  return wrong.files.length > 0 ? wrong : undefined;
}

/** The files of a page's Wrong example; undefined when it has none. */
export const wrongExample = (markdown) => wrongState(markdown)?.files;

/**
 * The playground state (web/src/share.ts's format) of a list of files, as a URL fragment;
 * `target`, the keepalived version to check against (absent: the newest known).
 */
export function stateFragment(files, target) {
  const json = JSON.stringify({ v: 1, files, ...(target ? { target } : {}) });
  return `#s=${deflateRawSync(Buffer.from(json, "utf8"), { level: 9 }).toString("base64url")}`;
}

/**
 * The "try it" address of a rule page's Wrong example under `base`, or undefined. A Wrong block
 * checked against a release (```target=2.0.20) opens with that release picked, or the page's
 * finding (keyword-too-new, config-test-exit-zero, ...) would not show in the playground.
 */
export function tryItLink(markdown, base = PLAYGROUND_URL) {
  const wrong = wrongState(markdown);
  return wrong ? `${base}${stateFragment(wrong.files, wrong.target)}` : undefined;
}

/** The page without its link line (the published rule pages put their own link at the top). */
export const withoutTryItLink = (markdown) => markdown.replace(LINK_LINE, "");

/** The page with its link line (after the severity line), or unchanged when it has no Wrong example. */
export function withTryItLink(markdown) {
  const bare = withoutTryItLink(markdown);
  const link = tryItLink(bare);
  if (!link) return bare;
  const lines = bare.split("\n");
  const at = lines.findIndex((l, i) => i > 0 && /^\*\*(error|warning|info|hint)\*\*/.test(l));
  if (at < 0) return bare;
  lines.splice(at + 1, 0, "", `[Try it in the playground](${link})`);
  return lines.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = join(dirname(fileURLToPath(import.meta.url)), "../docs/rules");
  const stale = [];
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith(".md"))
    .sort()) {
    const text = readFileSync(join(dir, f), "utf8");
    const next = withTryItLink(text);
    if (next === text) continue;
    if (process.argv.includes("--check")) stale.push(f);
    else writeFileSync(join(dir, f), next);
  }
  if (stale.length) {
    console.error(`try-it links out of date in docs/rules/: ${stale.join(", ")}; run node scripts/try-it.mjs`);
    process.exit(1);
  }
}
