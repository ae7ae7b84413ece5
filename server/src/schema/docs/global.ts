/** Documentation of the global keywords (see index.ts for the key format). */
export const GLOBAL_DOCS: Readonly<Record<string, string>> = {
};
