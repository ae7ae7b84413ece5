import { expect, test } from "vitest";
import { SEMANTIC_LEGEND, semanticTokens } from "../../server/src/service/index.js";
import { docOf } from "./helpers.js";

/** Decodes the relative encoding back to [line, char, text, type, modifiers...]. */
function decode(text: string, data: readonly number[]) {
  const lines = text.split("\n");
  const out: [number, number, string, string, ...string[]][] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]!;
    char = data[i]! === 0 ? char + data[i + 1]! : data[i + 1]!;
    const mods = SEMANTIC_LEGEND.tokenModifiers.filter((_, b) => data[i + 4]! & (1 << b));
    out.push([line, char, lines[line]!.slice(char, char + data[i + 2]!), SEMANTIC_LEGEND.tokenTypes[data[i + 3]!]!, ...mods]);
  }
  return out;
}

test("keywords, declarations, references, parameters, numbers, enum values, comments", () => {
  const text =
    '$IF=eth0 # nic\nvrrp_script chk {\n    script "/bin/true"\n}\nvrrp_instance A {\n    state MASTER\n    interface $IF\n    priority 100\n    track_script {\n        chk\n    }\n}\n';
  expect(decode(text, semanticTokens(docOf(text)).data)).toEqual([
    [0, 0, "$IF", "variable", "declaration"],
    [0, 9, "# nic", "comment"],
    [1, 0, "vrrp_script", "keyword"],
    [1, 12, "chk", "function", "declaration"],
    [2, 4, "script", "keyword"],
    [2, 11, '"/bin/true"', "string"],
    [4, 0, "vrrp_instance", "keyword"],
    [4, 14, "A", "class", "declaration"],
    [5, 4, "state", "keyword"],
    [5, 10, "MASTER", "enumMember"],
    [6, 4, "interface", "keyword"],
    [6, 14, "$IF", "variable"],
    [7, 4, "priority", "keyword"],
    [7, 13, "100", "number"],
    [8, 4, "track_script", "keyword"],
    [9, 8, "chk", "function"],
  ]);
});

test("a deprecated keyword carries the deprecated modifier", () => {
  const text =
    "virtual_server 10.0.0.1 80 {\n    real_server 10.0.0.2 80 {\n        HTTP_GET {\n            nb_get_retry 3\n        }\n    }\n}\n";
  expect(decode(text, semanticTokens(docOf(text)).data)).toContainEqual([3, 12, "nb_get_retry", "keyword", "deprecated"]);
});
