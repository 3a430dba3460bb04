import { BisInputError } from './errors';
import type { Action, BisDocument, Paragraph, ParagraphId, ProposalId } from './model';
import { paragraphId, paragraphsOf, proposalId } from './model';
import { ok, type Result, refused } from './workflow';

/**
 * The chairs' record of the next revision while they build it: beside the working text (which
 * lives in the `next` document), what each paragraph's status is, which bracketed passages it
 * holds with their alternatives, which proposals shaped it, and which proposals were applied.
 *
 * Values are plain JSON; every function returns a new state.
 */

/** Where a paragraph of the working text stands in the negotiation. */
export const PARAGRAPH_STATUSES = ['pending', 'agreed-ad-ref', 'agreed'] as const;
/** A paragraph's status: `pending` (under negotiation), `agreed-ad-ref` (agreed ad referendum), `agreed`. */
export type ParagraphStatus = (typeof PARAGRAPH_STATUSES)[number];

/**
 * A bracketed passage: `passage` is text of the paragraph still in dispute (`[…]` when printed),
 * and `alternatives` are competing wordings for it (`[A] / [B]`). Kept as text, not offsets, so
 * that edits elsewhere in the paragraph never shift it; it is found by its first occurrence.
 */
export interface Bracket {
  readonly passage: string;
  readonly alternatives: readonly string[];
}

/** What the chairs know about one paragraph of the working text. */
export interface ParagraphState {
  readonly status: ParagraphStatus;
  readonly brackets: readonly Bracket[];
  /** The proposals that shaped the paragraph, in the order they were applied. */
  readonly proposals: readonly ProposalId[];
  /**
   * The paragraph's full text (see `fullParagraphText`) as the last application left it, to tell
   * the chairs' own edits from the proposals'; null when no proposal has touched it.
   */
  readonly applied: string | null;
  /** True after an `accepted-as-modified` proposal: the chairs still have to edit it. */
  readonly editing: boolean;
}

/** One proposal applied to the working text and what it did there. */
export interface AppliedRecord {
  readonly proposal: ProposalId;
  readonly action: Action;
  /** `accepted-as-modified`: applied, then opened for the chairs' editing. */
  readonly modified: boolean;
  /** True when the chairs applied it by hand (they resolved a conflict by editing). */
  readonly byHand: boolean;
  /** Paragraphs whose text changed (or that a retention kept). */
  readonly changed: readonly ParagraphId[];
  /** Paragraphs it created. */
  readonly inserted: readonly ParagraphId[];
  /** Paragraphs it removed. */
  readonly removed: readonly ParagraphId[];
  /** The paragraph it moved, if any. */
  readonly moved: ParagraphId | null;
  /** The chairs' note (why it was applied by hand, how it was modified). */
  readonly note: string;
}

/** The chairs' record of the next revision. */
export interface WorkingState {
  /** The number of the revision the working text started from (0 for the zero draft). */
  readonly base: number;
  readonly applied: readonly AppliedRecord[];
  /** Per paragraph id; a paragraph missing here is `pending`, unbracketed and untouched. */
  readonly paragraphs: Readonly<Record<string, ParagraphState>>;
}

/** A fresh working state for a next revision built on revision `base`. */
export const emptyWorkingState = (base: number): WorkingState => ({ base, applied: [], paragraphs: {} });

/** The default state of a paragraph nobody has touched. */
export const UNTOUCHED: ParagraphState = {
  status: 'pending',
  brackets: [],
  proposals: [],
  applied: null,
  editing: false,
};

/** The state of paragraph `id` (`UNTOUCHED` when it has none). */
export const paragraphState = (state: WorkingState, id: ParagraphId): ParagraphState =>
  state.paragraphs[id] ?? UNTOUCHED;

/** A paragraph's text with its points, one per line (`(a) …`): what provenance compares. */
export const fullParagraphText = (p: Paragraph): string =>
  [p.text, ...p.points.map((pt) => `(${pt.label}) ${pt.text}`)].join('\n');

