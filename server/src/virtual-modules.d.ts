/** Rule documentation pages (docs/rules/*.md) by code, embedded by build.mjs (and by vitest.config.ts in tests). */
declare module "virtual:rule-docs" {
  const docs: Readonly<Record<string, string>>;
  export default docs;
}
