/** Where cluster findings point, and how their messages name a place on another node. */
import type { Block, Fix, RelatedInformation, Span, Word } from "../../../grammar/index.js";
import { replaceWord } from "../rules/edits.js";
import type { Setting } from "../model/types.js";
import type { ClusterNode, Peer } from "./types.js";

/** A span alone, without the rest of the node or word it was taken from. */
export const plain = (s: Span): Span => ({ file: s.file, start: s.start, end: s.end });

/** The instance's name word: where a finding about a value left at its default points. */
export function instanceAnchor(peer: Peer): Span {
  return plain(peer.instance.nameWord ?? peer.instance.block.keyword);
}

/** The instance's first block with this keyword (`virtual_ipaddress`, `unicast_peer`). */
export function childBlock(peer: Peer, keyword: string): Block | undefined {
  return peer.instance.block.children.find((c): c is Block => c.kind === "block" && c.keyword.text === keyword);
}

/** A block's keyword, else the instance's name: where a finding about the block's contents points. */
export function blockAnchor(peer: Peer, block: Block | undefined): Span {
  return block ? plain(block.keyword) : instanceAnchor(peer);
}

/** The word holding a setting's value, else the instance's name. */
export function settingAnchor(peer: Peer, setting: Setting<unknown> | undefined): Span {
  return setting?.word ? plain(setting.word) : instanceAnchor(peer);
}

/** `master.conf:9` on a node, with ` @id` when one file holds several nodes; the file named as the node names it. */
export function placeOf(node: ClusterNode, span: Span): string {
  const line = span.file.positionAt(span.start).line + 1;
  return `${node.fileLabel(span.file.path)}:${line}${node.configId !== undefined ? ` @${node.configId}` : ""}`;
}

export function related(span: Span, message: string): RelatedInformation {
  return { ...plain(span), message };
}

/**
 * `{ fix }` rewriting one word, or nothing when the word is not written literally (a `$NAME` or
 * `~SEQ` expansion, where an edit would change every use): rules/edits.ts decides. Cluster fixes
 * change what a node does, so none is safe for `--fix`.
 */
export function fixReplacing(word: Word, newText: string, description: string): { readonly fix?: Fix } {
  const fix = replaceWord(word, newText, description, false);
  return fix ? { fix } : {};
}
