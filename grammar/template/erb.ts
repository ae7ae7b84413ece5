/**
 * ERB (Chef, Puppet) and EPP (Puppet) tags: `<% code %>`, `<%= expression %>`, `<%# comment %>`,
 * trimming `<%-` / `-%>`, and `<%%` for a literal `<%`. Control code is Ruby (`if ... end`,
 * `.each do |x| ... end`) in ERB and Puppet (`if $x { ... }`, `$xs.each |$x| { ... }`) in EPP.
 */
import { closeBelongsToLaterTag, findClose, stringLiteral, TagSink } from "./scan.js";
import type { TagRole, TemplateTag } from "./types.js";

export function scanErb(text: string): TagSink {
  const sink = new TagSink();
  const n = text.length;
  for (let i = text.indexOf("<%"); i !== -1 && i < n; i = text.indexOf("<%", i)) {
    const c = text.charCodeAt(i + 2);
    if (c === 37 /* % */) {
      i += 3; // `<%%` is a literal `<%` in the output
      continue;
    }
    let bodyStart = i + 2;
    let kind: "expression" | "statement" | "comment" = "statement";
    if (c === 45 /* - */) bodyStart++;
    const d = text.charCodeAt(bodyStart);
    if (d === 61 /* = */) {
      kind = "expression";
      bodyStart += text.charCodeAt(bodyStart + 1) === 61 ? 2 : 1;
    } else if (d === 35 /* # */) kind = "comment";
    const close = findClose(text, bodyStart, "%>", kind === "comment" ? "" : "'\"");
    const real = close !== -1 && closeBelongsToLaterTag(text, i, 2, close, ["<%"]) ? -1 : close;
    const trim = real > bodyStart && text.charCodeAt(real - 1) === 45;
    i = sink.add(text, kind, i, bodyStart, real, 2, trim, kind === "expression" ? "tag '<%='" : "tag '<%'");
  }
  return sink;
}

export function classifyErb(tag: TemplateTag, text: string): TagRole {
  const code = text.slice(tag.bodyStart, tag.bodyEnd).trim();
  // EPP parameter list `<%- | String $x | -%>` and plain code lines do nothing to the tree.
  if (code.startsWith("|")) return { role: "single" };
  if (/^end\b/.test(code)) return { role: "close", keyword: "end" };
  if (code.startsWith("}")) {
    const rest = code.slice(1).trim();
    if (/^(?:elsif|else)\b/.test(rest) && rest.endsWith("{")) return { role: "branch", keyword: /^\w+/.exec(rest)![0] };
    return { role: "close", keyword: "}" };
  }
  if (/^(?:elsif|else|when|in)\b/.test(code)) return { role: "branch", keyword: /^\w+/.exec(code)![0] };
  if (/^(?:if|unless|case)\b/.test(code)) return { role: "open", construct: "if", keyword: /^\w+/.exec(code)![0] };
  if (/^(?:while|until)\b/.test(code)) return { role: "open", construct: "loop", keyword: /^\w+/.exec(code)![0] };
  if (/(?:\bdo|\{)\s*(?:\|[^|]*\|)?\s*$/.test(code)) return { role: "open", construct: "loop", keyword: "each" };
  const partial = /^(?:render|scope\.function_template|template|epp)\b\s*\(?\s*(?:'([^'\\]*)'|"([^"\\]*)")?/.exec(code);
  if (partial) return { role: "include", keyword: "render", ...((partial[1] ?? partial[2]) ? { name: (partial[1] ?? partial[2])! } : {}) };
  return { role: "single" };
}

/** `<%= 'x' %>`, `<%= @a ? 'A' : 'B' %>`: the literal values, when every one is literal. */
export function erbAlternatives(code: string): string[] | undefined {
  const single = stringLiteral(code);
  if (single !== undefined) return [single];
  const m = /^[^?'"]+\?\s*(?:'([^'\\]*)'|"([^"\\]*)")\s*:\s*(?:'([^'\\]*)'|"([^"\\]*)")\s*$/.exec(code);
  return m ? [(m[1] ?? m[2])!, (m[3] ?? m[4])!] : undefined;
}
