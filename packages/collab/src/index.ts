export { attrValueProblem, tagProblem } from './attr-check';
export type { ScanResult, UpdateBudget } from './budget';
export { DEFAULT_BUDGET, scanUpdate } from './budget';
export {
  proposalsMap,
  readCompilation,
  readCompiledProposal,
  removeFromCompilation,
  writeCompiledProposal,
} from './compilation-doc';
export type { DocRef, Scope } from './docnames';
export { docName, ID_PATTERN, isId, MAX_REVISION, parseDocName, SCOPES } from './docnames';
export { CLIENT_READ_ONLY_DRAFT_FIELDS, DRAFT_LIMITS, draftValueProblem } from './draft-values';
export type { Meta } from './meta';
export { initMeta, metaMap, readMeta } from './meta';
export { headingAttrs, paragraphAttrs, readDocument, textFragment, writeDocument } from './revision-doc';
export type { DraftField, MetaKey } from './roots';
export { DRAFT_FIELDS, META_KEYS, ROOTS } from './roots';
export type { AttrSpecData, AttrType, JsonValue, MarkSpecData, NodeSpecData, SchemaSpecData } from './schema';
export { childNodeNames, draftSchemaSpec, revisionSchemaSpec, SCHEMA_VERSION } from './schema';
export type { ValidateOptions, ValidationResult } from './validate';
export { CLIENT_READ_ONLY_ROOTS, validateUpdate } from './validate';
export type { Draft, DraftInput, DraftPatch, DraftTextField } from './workspace-doc';
export {
  createDraft,
  deleteDraft,
  draftFragment,
  draftsMap,
  readDraft,
  readDrafts,
  setDraftText,
  updateDraftFields,
} from './workspace-doc';
export type { AttrValue, ChangeView } from './xml';
export { readPlainText, writePlainText } from './xml';
