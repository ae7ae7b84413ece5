/**
 * Which network segment a VRRP instance advertises on, as far as configuration text tells:
 * the subnet of its first virtual address. Interface names are local to each host, so they
 * cannot say whether two clusters share a wire; the addresses can. A VIP written without a
 * prefix (keepalived makes it /32) is taken to sit in its /24 (IPv4) or /64 (IPv6).
 */
import { ipv4Mask, ipv4Text } from "../schema/values.js";
import type { VirtualAddress, VrrpInstance } from "./types.js";

const GUESS_V4 = 24;
const GUESS_V6 = 64;

function v4Network(address: string, prefix: number): string {
  const n = address.split(".").reduce((acc, o) => (acc << 8) + Number(o), 0) >>> 0;
  return `${ipv4Text((n & ipv4Mask(prefix)) >>> 0)}/${prefix}`;
}

function v6Network(address: string, prefix: number): string {
  // The model keeps IPv6 addresses as eight hex groups.
  const groups = address.split(":").map((g) => parseInt(g || "0", 16));
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(g);
  const mask = prefix === 0 ? 0n : ((1n << BigInt(prefix)) - 1n) << BigInt(128 - prefix);
  const net = value & mask;
  const out: string[] = [];
  for (let i = 7; i >= 0; i--) out.push(((net >> BigInt(i * 16)) & 0xffffn).toString(16));
  return `${out.join(":")}/${prefix}`;
}

export function networkOf(a: VirtualAddress): string | undefined {
  if (a.family === 4) {
    const prefix = a.prefix !== undefined && a.prefix < 32 ? a.prefix : GUESS_V4;
    return v4Network(a.address, prefix);
  }
  if (a.family === 6 && a.address.split(":").length === 8) {
    const prefix = a.prefix !== undefined && a.prefix < 128 ? a.prefix : GUESS_V6;
    return v6Network(a.address, prefix);
  }
  return undefined;
}

/** The segment an instance advertises on, or undefined when it has no usable address. */
export function segmentOf(instance: VrrpInstance): string | undefined {
  for (const a of instance.virtualAddresses) {
    const net = networkOf(a);
    if (net) return net;
  }
  return undefined;
}
