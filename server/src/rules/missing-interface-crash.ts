import { formatVersion } from "../schema/lookup.js";
import { affects, fixText, type AffectedReleases } from "./affected.js";
import type { FileRule } from "./types.js";

/**
 * keepalived 2.0.8 to 2.0.20, when it looks for two instances with one VRID on one interface,
 * skips an instance without a known interface only as the first of the pair: an instance with
 * no interface after one with an interface is read through a null pointer, and keepalived
 * (`-t` too) dies of SIGSEGV before it says what is wrong. 2.1.0 rewrote the check (and lets
 * unicast instances do without an interface). Measured on 2.0.19 by the differential test.
 */
export const RELEASES: AffectedReleases = { from: [2, 0, 8], fixedIn: [2, 1, 0] };

export const missingInterfaceCrash: FileRule = {
  code: "missing-interface-crash",
  check({ model, targetVersion }, report) {
    if (!affects(RELEASES, targetVersion) || model.global("default_interface") !== undefined) return;
    let earlier: string | undefined;
    for (const inst of model.instances) {
      if (inst.settings.has("interface")) {
        earlier ??= inst.name;
        continue;
      }
      if (earlier === undefined) continue;
      report({
        at: inst.nameWord ?? inst.block.keyword,
        message: `vrrp_instance '${inst.name}' has no interface and comes after '${earlier}', which has one: keepalived ${formatVersion(targetVersion)} crashes (SIGSEGV) while it checks the two for a shared VRID, and 'keepalived -t' with it, instead of reporting the missing interface (${fixText(RELEASES)})`,
      });
    }
  },
};
