export type { DiffOp, DiffRun, DiffWordsOptions } from './diff';
export { diffWords } from './diff';
export type { DiffAmount, DiffStats } from './stats';
export { diffStats, hasChanges } from './stats';
export { countWords, tokenize } from './tokens';
