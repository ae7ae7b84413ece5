/** node:net for the browser build: the address tests, read as Node reads them (an IPv6 zone allowed). */
import { isIPv4, isIPv6 as isBareIPv6 } from "../../server/src/schema/values.js";

export { isIPv4 };

export function isIPv6(text: string): boolean {
  const zone = text.indexOf("%");
  if (zone < 0) return isBareIPv6(text);
  return isBareIPv6(text.slice(0, zone)) && /^[0-9A-Za-z.:-]+$/.test(text.slice(zone + 1));
}
