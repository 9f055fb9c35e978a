/**
 * What bench/run.mjs needs from the TypeScript sources, bundled by esbuild into
 * bench/.cache/harness.cjs: the draft generator and the analysis core's public entry points.
 */
export { createRng, generateDraft, utf8Length } from './draft';
export { analyzeDocument, DEFAULT_SETTINGS, documentDate } from '../server/src/core/analyze';
export { loadCorpus } from '../server/src/core/corpus';
export { assessSentence } from '../server/src/core/claims/detector';
export { hoverAt } from '../server/src/core/hover';
