/**
 * Which checker reads the lines of which value block. Blocks that are plain name lists
 * (`group`, `notification_email`, garp_group `interfaces`) have none: any word is a name.
 */
import { readDecimal } from "../../schema/values.js";
import { checkStaticAddress, checkVrrpAddress } from "./addresses.js";
import type { LineChecker } from "./context.js";
import { checkUnicastPeer } from "./peers.js";
import { checkRoute } from "./routes.js";
import { checkRule } from "./rules.js";
import { checkTrackLine } from "./tracks.js";
import { checkVsgEntry } from "./vsg.js";

export type { LineChecker, LineContext } from "./context.js";

/** `IF DOWN_DELAY [UP_DELAY]`, delays in seconds up to 255. */
const checkUpDownDelay: LineChecker = (words, { reporter }) => {
  for (const w of words.slice(1, 3)) {
    const r = readDecimal(w.text, { min: 0, max: 255, decimals: 6 });
    if (!r.ok) reporter.problem(w, r.problem, "interface delay");
  }
  if (words.length > 3) reporter.report(words[3]!, "extra-argument", `only a down delay and an up delay may follow the interface`);
};

/** `IF [MII|ETHTOOL|IOCTL]`. */
const checkLinkbeat: LineChecker = (words, { reporter }) => {
  const method = words[1];
  if (method && !["MII", "ETHTOOL", "IOCTL"].includes(method.text))
    reporter.report(method, "invalid-value", `'${method.text}' is not a link polling method (MII, ETHTOOL or IOCTL)`);
  else if (words.length > 2) reporter.report(words[2]!, "invalid-value", `only one polling method may follow the interface`);
};

const BY_BLOCK: ReadonlyMap<string, LineChecker> = new Map([
  ["virtual_ipaddress", checkVrrpAddress],
  ["virtual_ipaddress_excluded", checkVrrpAddress],
  ["static_ipaddress", checkStaticAddress],
  ["virtual_routes", checkRoute],
  ["static_routes", checkRoute],
  ["virtual_rules", checkRule],
  ["static_rules", checkRule],
  ["track_interface", checkTrackLine],
  ["track_script", checkTrackLine],
  ["track_process", checkTrackLine],
  ["track_file", checkTrackLine],
  ["track_bfd", checkTrackLine],
  ["unicast_peer", checkUnicastPeer],
  ["virtual_server_group", checkVsgEntry],
  ["interface_up_down_delays", checkUpDownDelay],
  ["linkbeat_interfaces", checkLinkbeat],
]);

export function lineCheckerFor(blockKeyword: string): LineChecker | undefined {
  return BY_BLOCK.get(blockKeyword);
}
