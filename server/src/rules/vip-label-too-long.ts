import { isOpaque, type ValueLine, type Word } from "../../../grammar/index.js";
import { formatVersion, datedCheck } from "../schema/lookup.js";
import type { FileRule } from "./types.js";

/** Linux keeps address labels in an interface-name field: 15 bytes and a terminator. */
const MAX_LABEL = 15;

export const vipLabelTooLong: FileRule = {
  code: "vip-label-too-long",
  check({ model, targetVersion }, report) {
    // Releases before the check took the label anyway: still wrong, but the address is added.
    const older = datedCheck("labelLength", targetVersion);
    const check = (line: ValueLine, owner: string) => {
      const label = labelOf(line);
      if (!label || Buffer.byteLength(label.text) <= MAX_LABEL || isOpaque(label.text)) return;
      const address = line.words[0]!.text;
      const size = `label '${label.text}' of ${address} is ${Buffer.byteLength(label.text)} characters, over the ${MAX_LABEL} Linux allows`;
      if (older) {
        report({
          at: label,
          mild: true,
          message: `${size}; keepalived ${formatVersion(targetVersion)} ${older.does} (${formatVersion(older.before)} and later drop the address)`,
        });
      } else report({ at: label, message: `${size}; keepalived drops the address ${address} from ${owner}` });
    };
    for (const inst of model.instances) {
      for (const vip of [...inst.virtualAddresses, ...inst.excludedAddresses]) check(vip.line, `vrrp_instance '${inst.name}'`);
    }
    for (const node of model.file.children) {
      if (node.kind !== "block" || node.keyword.text !== "static_ipaddress") continue;
      for (const line of node.children) if (line.kind === "value") check(line, "static_ipaddress");
    }
  },
};

/** The word after `label` (the last one wins, as keepalived reads options left to right). */
function labelOf(line: ValueLine): Word | undefined {
  let found: Word | undefined;
  for (let i = 1; i < line.words.length - 1; i++) if (line.words[i]!.text === "label") found = line.words[i + 1];
  return found;
}
