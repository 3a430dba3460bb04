/**
 * The negotiation-text model: documents made of blocks, parties and their proposals.
 *
 * Values are plain, immutable data (JSON-compatible); functions elsewhere in the package
 * return new values instead of changing these. Identity (`id`), order (`order`) and the
 * displayed label (`label`) of a paragraph are three different things: the id never
 * changes, the order key sorts siblings, and the label is what readers see.
 */

declare const brand: unique symbol;

/** A string that the type system keeps apart from other strings. */
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** The stable id of a paragraph: never shown, never reused. */
export type ParagraphId = Brand<string, 'ParagraphId'>;
/** The stable id of a heading. */
export type HeadingId = Brand<string, 'HeadingId'>;
/** The stable id of a proposal. */
export type ProposalId = Brand<string, 'ProposalId'>;
/** The stable id of a party (member state, group, organisation …). */
export type PartyId = Brand<string, 'PartyId'>;
/** A sortable order key (see `orderkey.ts`): compares with `<` on strings. */
export type OrderKey = Brand<string, 'OrderKey'>;

/** Casts a string known to be a paragraph id. */
export const paragraphId = (s: string): ParagraphId => s as ParagraphId;
/** Casts a string known to be a heading id. */
export const headingId = (s: string): HeadingId => s as HeadingId;
/** Casts a string known to be a proposal id. */
export const proposalId = (s: string): ProposalId => s as ProposalId;
/** Casts a string known to be a party id. */
export const partyId = (s: string): PartyId => s as PartyId;
/** Casts a string known to be an order key. */
export const orderKey = (s: string): OrderKey => s as OrderKey;

/** A footnote attached to a paragraph or point, referenced at `offset` in its text. */
export interface Footnote {
  /** The footnote's number or mark as printed (`"3"`). */
  readonly mark: string;
  /** Character offset in the owning text where the reference appears. */
  readonly offset: number;
  /** The footnote's own text. */
  readonly text: string;
}

/** A lettered point of a paragraph: `(a)`, `(b)` … */
export interface Point {
  /** The letter (or roman numeral) without parentheses: `"a"`. */
  readonly label: string;
  readonly text: string;
  readonly footnotes: readonly Footnote[];
}

/** A section heading such as `II. Technical standard-setting landscape`. */
export interface Heading {
  readonly kind: 'heading';
  readonly id: HeadingId;
  /** 1 for chapters (`I.`), 2 for lettered sections (`A.`), and so on. */
  readonly level: number;
  /** The printed number (`"II"`, `"A"`, `"2.1"`), or null for an unnumbered heading. */
  readonly number: string | null;
  readonly title: string;
  /**
   * `chapeau` for a line that introduces the paragraphs after it rather than titling a section
   * ("The General Assembly,", "Adopts the following declaration:"); absent for a section heading.
   */
  readonly role?: 'chapeau';
  /** Status tags of the heading as negotiators write them (`agreed`, `ad ref`), without brackets. */
  readonly tags?: readonly string[];
}

/**
 * How a paragraph's label is printed in the text. Absent: as the label (`77 bis`, `PP3`).
 * `lettered`: the label's number as a capital letter (`PP2` → `B.`, `PP2 bis` → `B bis`), the style
 * of a lettered preamble. `unnumbered`: not printed at all; the label (`PP3`) is only a reference,
 * as for the unnumbered preambular paragraphs of a General Assembly resolution.
 */
export type LabelStyle = 'lettered' | 'unnumbered';

/** A numbered paragraph of a negotiation text. */
export interface Paragraph {
  readonly kind: 'paragraph';
  readonly id: ParagraphId;
  /** Sort key among the paragraphs of the document. */
  readonly order: OrderKey;
  /** The displayed label: `"77"`, `"77 bis"`, `"PP3"`, `"OP5 ter"`. */
  readonly label: string;
  /** The paragraph's own text (chapeau when it has points), without footnote texts. */
  readonly text: string;
  readonly points: readonly Point[];
  readonly footnotes: readonly Footnote[];
  /** How the label is printed (see `LabelStyle`); absent when it is printed as it is. */
  readonly labelStyle?: LabelStyle;
  /**
   * Status tags as negotiators write them, without brackets and in source order: `agreed`,
   * `ad ref`, `Suggested for Closure`, `Preliminarily Agreed`. Brackets and options in the text
   * itself stay in `text` as written (see `brackets.ts`).
   */
  readonly tags?: readonly string[];
}

