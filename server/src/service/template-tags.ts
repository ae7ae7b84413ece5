/** Where template syntax sits in a document: the service's features stay out of it. */
import type { TemplateTag } from "../../../grammar/index.js";
import { rawOf, type AnalysedDocument } from "./document.js";

/** The template tag holding `offset` (a cursor right after a tag's end is outside it). */
export function templateTagAt(doc: AnalysedDocument, offset: number): TemplateTag | undefined {
  const tags = rawOf(doc).template?.tags;
  if (!tags) return undefined;
  let lo = 0;
  let hi = tags.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tags[mid]!;
    if (offset <= t.start) hi = mid - 1;
    else if (offset >= t.end) lo = mid + 1;
    else return t;
  }
  return undefined;
}

export function insideTemplateTag(doc: AnalysedDocument, offset: number): boolean {
  return templateTagAt(doc, offset) !== undefined;
}
