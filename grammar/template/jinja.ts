/**
 * Jinja2 tags: `{{ expression }}`, `{% statement %}`, `{# comment #}`, with `-`/`+`
 * whitespace control on either side, `{% raw %}...{% endraw %}` (literal text), and the
 * `#jinja2:` options header that Ansible reads from a template's first line.
 */
import { closeBelongsToLaterTag, findClose, lineEndOf, stringLiteral, TagSink } from "./scan.js";
import type { TagRole, TemplateTag } from "./types.js";

const OPENS = ["{{", "{%", "{#"];
const QUOTES = "'\"";

export function scanJinja(text: string): TagSink {
  const sink = new TagSink();
  let i = 0;
  if (text.startsWith("#jinja2:")) {
    // Ansible's per-template options line: not output, so a comment to keepalived and to us.
    const end = lineEndOf(text, 0);
    sink.tags.push({ kind: "comment", start: 0, end, bodyStart: 0, bodyEnd: end, closed: true });
    i = end;
  }
  const n = text.length;
  for (i = text.indexOf("{", i); i !== -1 && i < n - 1; i = text.indexOf("{", i)) {
    const c = text.charCodeAt(i + 1);
    if (c !== 123 /* { */ && c !== 37 /* % */ && c !== 35 /* # */) {
      i++;
      continue;
    }
    const marker = text.charCodeAt(i + 2);
    const bodyStart = i + 2 + (marker === 45 /* - */ || marker === 43 /* + */ ? 1 : 0);
    if (c === 35) {
      const close = findClose(text, bodyStart, "#}", "");
      const real = close !== -1 && closeBelongsToLaterTag(text, i, 2, close, ["{#"]) ? -1 : close;
      i = sink.add(text, "comment", i, bodyStart, real, 2, real > bodyStart && text.charCodeAt(real - 1) === 45, "comment '{#'");
      continue;
    }
    const closer = c === 123 ? "}}" : "%}";
    const close = findClose(text, bodyStart, closer, QUOTES);
    const real = close !== -1 && closeBelongsToLaterTag(text, i, 2, close, OPENS) ? -1 : close;
    const trim = real > bodyStart && (text.charCodeAt(real - 1) === 45 || text.charCodeAt(real - 1) === 43);
    const kind = c === 123 ? "expression" : "statement";
    i = sink.add(text, kind, i, bodyStart, real, 2, trim, kind === "expression" ? "expression '{{'" : "tag '{%'");
    if (kind === "statement" && real !== -1 && /^\s*raw\s*$/.test(text.slice(bodyStart, trim ? real - 1 : real)))
      i = skipRaw(text, i, sink);
  }
  return sink;
}

/** `{% raw %}` text is output as written: find its `{% endraw %}` and go on after it. */
function skipRaw(text: string, from: number, sink: TagSink): number {
  const re = /\{%[-+]?\s*endraw\s*[-+]?%\}/g;
  re.lastIndex = from;
  const m = re.exec(text);
  if (!m) {
    const open = sink.tags[sink.tags.length - 1]!;
    sink.problems.push({
      start: open.start,
      end: open.end,
      message: "this {% raw %} has no {% endraw %}; the template engine refuses the file",
    });
    return text.length;
  }
  const start = m.index;
  const inner = m[0];
  const bodyStart = start + 2 + (/^\{%[-+]/.test(inner) ? 1 : 0);
  sink.tags.push({
    kind: "statement",
    start,
    end: start + inner.length,
    bodyStart,
    bodyEnd: start + inner.length - 2 - (/[-+]%\}$/.test(inner) ? 1 : 0),
    closed: true,
  });
  return start + inner.length;
}

/** Statement keywords that open a construct, with the construct they open. */
const OPENERS: Readonly<Record<string, TagRole & { role: "open" }>> = {
  if: { role: "open", construct: "if", keyword: "if" },
  for: { role: "open", construct: "loop", keyword: "for" },
  macro: { role: "open", construct: "definition", keyword: "macro" },
  call: { role: "open", construct: "scope", keyword: "call" },
  filter: { role: "open", construct: "scope", keyword: "filter" },
  block: { role: "open", construct: "scope", keyword: "block" },
  with: { role: "open", construct: "scope", keyword: "with" },
  autoescape: { role: "open", construct: "scope", keyword: "autoescape" },
  trans: { role: "open", construct: "scope", keyword: "trans" },
};

export function classifyJinja(tag: TemplateTag, text: string): TagRole {
  const code = text.slice(tag.bodyStart, tag.bodyEnd).trim();
  const word = /^[A-Za-z_]+/.exec(code)?.[0] ?? "";
  if (word === "raw" || word === "endraw") return { role: "single" };
  if (word === "elif" || word === "else") return { role: "branch", keyword: word };
  if (word === "pluralize") return { role: "branch", keyword: word };
  if (word.startsWith("end") && word.length > 3) return { role: "close", keyword: word, closes: word.slice(3) };
  if (word === "set") {
    // `{% set x = 1 %}` assigns; `{% set x %}...{% endset %}` captures a block of text.
    return code.includes("=") ? { role: "single" } : { role: "open", construct: "definition", keyword: "set" };
  }
  if (word === "include" || word === "import" || word === "from" || word === "extends") {
    const rest = code.slice(word.length);
    const m = /^\s*(?:'([^'\\]*)'|"([^"\\]*)")/.exec(rest);
    return { role: "include", keyword: word, ...(m ? { name: m[1] ?? m[2]! } : {}) };
  }
  return OPENERS[word] ?? { role: "single" };
}

/**
 * The literal values an expression can have, when every one is a string literal:
 * `'MASTER' if x else 'BACKUP'`, `"eth0"`, `'nopreempt' if x` (else: nothing).
 */
export function jinjaAlternatives(code: string): string[] | undefined {
  const single = stringLiteral(code);
  if (single !== undefined) return [single];
  const m = /^\s*(?:'([^'\\]*)'|"([^"\\]*)")\s+if\s+(.+?)(?:\s+else\s+(.+?))?\s*$/s.exec(code);
  if (!m) return undefined;
  const first = m[1] ?? m[2]!;
  if (m[4] === undefined) return [first, ""];
  const rest = jinjaAlternatives(m[4]);
  return rest ? [first, ...rest] : undefined;
}
