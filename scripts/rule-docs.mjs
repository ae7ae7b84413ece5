// The examples of a rule page (docs/rules/<code>.md), read one way for every use: the tests run
// them (test/rules/docs.test.ts, through test/support/rule-docs.ts) and the "Try it" links carry
// the Wrong half to the playground (scripts/try-it.mjs).
//
// In the `## Example` section a line starting with `Wrong` or `Right` opens that half; each
// fenced block after it is one file. A line `NAME.conf:` (or `NAME.conf, wrong:` /
// `NAME.conf, right:`, which also opens that half) names the file of the next block; an unnamed
// block is keepalived.conf. A fence's info string `target=X.Y.Z` checks the half against that
// keepalived version. docs/ARCHITECTURE.md shows a page.

const FENCE = /^```(.*)$/;
const LABEL = /^([\w.-]+\.conf)(?:,\s*(wrong|right))?:\s*$/i;

/** The Wrong and Right halves of a page's Example section, and how many blocks stand before either. */
export function pageExampleFiles(markdown) {
  const start = markdown.search(/^## Example/m);
  const end = start === -1 ? -1 : markdown.indexOf("\n## ", start + 1);
  const lines = start === -1 ? [] : markdown.slice(start, end === -1 ? undefined : end).split("\n");
  const halves = { wrong: { files: [] }, right: { files: [] } };
  let half;
  let stray = 0;
  let name;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const label = LABEL.exec(line);
    if (label) {
      name = label[1];
      if (label[2]) half = label[2].toLowerCase();
      continue;
    }
    if (/^Wrong\b/.test(line)) half = "wrong";
    else if (/^Right\b/.test(line)) half = "right";
    const fence = FENCE.exec(line);
    if (!fence) continue;
    const body = [];
    for (i++; i < lines.length && !FENCE.test(lines[i]); i++) body.push(lines[i]);
    if (!half) {
      stray++;
      continue;
    }
    const target = /\btarget=(\S+)/.exec(fence[1])?.[1];
    if (target) halves[half].target = target;
    halves[half].files.push({ name: name ?? "keepalived.conf", text: `${body.join("\n")}\n` });
    name = undefined;
  }
  return { ...halves, stray };
}
