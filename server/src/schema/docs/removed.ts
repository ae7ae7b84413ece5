/** Documentation of keywords keepalived no longer accepts. */
export const REMOVED_DOCS: Readonly<Record<string, string>> = {
};
