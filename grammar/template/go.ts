/**
 * Go text/template actions, as consul-template, confd, Helm and the OpenShift operators write
 * them: `{{ pipeline }}`, `{{- trimmed -}}` (a dash needs a space beside it), comments (a
 * slash-star pair inside the braces), and the control actions if/else/range/with/define/block/template/end.
 */
import { closeBelongsToLaterTag, findClose, stringLiteral, TagSink } from "./scan.js";
import type { TagRole, TemplateTag } from "./types.js";

export function scanGo(text: string): TagSink {
  const sink = new TagSink();
  const n = text.length;
  for (let i = text.indexOf("{{"); i !== -1 && i < n; i = text.indexOf("{{", i)) {
    let bodyStart = i + 2;
    // `{{- ` trims the text before; `{{-3}}` is a negative number, so the space is required.
    if (text.charCodeAt(bodyStart) === 45 && /\s/.test(text[bodyStart + 1] ?? "")) bodyStart++;
    const comment = text.startsWith("/*", bodyStart + (/\s/.test(text[bodyStart] ?? "") && text.charCodeAt(bodyStart - 1) === 45 ? 1 : 0));
    if (comment) {
      const end = text.indexOf("*/", bodyStart);
      const close = end === -1 ? -1 : findClose(text, end + 2, "}}", "");
      i = sink.add(text, "comment", i, bodyStart, close, 2, close > 0 && text.charCodeAt(close - 1) === 45, "comment '{{/*'");
      continue;
    }
    const close = findClose(text, bodyStart, "}}", "\"'`", "`");
    const real = close !== -1 && closeBelongsToLaterTag(text, i, 2, close, ["{{"]) ? -1 : close;
    const trim = real > bodyStart + 1 && text.charCodeAt(real - 1) === 45 && /\s/.test(text[real - 2] ?? "");
    const kind = statementWord(text.slice(bodyStart, trim ? real - 1 : real === -1 ? undefined : real)) ? "statement" : "expression";
    i = sink.add(text, kind, i, bodyStart, real, 2, trim, "action '{{'");
  }
  return sink;
}

const CONTROL = /^\s*(if|else|range|with|define|block|template|end|break|continue)\b/;

function statementWord(code: string): string | undefined {
  return CONTROL.exec(code)?.[1];
}

export function classifyGo(tag: TemplateTag, text: string): TagRole {
  const code = text.slice(tag.bodyStart, tag.bodyEnd);
  const word = statementWord(code);
  switch (word) {
    case "if":
      return { role: "open", construct: "if", keyword: "if" };
    case "range":
      return { role: "open", construct: "loop", keyword: "range" };
    case "with":
      // `with` renders its body only when the value is non-empty: an alternative, like `if`.
      return { role: "open", construct: "if", keyword: "with" };
    case "define":
      return { role: "open", construct: "definition", keyword: "define" };
    case "block":
      return { role: "open", construct: "scope", keyword: "block" };
    case "else":
      return { role: "branch", keyword: "else" };
    case "end":
      return { role: "close", keyword: "end" };
    case "template": {
      const m = /^\s*template\s+(?:"([^"\\]*)"|`([^`]*)`)/.exec(code);
      return { role: "include", keyword: "template", ...(m ? { name: m[1] ?? m[2]! } : {}) };
    }
    default:
      return { role: "single" };
  }
}

/** A Go action that is only a string literal (`{{ "eth0" }}`) has that one value. */
export function goAlternatives(code: string): string[] | undefined {
  const single = stringLiteral(code);
  return single === undefined ? undefined : [single];
}
