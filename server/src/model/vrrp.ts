/**
 * What one VRRP instance means alone, beyond the settings the builder reads: the authentication
 * keepalived applies, whether it advertises by unicast, and its virtual addresses as peers
 * compare them. Pure functions of one node's model (tracking.ts holds tracks and priorities).
 */
import type { VirtualAddress, VrrpInstance } from "./types.js";

export interface AuthInEffect {
  readonly type: "PASS" | "AH";
  /** keepalived keeps the first 8 characters only. */
  readonly pass: string;
}

/**
 * Authentication as keepalived applies it: none with VRRPv3 or strict mode, none when the type
 * or the password is missing, and the password cut to 8 characters.
 */
export function authInEffect(instance: VrrpInstance): AuthInEffect | undefined {
  const auth = instance.authentication;
  if (!auth?.type || !auth.pass) return undefined;
  // `strict` is the model's reading (instance strict_mode, else vrrp_strict), so `vrrp_strict off` is not strict.
  if (instance.version.value === 3 || instance.strict.value) return undefined;
  return { type: auth.type.value as AuthInEffect["type"], pass: auth.pass.value.slice(0, 8) };
}

/** Adverts go to the listed unicast peers instead of the multicast group. */
export function isUnicast(instance: VrrpInstance): boolean {
  return instance.unicastPeers.length > 0;
}

/** `address/prefix` with the host prefix keepalived assumes when none is written. */
export function addressWithPrefix(a: VirtualAddress): string {
  return `${a.address}/${a.prefix ?? (a.family === 6 ? 128 : 32)}`;
}

/** The VIP set as compared between peers (order and `dev`/`label` do not matter). */
export function vipSet(instance: VrrpInstance, { addressesOnly = false } = {}): string[] {
  // addressesOnly leaves out entries that are no address at all (template placeholders), which the file check reports.
  const entries = addressesOnly ? instance.virtualAddresses.filter((a) => a.family !== undefined) : instance.virtualAddresses;
  return [...new Set(entries.map(addressWithPrefix))].sort();
}

/** The VIP addresses alone, as used to pair instances and group files. */
export function vipAddresses(instance: VrrpInstance): string[] {
  return [...new Set(instance.virtualAddresses.map((a) => a.address))].sort();
}