/** True when `proposal` has been applied to the working text (by `apply` or by hand). */
export const isApplied = (state: WorkingState, proposal: ProposalId): boolean =>
  state.applied.some((a) => a.proposal === proposal);

const withParagraph = (
  state: WorkingState,
  id: ParagraphId,
  patch: Partial<ParagraphState>,
): WorkingState => ({
  ...state,
  paragraphs: { ...state.paragraphs, [id]: { ...paragraphState(state, id), ...patch } },
});

const findParagraph = (doc: BisDocument, id: ParagraphId): Paragraph | undefined =>
  paragraphsOf(doc).find((p) => p.id === id);

/**
 * Sets a paragraph's status. Refused when the paragraph is not in the working text, or when it
 * is to be `agreed` while it still holds brackets or awaits the chairs' edit of a modified proposal.
 */
export const setParagraphStatus = (
  doc: BisDocument,
  state: WorkingState,
  id: ParagraphId,
  status: ParagraphStatus,
): Result<WorkingState> => {
  if (!(PARAGRAPH_STATUSES as readonly string[]).includes(status))
    throw new BisInputError(`status must be one of ${PARAGRAPH_STATUSES.join(', ')}`, 'status', status);
  const para = findParagraph(doc, id);
  if (!para) return refused(`There is no paragraph ${id} in the working text.`);
  const s = paragraphState(state, id);
  if (status === 'agreed' && s.brackets.length > 0)
    return refused(`§${para.label} still has bracketed text: settle the brackets before marking it agreed.`);
  // Marking a paragraph agreed (or ad ref) closes the chairs' editing of a modified proposal.
  return ok(withParagraph(state, id, { status, editing: status === 'pending' ? s.editing : false }));
};

/**
 * Replaces a paragraph's bracketed passages. Refused when the paragraph is not in the working
 * text, a passage is empty or not in its text, or two passages are the same; an alternative
 * must not be empty. A paragraph that gains brackets is no longer `agreed`.
 */
export const setBrackets = (
  doc: BisDocument,
  state: WorkingState,
  id: ParagraphId,
  brackets: readonly Bracket[],
): Result<WorkingState> => {
  const para = findParagraph(doc, id);
  if (!para) return refused(`There is no paragraph ${id} in the working text.`);
  const full = fullParagraphText(para);
  const seen = new Set<string>();
  for (const [i, b] of brackets.entries()) {
    if (b.passage.trim() === '') return refused(`Bracket ${i + 1} of §${para.label} has no text.`);
    if (!full.includes(b.passage))
      return refused(`Bracket ${i + 1} of §${para.label}: "${b.passage}" is not in its text.`);
    if (seen.has(b.passage)) return refused(`§${para.label} brackets "${b.passage}" twice.`);
    seen.add(b.passage);
    if (b.alternatives.some((a) => a.trim() === ''))
      return refused(`Bracket ${i + 1} of §${para.label} has an empty alternative.`);
  }
  const s = paragraphState(state, id);
  const status = brackets.length > 0 && s.status === 'agreed' ? 'pending' : s.status;
  return ok(
    withParagraph(state, id, {
      brackets: brackets.map((b) => ({ passage: b.passage, alternatives: [...b.alternatives] })),
      status,
    }),
  );
};

/**
 * `text` with its bracketed passages printed the UN way: `[passage]`, or with alternatives
 * `[passage] / [alternative 1] / [alternative 2]`. A passage no longer in the text is skipped.
 */
export const bracketedText = (text: string, brackets: readonly Bracket[]): string => {
  let out = text;
  for (const b of brackets) {
    const at = out.indexOf(b.passage);
    if (at < 0) continue;
    const printed = [b.passage, ...b.alternatives].map((s) => `[${s}]`).join(' / ');
    out = out.slice(0, at) + printed + out.slice(at + b.passage.length);
  }
  return out;
};

