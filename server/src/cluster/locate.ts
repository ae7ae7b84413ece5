/** Where cluster findings point, and how their messages name a place on another node. */
import type { Fix, RelatedInformation, Span } from "../../../grammar/index.js";
import type { Setting } from "../model/types.js";
import type { Peer } from "./types.js";

const plain = (s: Span): Span => ({ file: s.file, start: s.start, end: s.end });

/** The instance's name word: where a finding about a value left at its default points. */
export function instanceAnchor(peer: Peer): Span {
  return plain(peer.instance.nameWord ?? peer.instance.block.keyword);
}

/** The word holding a setting's value, else the instance's name. */
export function settingAnchor(peer: Peer, setting: Setting<unknown> | undefined): Span {
  return setting?.word ? plain(setting.word) : instanceAnchor(peer);
}

/** `master.conf:9`, with `@id` when one file holds several nodes. */
export function placeOf(peer: Peer, span: Span): string {
  const line = span.file.positionAt(span.start).line + 1;
  return `${span.file.path}:${line}${peer.node.configId !== undefined ? ` @${peer.node.configId}` : ""}`;
}

/** The node as a message names it. */
export function nodeName(peer: Peer): string {
  return peer.node.label;
}

export function related(span: Span, message: string): RelatedInformation {
  return { ...plain(span), message };
}

/** A fix that rewrites one word. */
export function replaceWord(word: Span, newText: string, description: string): Fix {
  return { description, edits: [{ ...plain(word), newText }] };
}