/** A block of a document. */
export type Block = Heading | Paragraph;

/** A document (one revision's text), as `bis.document/2` carries it. */
export interface BisDocument {
  readonly title: string;
  /** The UN symbol, e.g. `A/80/L.41`, when known. */
  readonly symbol: string | null;
  /** The revision's name: `Zero draft`, `Rev.1` … */
  readonly revision: string | null;
  /** Text before the first heading or paragraph (summary, preamble prose). */
  readonly preamble: string;
  readonly blocks: readonly Block[];
}

/** Stakeholder groups a party can belong to. */
export const STAKEHOLDER_GROUPS = [
  'member-state',
  'group-of-states',
  'observer',
  'un-entity',
  'intergovernmental',
  'civil-society',
  'private-sector',
  'technical-community',
  'academia',
] as const;
/** A stakeholder group. */
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];

/** Who proposes: a member state, a group, an observer, an organisation. */
export interface Party {
  readonly id: PartyId;
  readonly name: string;
  readonly group: StakeholderGroup;
  /** A UN regional group or free text (`African Group`, `WEOG`), or null. */
  readonly region: string | null;
}

/** The actions a proposal can take. */
export const ACTIONS = ['amend', 'insert', 'delete', 'move', 'retain', 'alternative'] as const;
/** What a proposal does to its targets. */
export type Action = (typeof ACTIONS)[number];

/**
 * The statuses a proposal moves through (see `workflow.ts`). `applied`: it shaped a published
 * revision (see `Proposal.appliedIn`) and has left the working compilation; it is final.
 */
export const STATUSES = ['draft', 'tabled', 'withdrawn', 'applied'] as const;
/** A proposal's status. */
export type Status = (typeof STATUSES)[number];

/** The chairs' decisions on a tabled proposal. */
export const DECISIONS = ['accepted', 'accepted-as-modified', 'merged', 'not-retained', 'deferred'] as const;
/** A decision of the chairs. */
export type Decision = (typeof DECISIONS)[number];

/**
 * What a proposal targets: a paragraph (or one of its points). `paragraph` is null while the
 * target is only known by its label (written input not yet resolved against a base text).
 */
export interface Target {
  readonly paragraph: ParagraphId | null;
  /** The paragraph's label as the proponent wrote it (`"77"`, `"77 bis"`). */
  readonly label: string;
  /** A point letter (`"b"`) when the proposal targets one point only. */
  readonly point: string | null;
}

/**
 * How a proposal's `text` relates to the current text:
 * `replace` — the full new wording; `append` — words added at the end of the current text
 * (written input's `Add: "…"` or a quotation opening with an ellipsis).
 */
export type TextMode = 'replace' | 'append';

/** A link from one proposal to another (`§93 → §93 bis`). */
export interface ProposalLink {
  /** The linked proposal. */
  readonly to: ProposalId;
  /** Why they are linked, in the proponent's words. */
  readonly note: string;
}

/**
 * The text a proposal was written against: enough to tell whether another text is the same one.
 * `hash` is `documentHash` of that text (paragraph labels and texts, in order).
 */
export interface BaseRef {
  /** The base's UN symbol, when it has one. */
  readonly symbol: string | null;
  /** The base's revision name (`Zero draft`, `Rev.1`), when known. */
  readonly revision: string | null;
  /** The base's title. */
  readonly title: string;
  /** A content hash of the base's paragraphs (see `documentHash`). */
  readonly hash: string;
}