/**
 * Records that the chairs applied `proposal` by hand (after a conflict, they edited the text
 * themselves): it counts as applied, and the paragraphs named now carry it in their provenance.
 */
export const markAppliedByHand = (
  doc: BisDocument,
  state: WorkingState,
  proposal: { readonly id: ProposalId; readonly action: Action },
  paragraphs: readonly ParagraphId[],
  note: string,
): Result<WorkingState> => {
  if (isApplied(state, proposal.id)) return refused('This proposal has already been applied.');
  let next: WorkingState = {
    ...state,
    applied: [
      ...state.applied,
      {
        proposal: proposal.id,
        action: proposal.action,
        modified: false,
        byHand: true,
        changed: [...paragraphs],
        inserted: [],
        removed: [],
        moved: null,
        note,
      },
    ],
  };
  for (const id of paragraphs) {
    const para = findParagraph(doc, id);
    if (!para) return refused(`There is no paragraph ${id} in the working text.`);
    const s = paragraphState(next, id);
    next = withParagraph(next, id, {
      proposals: s.proposals.includes(proposal.id) ? s.proposals : [...s.proposals, proposal.id],
      applied: fullParagraphText(para),
    });
  }
  return ok(next);
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown, path: string): string[] => {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
    throw new BisInputError('expected an array of strings', path, v);
  return v as string[];
};

/** Reads a working state stored as JSON; throws BisInputError naming the bad field. */
export const workingStateFromJSON = (v: unknown): WorkingState => {
  if (!isRecord(v)) throw new BisInputError('expected an object', '', v);
  if (typeof v.base !== 'number' || !Number.isInteger(v.base) || v.base < 0)
    throw new BisInputError('expected a revision number', 'base', v.base);
  if (!Array.isArray(v.applied)) throw new BisInputError('expected an array', 'applied', v.applied);
  const applied = v.applied.map((a: unknown, i): AppliedRecord => {
    const path = `applied[${i}]`;
    if (!isRecord(a) || typeof a.proposal !== 'string' || typeof a.action !== 'string')
      throw new BisInputError('expected an applied record', path, a);
    return {
      proposal: proposalId(a.proposal),
      action: a.action as Action,
      modified: a.modified === true,
      byHand: a.byHand === true,
      changed: strings(a.changed, `${path}.changed`).map(paragraphId),
      inserted: strings(a.inserted, `${path}.inserted`).map(paragraphId),
      removed: strings(a.removed, `${path}.removed`).map(paragraphId),
      moved: typeof a.moved === 'string' ? paragraphId(a.moved) : null,
      note: typeof a.note === 'string' ? a.note : '',
    };
  });
  if (!isRecord(v.paragraphs)) throw new BisInputError('expected an object', 'paragraphs', v.paragraphs);
  const paragraphs: Record<string, ParagraphState> = {};
  for (const [id, s] of Object.entries(v.paragraphs)) {
    const path = `paragraphs.${id}`;
    if (!isRecord(s) || !(PARAGRAPH_STATUSES as readonly unknown[]).includes(s.status))
      throw new BisInputError('expected a paragraph state', path, s);
    if (!Array.isArray(s.brackets))
      throw new BisInputError('expected an array', `${path}.brackets`, s.brackets);
    paragraphs[id] = {
      status: s.status as ParagraphStatus,
      brackets: s.brackets.map((b: unknown, i) => {
        if (!isRecord(b) || typeof b.passage !== 'string')
          throw new BisInputError('expected a bracket', `${path}.brackets[${i}]`, b);
        return {
          passage: b.passage,
          alternatives: strings(b.alternatives, `${path}.brackets[${i}].alternatives`),
        };
      }),
      proposals: strings(s.proposals, `${path}.proposals`).map(proposalId),
      applied: typeof s.applied === 'string' ? s.applied : null,
      editing: s.editing === true,
    };
  }
  return { base: v.base, applied, paragraphs };
};
