import type { Node, Word } from "../../../grammar/index.js";
import { parseAddress } from "../model/address.js";
import { renderedTogether } from "../model/template.js";
import type { FileRule } from "./types.js";

/** Where an instance's addresses come from, in the order keepalived reads them. */
interface Seen {
  readonly family: 4 | 6;
  readonly word: Word;
  readonly what: string;
}

const SOURCE_KEYWORDS = new Set(["unicast_src_ip", "mcast_src_ip"]);
const ADDRESS_BLOCKS: Readonly<Record<string, string>> = { virtual_ipaddress: "virtual address", unicast_peer: "unicast peer" };

/**
 * keepalived fixes an instance's address family from the first address it reads (or from
 * `native_ipv6`) and drops every later VIP, peer or source address of the other family.
 * `virtual_ipaddress_excluded` may mix families and is not checked.
 */
export const mixedAddressFamily: FileRule = {
  code: "mixed-address-family",
  check({ model }, report) {
    for (const inst of model.instances) {
      let first: Seen | undefined;
      const see = (word: Word, what: string, family: 4 | 6 | undefined) => {
        if (family === undefined) return;
        if (!first) {
          first = { family, word, what };
          return;
        }
        // In a template, an address under another condition may never meet the first one.
        if (family === first.family || !renderedTogether(model.file, first.word, word)) return;
        const set = first.what === "native_ipv6" ? "native_ipv6" : `its first address, ${first.word.text}`;
        report({
          at: word,
          message: `${what} ${word.text} is IPv${family} but vrrp_instance '${inst.name}' is IPv${first.family} (set by ${set}); keepalived drops it`,
          related: [{ ...first.word, message: `IPv${first.family} from here` }],
        });
      };
      const visit = (nodes: readonly Node[]) => {
        for (const n of nodes) {
          if (n.kind === "statement" && SOURCE_KEYWORDS.has(n.keyword.text) && n.args[0])
            see(n.args[0], n.keyword.text, parseAddress(n.args[0].text).family);
          else if (n.kind === "statement" && n.keyword.text === "native_ipv6") see(n.keyword, "native_ipv6", 6);
          else if (n.kind === "block" && ADDRESS_BLOCKS[n.keyword.text]) {
            for (const line of n.children) {
              const w = line.kind === "value" ? line.words[0] : undefined;
              if (w) see(w, ADDRESS_BLOCKS[n.keyword.text]!, parseAddress(w.text).family);
            }
          } else if (n.kind === "anonymous-block") visit(n.children);
        }
      };
      visit(inst.block.children);
    }
  },
};
