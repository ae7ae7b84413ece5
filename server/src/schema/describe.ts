/**
 * A keyword's documentation as Markdown: the prose of docs/ plus the facts (syntax, allowed
 * values, version, deprecation, build options). Hover and `kalint explain` both show this.
 */
import { compareVersions, formatVersion, datedChecksOf } from "./lookup.js";
import { formatSyntax, rangeText } from "./syntax.js";
import type { ArgKind, ArgSpec, KeywordSpec, RemovedKeyword } from "./types.js";

export function describeKeyword(spec: KeywordSpec): string {
  return `**${spec.name}** ${spec.parents.length === 0 ? "at the top level" : `in \`${blockOf(spec)}\``}\n\n${describeKeywordBody(spec)}`;
}

/** "vrrp_instance > authentication", or "the top level". */
export function blockOf(spec: Pick<KeywordSpec, "parents">): string {
  return spec.parents.length === 0 ? "the top level" : spec.parents.join(" > ");
}

/** Everything but the heading: syntax, prose and facts. Positions of one name often share it. */
export function describeKeywordBody(spec: KeywordSpec): string {
  const lines = ["```", spec.syntax, "```", "", spec.doc.trim()];
  const facts = [...(spec.args ?? []).map(argumentFact).filter((f): f is string => f !== undefined)];
  facts.push(...releaseFacts(spec));
  facts.push(`first in keepalived ${formatVersion(spec.since)}`);
  if (spec.aliasOf && !spec.deprecated) facts.push(`another name for \`${spec.aliasOf}\``);
  if (spec.deprecated) {
    const since = spec.deprecated.since ? ` since ${formatVersion(spec.deprecated.since)}` : "";
    const instead = spec.deprecated.replacement
      ? `: use \`${spec.deprecated.replacement}\``
      : spec.deprecated.note
        ? `: ${spec.deprecated.note}`
        : "";
    facts.push(`**deprecated**${since}${instead}`);
  }
  if (spec.buildConditions?.length)
    facts.push(`only in builds with ${spec.buildConditions.map((c) => `\`${c.replace(/^defined\s+/, "")}\``).join(", ")}`);
  lines.push("", facts.map((f) => `- ${f}`).join("\n"));
  return lines.join("\n");
}

/**
 * What each release accepts, for a keyword whose arguments (or whose block's lines) changed:
 * the newest reading first, then each older one with the release range it covers.
 */
export function releaseFacts(spec: KeywordSpec): string[] {
  const out: string[] = [];
  const earlier = [...(spec.earlierArgs ?? [])].sort((a, b) => compareVersions(b.before, a.before));
  if (earlier.length > 0) {
    out.push(`keepalived ${formatVersion(earlier[0]!.before)} and later: \`${spec.syntax}\``);
    earlier.forEach((e, i) => {
      const next = earlier[i + 1];
      const range = next ? `${formatVersion(next.before)} to before ${formatVersion(e.before)}` : `before ${formatVersion(e.before)}`;
      const kinds = e.args.map(argumentFact).filter((f): f is string => f !== undefined);
      const notes = [...kinds, ...(e.lenient ? [`a value later releases refuse: it ${e.lenient}`] : []), ...(e.why ? [e.why] : [])];
      out.push(`keepalived ${range}: \`${formatSyntax(spec.name, e.args, spec.block)}\`${notes.length ? ` (${notes.join("; ")})` : ""}`);
    });
  }
  for (const f of datedChecksOf(spec.name)) out.push(`${f.what}: keepalived before ${formatVersion(f.before)} ${f.does} (${f.why})`);
  return out;
}

/** A keyword keepalived no longer reads: when it went, what replaced it, and what it did. */
export function describeRemoved(removed: RemovedKeyword): string {
  const instead = removed.replacement ? `; use \`${removed.replacement}\`` : "";
  return `**${removed.name}**: removed in keepalived ${formatVersion(removed.removedIn)}${instead}\n\n${removed.doc.trim()}`;
}

/** "whole number, 1..255" or "number with up to 3 decimal places, 0.001..4294"; other kinds have no such phrase. */
export function numberKindText(kind: ArgKind): string | undefined {
  if (kind.type !== "integer" && kind.type !== "decimal" && kind.type !== "real") return undefined;
  const range = kind.min !== undefined || kind.max !== undefined ? `, ${rangeText(kind.min, kind.max)}` : "";
  if (kind.type === "real") return `number in any form C's strtod reads (1.5, 1e3, 0x10)${range}`;
  return kind.type === "integer" ? `whole number${range}` : `number with up to ${kind.decimals} decimal places${range}`;
}

function argumentFact(arg: ArgSpec): string | undefined {
  const k = arg.kind;
  switch (k.type) {
    case "integer":
      return k.min !== undefined || k.max !== undefined ? `${arg.name}: ${numberKindText(k)}` : undefined;
    case "decimal":
    case "real":
      return `${arg.name}: ${numberKindText(k)}`;
    case "enum":
      return `${arg.name}: one of ${k.values.map((v) => `\`${v}\``).join(", ")}${k.caseInsensitive ? " (any case)" : ""}`;
    case "boolean":
      return `${arg.name}: \`true\`/\`on\`/\`yes\` or \`false\`/\`off\`/\`no\`${arg.optional ? "; alone it means true" : ""}`;
    case "ipv4":
      return `${arg.name}: an IPv4 address`;
    case "ipv6":
      return `${arg.name}: an IPv6 address`;
    case "ip":
      return `${arg.name}: an IPv4 or IPv6 address`;
    case "host":
      return `${arg.name}: an address or a host name`;
    case "multicast":
      return `${arg.name}: ${k.family === 4 ? "an IPv4 " : k.family === 6 ? "an IPv6 " : "a "}multicast address`;
    case "port":
      return `${arg.name}: a port, 0..65535`;
    default:
      return undefined;
  }
}
