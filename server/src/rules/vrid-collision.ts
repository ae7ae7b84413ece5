import { isOpaque } from "../../../grammar/index.js";
import { renderedTogether } from "../model/template.js";
import type { VrrpInstance } from "../model/types.js";
import type { FileRule } from "./types.js";

/**
 * keepalived refuses to load two instances that would answer the same VRRP packets: the same
 * VRID and address family on the same interface, either both multicast to the same group or
 * both unicast from the same source with a peer in common. It compares live interfaces; a
 * single file can only compare interface names, which is what this rule does.
 */
export const vridCollision: FileRule = {
  code: "vrid-collision",
  check({ model }, report) {
    const defaultInterface = model.global("default_interface")?.args[0]?.text ?? "";
    const seen = new Map<string, VrrpInstance[]>();
    for (const inst of model.instances) {
      const vrid = inst.virtualRouterId;
      if (!vrid?.word) continue;
      const iface = inst.interface?.value ?? defaultInterface;
      // In a template, an interface an expression writes is unknown.
      if (isOpaque(iface)) continue;
      const key = `${vrid.value} ${inst.family} ${iface}`;
      const earlier = seen.get(key) ?? [];
      const clash = earlier.find((other) => collides(inst, other) && renderedTogether(model.file, inst.block, other.block));
      if (clash) {
        const where = iface ? `interface ${iface}` : "the default interface";
        const mode = inst.unicastPeers.length ? "unicast to a shared peer" : "multicast";
        report({
          at: vrid.word,
          message: `virtual_router_id ${vrid.value} (IPv${inst.family}, ${mode}) on ${where} is already used by vrrp_instance '${clash.name}'; keepalived refuses to load both`,
          related: [
            { ...(clash.virtualRouterId?.word ?? clash.nameWord ?? clash.block.keyword), message: `vrrp_instance '${clash.name}'` },
          ],
        });
      }
      earlier.push(inst);
      seen.set(key, earlier);
    }
  },
};

const mcastGroup = (i: VrrpInstance): string => i.settings.get("mcast_dst_ip")?.args[0]?.text ?? "";

/** Unicast lists an expression writes in part cannot be compared. */
const knownPeers = (i: VrrpInstance): boolean =>
  !i.unicastPeers.some((p) => isOpaque(p.line.words[0]!.text)) && !isOpaque(i.unicastSrcIp?.value ?? "") && !isOpaque(mcastGroup(i));

function collides(a: VrrpInstance, b: VrrpInstance): boolean {
  if (!knownPeers(a) || !knownPeers(b)) return false;
  const aUnicast = a.unicastPeers.length > 0;
  const bUnicast = b.unicastPeers.length > 0;
  if (aUnicast !== bUnicast) return false;
  if (!aUnicast) return mcastGroup(a) === mcastGroup(b);
  if ((a.unicastSrcIp?.value ?? "") !== (b.unicastSrcIp?.value ?? "")) return false;
  const peers = new Set(b.unicastPeers.map((p) => p.address));
  return a.unicastPeers.some((p) => peers.has(p.address));
}
