/** Documentation of the lvs keywords (see index.ts for the key format). */
export const LVS_DOCS: Readonly<Record<string, string>> = {
};
