export type { ApplyConflict, ApplyOptions, ApplyResult, Inserted } from './apply';
export { apply, defaultChosen } from './apply';
export type { BracketAnalysis, BracketOption, BracketProblem, BracketSpan, Placeholder } from './brackets';
export { analyseBrackets, hasBrackets } from './brackets';
export type {
  Compilation,
  CompilationRow,
  CompileOptions,
  HeadingRow,
  InsertionRow,
  ParagraphRow,
  UnplacedProposal,
} from './compile';
export { ACTION_ORDER, compareProposals, compile, matchesFilter, resolveTargets } from './compile';
export type { ConcordanceRow, LabelledEntry } from './concordance';
export { concordance } from './concordance';
export { baseRefOf, describeBase, documentHash, isBaseOf, sha256Hex } from './document-hash';
export type {
  DocumentJSON,
  FootnoteJSON,
  HeadingJSON,
  ParagraphJSON,
  PointJSON,
} from './document-json';
export { DOCUMENT_FORMAT, documentFromJSON, documentToJSON } from './document-json';
export { BisInputError } from './errors';
export type { LabelOptions, LabelParts, Mark } from './labels';
export {
  compareLabels,
  compareParts,
  formatLabel,
  formatPoint,
  insertionAnchor,
  normalizeLabel,
  parseLabel,
  parsePoint,
  simpleLabel,
  suffixOf,
} from './labels';
export { mergeText } from './merge-text';
export type {
  Action,
  AppliedIn,
  AppliedPassage,
  BaseRef,
  BisDocument,
  Block,
  Brand,
  Decision,
  Footnote,
  Heading,
  HeadingId,
  LabelStyle,
  OrderKey,
  Paragraph,
  ParagraphId,
  Party,
  PartyId,
  Point,
  Process,
  Proposal,
  ProposalId,
  ProposalLink,
  ProposalSet,
  ProposalVersion,
  RevisionInfo,
  SourceRef,
  StakeholderGroup,
  Status,
  Target,
  TextMode,
} from './model';
export {
  ACTIONS,
  DECISIONS,
  headingId,
  orderKey,
  paragraphId,
  paragraphsOf,
  partyId,
  proposalId,
  STAKEHOLDER_GROUPS,
  STATUSES,
} from './model';
export type { InsertLabelOptions, RenumberOptions } from './numbering';
export { inSeriesOf, labelForInsert, labelsForInserts, renumber } from './numbering';
export { evenKeys, isOrderKey, keyBetween, ORDER_DIGITS } from './orderkey';
export { letterFor, numberForLetter, printedLabel } from './printed-label';
export { proposalShapeProblem } from './proposal-shape';
export type { BaseRefJSON, PartyJSON, ProposalJSON, ProposalsJSON, TargetJSON } from './proposals-json';
export { PROPOSALS_FORMAT, proposalsFromJSON, proposalsToJSON } from './proposals-json';
export { continuesText, proposedText } from './proposed';
export type { Origin, ParagraphProvenance } from './provenance';
export { provenanceOf } from './provenance';
export type { ReanchorEntry, ReanchorOutcome, ReanchorResult } from './reanchor';
export { reanchorProposals } from './reanchor';
export type { FoundReference, LabelReference } from './references';
export { expandRange, findReferences, matchReference, parseReference } from './references';
export type { InputReportRow, Outcome } from './report';
export { inputReport } from './report';
export type { ApplyDecidedOptions, ApplyDecidedResult, RevisionConflict } from './revision-apply';
export { applyDecided } from './revision-apply';
export type { ClosedCycle } from './revision-close';
export { closeCycle } from './revision-close';
export type { RevisionChanges } from './revision-compare';
export { revisionChanges } from './revision-compare';
export type { CarriedProposal, Publication, RevisionConcordanceRow } from './revision-publish';
export { carryOver, publishRevision } from './revision-publish';
export type {
  AppliedRecord,
  Bracket,
  ParagraphState,
  ParagraphStatus,
  WorkingState,
} from './revision-state';
export {
  bracketedText,
  emptyWorkingState,
  fullParagraphText,
  isApplied,
  markAppliedByHand,
  PARAGRAPH_STATUSES,
  paragraphState,
  setBrackets,
  setParagraphStatus,
  UNTOUCHED,
  workingStateFromJSON,
} from './revision-state';
export { proposalsIn, sectionOf } from './sections';
export type { SuffixTable } from './suffixes';
export {
  createSuffixTable,
  DEFAULT_SUFFIXES,
  LATIN_SUFFIXES,
  SUFFIX_VARIANTS,
  suffixName,
  suffixNumber,
} from './suffixes';
export { formatTags, isStatusTag, takeTags, withTags } from './tags';
export type { DecisionDetails, ProposalEdit, Result, TablingContext } from './workflow';
export {
  decideProposal,
  editProposal,
  FINAL_DECISIONS,
  hasUntabledChanges,
  isDecided,
  latestVersion,
  ok,
  refused,
  STATUS_TRANSITIONS,
  supportProposal,
  tableProposal,
  withdrawProposal,
} from './workflow';