/** One passage a proposal shaped in a published revision. */
export interface AppliedPassage {
  readonly paragraph: ParagraphId;
  /** The paragraph's label in the revision; for a removed paragraph, its label before. */
  readonly label: string;
  /** The paragraph's text in the revision (points one per line); null when the proposal removed it. */
  readonly text: string | null;
}

/** Where an applied proposal landed: "applied in Rev.1", with the passages it shaped. */
export interface AppliedIn {
  /** The revision's name (`Rev.1`). */
  readonly revision: string;
  /** The revision's number (1 for Rev.1). */
  readonly number: number;
  readonly passages: readonly AppliedPassage[];
}

/** A frozen, tabled version of a proposal. */
export interface ProposalVersion {
  readonly number: number;
  readonly text: string;
  readonly rationale: string;
  /** ISO 8601 timestamp of tabling. */
  readonly tabledAt: string;
}

/** Where written input came from, for error messages and review. */
export interface SourceRef {
  readonly file: string | null;
  readonly line: number;
}

/** One amendment by one party. */
export interface Proposal {
  readonly id: ProposalId;
  /** The proponent's name (as in `Party.name`). */
  readonly party: string;
  readonly coSponsors: readonly string[];
  readonly supporters: readonly string[];
  readonly action: Action;
  /**
   * The targets, in text order. `amend`, `delete`, `retain`, `alternative`: the paragraph(s)
   * acted on (several for a run like `§92–93`). `insert`: the anchor paragraph the new one goes
   * after (or before, see `position`). `move`: the paragraph moved, then the anchor.
   */
  readonly targets: readonly Target[];
  /** For `insert` and `move`: whether the paragraph goes after or before the anchor. */
  readonly position: 'after' | 'before' | null;
  /**
   * The label the proposal is known by: the target's (`"77"`, `"92–93"`), or for an insertion
   * the new paragraph's (`"77 bis"`), or for an alternative `"77 alt"`.
   */
  readonly label: string;
  /** The proposed text (empty for `delete`; an optional note for `retain`). */
  readonly text: string;
  readonly textMode: TextMode;
  readonly rationale: string;
  /** A short summary as the proponent headed it (`Add reference to digital dignity`). */
  readonly summary: string;
  readonly status: Status;
  readonly decision: Decision | null;
  readonly decisionNote: string;
  /** For `alternative` and `merged`: the proposal this one competes with or was merged into. */
  readonly relatedTo: ProposalId | null;
  readonly links: readonly ProposalLink[];
  readonly versions: readonly ProposalVersion[];
  /** True for demo proposals written for illustration, never real submissions. */
  readonly illustrative: boolean;
  readonly source: SourceRef | null;
  /** The text the proposal was written against, when known (absent for older data). */
  readonly base?: BaseRef | null;
  /** For an `applied` proposal: the revision it shaped and where (absent otherwise). */
  readonly appliedIn?: AppliedIn | null;
}

/** A set of proposals, as `bis.proposals/2` carries it. */
export interface ProposalSet {
  /** The base text's title, when the proposals were resolved against one. */
  readonly base: string | null;
  readonly parties: readonly Party[];
  readonly proposals: readonly Proposal[];
}

/** One circulated version of the text. */
export interface RevisionInfo {
  /** `Zero draft`, `Rev.1` … */
  readonly name: string;
  /** 0 for the zero draft, then 1, 2 … */
  readonly number: number;
  readonly state: 'working' | 'frozen' | 'published';
  /** ISO 8601, when published. */
  readonly publishedAt: string | null;
  /** Tabling deadline (ISO 8601), or null for none. */
  readonly deadline: string | null;
}

/** One negotiation. */
export interface Process {
  readonly title: string;
  readonly symbol: string | null;
  /** Whether the public may read the published text and the compilation. */
  readonly public: boolean;
  readonly revisions: readonly RevisionInfo[];
}

/** The paragraphs of a document, in order. */
export const paragraphsOf = (doc: BisDocument): Paragraph[] =>
  doc.blocks.filter((b): b is Paragraph => b.kind === 'paragraph');
