export * from "./types.js";
export { readTemplate, isOpaque, literalPart, OPAQUE, type TemplateLayer } from "./layer.js";
export {
  detectTemplate,
  engineOfContent,
  isKeepalivedTemplateName,
  isTemplateName,
  looksLikeKeepalivedTemplate,
  looksLikeKeepalivedText,
} from "./detect.js";
export { braceFaults, type BraceFault, type BraceAnalysis } from "./braces.js";
