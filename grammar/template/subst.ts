/**
 * `${NAME}` placeholders in a file named as a template (`keepalived.conf.tmpl` filled by
 * envsubst or a shell here-document): each is one expression. There is no control syntax.
 */
import { findClose, TagSink } from "./scan.js";
import type { TagRole } from "./types.js";

export function scanSubst(text: string): TagSink {
  const sink = new TagSink();
  for (let i = text.indexOf("${"); i !== -1; i = text.indexOf("${", i)) {
    const close = findClose(text, i + 2, "}", "");
    const nl = text.indexOf("\n", i);
    i = sink.add(text, "expression", i, i + 2, close !== -1 && (nl === -1 || close < nl) ? close : -1, 1, false, "placeholder '${'");
  }
  return sink;
}

export function classifySubst(): TagRole {
  return { role: "single" };
}
