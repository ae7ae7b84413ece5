/** Documentation of the vrrp keywords (see index.ts for the key format). */
export const VRRP_DOCS: Readonly<Record<string, string>> = {
};
