/**
 * Completion from the place of the cursor: keywords valid in the enclosing block (blocks as
 * snippets), enum values after enum keywords, the defined names a track_* block or a sync group
 * can name, virtual_server_group names after `virtual_server group`, and `$VAR` names.
 */
import type { CompletionItem, CompletionList, Position, Range } from "vscode-languageserver-types";
import { BUILTIN_NAMES } from "../../../grammar/parameters.js";
import type { DefinitionKind } from "../model/types.js";
import { keywordAt, keywordsIn } from "../schema/lookup.js";
import type { ArgSpec, KeywordSpec } from "../schema/types.js";
import { rawOf, rootOf, type AnalysedDocument } from "./document.js";
import { locate } from "./locate.js";
import { offsetOf, rangeIn } from "./positions.js";
import { commentStart, parameterDefinitions } from "./symbols.js";
import { TRACK_KINDS, trackKindOf } from "../model/tracks.js";
import { insideTemplateTag } from "./template-tags.js";

export interface CompletionOptions {
  /** The client can expand snippets (`${1:name}` placeholders). */
  readonly snippets: boolean;
}

/** LSP CompletionItemKind numbers used here. */
const KIND = { keyword: 14, module: 9, enumMember: 20, value: 12, variable: 6, reference: 18 } as const;

/** The definitions the lines of a value block name: a track block's objects, a group's instances. */
function namesIn(blockKeyword: string): DefinitionKind | undefined {
  if (blockKeyword === "group") return "vrrp_instance";
  const track = trackKindOf(blockKeyword);
  return track && TRACK_KINDS[track].definedBy;
}

const TRACK_OPTIONS = ["weight", "reverse", "noreverse"];

export function completion(doc: AnalysedDocument, position: Position, options: CompletionOptions = { snippets: true }): CompletionList {
  const root = rootOf(doc);
  const offset = offsetOf(root, position);
  const line = root.lineOf(offset);
  const lineStart = root.lineStarts[line]!;
  const before = root.text.slice(lineStart, offset);
  const empty: CompletionList = { isIncomplete: false, items: [] };
  // Inside a template tag the language is the template engine's, not keepalived's.
  if (commentStart(before) < before.length || insideTemplateTag(doc, offset)) return empty;

  let wordStart = offset;
  while (wordStart > lineStart && !/[\s{}"]/.test(root.text[wordStart - 1]!)) wordStart--;
  const current = root.text.slice(wordStart, offset);
  const range = rangeIn(root, wordStart, offset);
  if (current.startsWith("$")) return { isIncomplete: false, items: variableItems(doc, range) };

  // Words already on the line before the one being typed (an `@id` prefix is not one of them).
  const words = root.text
    .slice(lineStart, wordStart)
    .replace(/[{}]/g, " ")
    .trim()
    .split(/[ \t]+/)
    .filter(Boolean);
  if (words[0]?.startsWith("@")) words.shift();

  const place = locate(doc, offset);
  if (place.block?.valueBlock) {
    const blockKeyword = place.block.keyword.text;
    const kind = namesIn(blockKeyword);
    if (kind && (words.length === 0 || blockKeyword === "group")) return { isIncomplete: false, items: nameItems(doc, kind, range) };
    if (kind && blockKeyword.startsWith("track_"))
      return {
        isIncomplete: false,
        items: TRACK_OPTIONS.map((label) => ({ label, kind: KIND.keyword, textEdit: { range, newText: label } })),
      };
    return empty;
  }
  if (words.length === 0) return { isIncomplete: false, items: keywordsIn(place.parents).map((spec) => keywordItem(spec, range, options)) };

  const keyword = words[0]!;
  if (keyword === "virtual_server" && place.parents.length === 0) {
    if (words.length === 1)
      return {
        isIncomplete: false,
        items: ["group", "fwmark"].map((label) => ({ label, kind: KIND.keyword, textEdit: { range, newText: label } })),
      };
    if (words.length === 2 && words[1] === "group") return { isIncomplete: false, items: nameItems(doc, "virtual_server_group", range) };
    return empty;
  }
  const spec = keywordAt(place.parents, keyword);
  const arg = spec && argumentAt(spec.args, words.length - 1);
  if (!arg) return empty;
  if (arg.kind.type === "enum")
    return {
      isIncomplete: false,
      items: arg.kind.values.map((v) => ({
        label: v,
        kind: KIND.enumMember,
        detail: `${keyword} ${arg.name}`,
        textEdit: { range, newText: v },
      })),
    };
  if (arg.kind.type === "boolean")
    return { isIncomplete: false, items: ["true", "false"].map((v) => ({ label: v, kind: KIND.value, textEdit: { range, newText: v } })) };
  return empty;
}

function argumentAt(args: readonly ArgSpec[] | undefined, index: number): ArgSpec | undefined {
  if (!args || args.length === 0) return undefined;
  if (index < args.length) return args[index];
  const last = args[args.length - 1]!;
  return last.repeat ? last : undefined;
}

function keywordItem(spec: KeywordSpec, range: Range, options: CompletionOptions): CompletionItem {
  const deprecated = spec.deprecated !== undefined;
  const item: CompletionItem = {
    label: spec.name,
    kind: spec.block ? KIND.module : KIND.keyword,
    detail: spec.syntax,
    // Deprecated spellings sort after the current ones.
    sortText: `${deprecated ? "1" : "0"}${spec.name}`,
    ...(spec.doc ? { documentation: { kind: "markdown", value: spec.doc.trim() } } : {}),
    ...(deprecated ? { tags: [1] } : {}),
    textEdit: { range, newText: spec.name },
  };
  if (spec.block && options.snippets) {
    const required = (spec.args ?? []).filter((a) => !a.optional);
    const placeholders = required.map((a, i) => ` \${${i + 1}:${a.name.replace(/[$}\\]/g, "")}}`).join("");
    return { ...item, insertTextFormat: 2, textEdit: { range, newText: `${spec.name}${placeholders} {\n\t$0\n}` } };
  }
  return item;
}

function nameItems(doc: AnalysedDocument, kind: DefinitionKind, range: Range): CompletionItem[] {
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  for (const d of doc.analysis.model.definitions) {
    if (d.kind !== kind || !d.name || seen.has(d.name)) continue;
    seen.add(d.name);
    items.push({ label: d.name, kind: KIND.reference, detail: `${d.kind} ${d.name}`, textEdit: { range, newText: d.name } });
  }
  return items;
}

function variableItems(doc: AnalysedDocument, range: Range): CompletionItem[] {
  const names = new Set<string>(doc.analysis.config.parameters.keys());
  // Definitions later in the file count too: the user may be writing above them.
  for (const d of parameterDefinitions(rawOf(doc).children)) names.add(d.name);
  const items: CompletionItem[] = [...names].map((name) => ({
    label: `$${name}`,
    kind: KIND.variable,
    detail: "parameter",
    textEdit: { range, newText: `$${name}` },
  }));
  for (const name of BUILTIN_NAMES)
    items.push({
      label: `\${${name}}`,
      kind: KIND.variable,
      detail: "keepalived built-in",
      sortText: `~${name}`,
      textEdit: { range, newText: `\${${name}}` },
    });
  return items;
}
