import { BisInputError } from './errors';
import type { Decision, Proposal, ProposalId, ProposalVersion, RevisionInfo, Status } from './model';

/**
 * The life of a proposal: `draft` (private to its party) → `tabled` (public, each tabling
 * frozen as a numbered version) → `withdrawn`; and the chairs' decision on a tabled one.
 *
 * Every function is pure: it takes the proposal (and the clock) and returns a new proposal.
 * A refused step is an expected outcome, returned as `{ ok: false, reason }` with a sentence
 * fit to show the user; only malformed input (an invalid date) throws.
 */

/** The outcome of a workflow step: the new value, or why the step was refused. */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string };

/** A successful result. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
/** A refused result. */
export const refused = <T = never>(reason: string): Result<T> => ({ ok: false, reason });

/** The status changes the workflow allows (tabled → tabled is re-tabling an edited proposal). */
export const STATUS_TRANSITIONS: Readonly<Record<Status, readonly Status[]>> = {
  draft: ['tabled'],
  tabled: ['tabled', 'withdrawn'],
  withdrawn: [],
  applied: [],
};

/** Decisions that close a proposal; `deferred` leaves it open. */
export const FINAL_DECISIONS: readonly Decision[] = [
  'accepted',
  'accepted-as-modified',
  'merged',
  'not-retained',
];

/** True when the chairs have taken a final decision: the proposal can no longer change. */
export const isDecided = (p: Pick<Proposal, 'decision'>): boolean =>
  p.decision !== null && FINAL_DECISIONS.includes(p.decision);

/** The last tabled version (what the compilation shows), or null for a proposal never tabled. */
export const latestVersion = (p: Pick<Proposal, 'versions'>): ProposalVersion | null =>
  p.versions[p.versions.length - 1] ?? null;

/** True when the proposal's working text or rationale differs from its last tabled version. */
export const hasUntabledChanges = (p: Proposal): boolean => {
  const v = latestVersion(p);
  return v === null || v.text !== p.text || v.rationale !== p.rationale;
};

/** When `tableProposal` runs and against which revision. */
export interface TablingContext {
  /** The clock: the moment of tabling. */
  readonly now: Date;
  /** The revision the proposal amends, for its state and deadline; omit when none applies. */
  readonly revision?: RevisionInfo | null;
}

const checkDate = (d: Date, path: string): number => {
  const t = d.getTime();
  if (Number.isNaN(t)) throw new BisInputError('expected a valid date', path, d);
  return t;
};

const parseInstant = (s: string, path: string): number => {
  const t = Date.parse(s);
  if (Number.isNaN(t)) throw new BisInputError('expected an ISO 8601 timestamp', path, s);
  return t;
};

const decidedReason = (p: Proposal): string => `the chairs have decided on it (${p.decision})`;

/**
 * Tables a proposal: a draft becomes `tabled`, and its text and rationale are frozen as
 * version 1 stamped with `now`. A tabled proposal edited since (see `editProposal`) is
 * re-tabled as version 2, 3 …. Refused when withdrawn, decided, unchanged since its last
 * version, without text where its action needs one, when the revision is frozen, or after
 * the revision's tabling deadline.
 */
export const tableProposal = (p: Proposal, ctx: TablingContext): Result<Proposal> => {
  const now = checkDate(ctx.now, 'now');
  if (p.status === 'withdrawn') return refused('A withdrawn proposal cannot be tabled again.');
  if (p.status === 'applied') return refused(`It cannot be tabled again: ${appliedReason(p)}.`);
  if (isDecided(p)) return refused(`It cannot be tabled again: ${decidedReason(p)}.`);
  const rev = ctx.revision ?? null;
  if (rev !== null) {
    if (rev.state === 'frozen') return refused(`${rev.name} is frozen: tabling is closed.`);
    if (rev.deadline !== null && now > parseInstant(rev.deadline, 'revision.deadline'))
      return refused(`The tabling deadline for ${rev.name} (${rev.deadline}) has passed.`);
  }
  const needsText = p.action === 'amend' || p.action === 'insert' || p.action === 'alternative';
  if (needsText && p.text.trim() === '') return refused(`An ${p.action} proposal needs its proposed text.`);
  if (p.status === 'tabled' && !hasUntabledChanges(p))
    return refused(`Already tabled: nothing changed since version ${p.versions.length}.`);
  const version: ProposalVersion = {
    number: p.versions.length + 1,
    text: p.text,
    rationale: p.rationale,
    tabledAt: new Date(now).toISOString(),
  };
  return ok({ ...p, status: 'tabled', versions: [...p.versions, version] });
};

// "it was applied in Rev.1": an applied proposal is part of a published text and final.
const appliedReason = (p: Proposal): string =>
  `it was applied in ${p.appliedIn?.revision ?? 'a published revision'}`;

/** What a party may change in its proposal's working copy. */
export type ProposalEdit = Partial<
  Pick<
    Proposal,
    'text' | 'textMode' | 'rationale' | 'summary' | 'label' | 'targets' | 'position' | 'coSponsors' | 'links'
  >
>;

/**
 * Changes a draft or tabled proposal's working copy. A tabled proposal keeps its frozen
 * versions; the change becomes public only when it is tabled again. Refused once withdrawn
 * or decided.
 */
export const editProposal = (p: Proposal, edit: ProposalEdit): Result<Proposal> => {
  if (p.status === 'withdrawn') return refused('A withdrawn proposal cannot be edited.');
  if (p.status === 'applied') return refused(`It cannot be edited: ${appliedReason(p)}.`);
  if (isDecided(p)) return refused(`It cannot be edited: ${decidedReason(p)}.`);
  return ok({ ...p, ...edit });
};

/** Withdraws a tabled proposal. Refused for a draft (nothing public to withdraw) or once decided. */
export const withdrawProposal = (p: Proposal): Result<Proposal> => {
  if (p.status === 'draft') return refused('A draft is not tabled: delete it instead of withdrawing it.');
  if (p.status === 'withdrawn') return refused('It is already withdrawn.');
  if (p.status === 'applied') return refused(`It cannot be withdrawn: ${appliedReason(p)}.`);
  if (isDecided(p)) return refused(`It cannot be withdrawn: ${decidedReason(p)}.`);
  return ok({ ...p, status: 'withdrawn' });
};

/** Details of a decision. */
export interface DecisionDetails {
  /** The chairs' note (`merged with the EU's proposal`). */
  readonly note?: string;
  /** For `merged`: the proposal this one was merged into. */
  readonly into?: ProposalId;
}

/**
 * Records the chairs' decision on a tabled proposal (or clears it with null). The chairs may
 * revise a decision. Refused on a draft or a withdrawn proposal, and for `merged` without the
 * proposal it was merged into.
 */
export const decideProposal = (
  p: Proposal,
  decision: Decision | null,
  details: DecisionDetails = {},
): Result<Proposal> => {
  if (p.status === 'draft') return refused('Only a tabled proposal can be decided on; this one is a draft.');
  if (p.status === 'withdrawn') return refused('A withdrawn proposal cannot be decided on.');
  if (p.status === 'applied') return refused(`It cannot be decided on again: ${appliedReason(p)}.`);
  if (decision === 'merged') {
    if (details.into === undefined) return refused('Say which proposal it was merged into.');
    if (details.into === p.id) return refused('A proposal cannot be merged into itself.');
    return ok({ ...p, decision, decisionNote: details.note ?? '', relatedTo: details.into });
  }
  return ok({ ...p, decision, decisionNote: details.note ?? '' });
};

/**
 * Adds `party` to a tabled proposal's supporters. Refused when the proposal is not tabled, or
 * when the party already proposes, co-sponsors or supports it.
 */
export const supportProposal = (p: Proposal, party: string): Result<Proposal> => {
  if (party.trim() === '') throw new BisInputError('must not be empty', 'party', party);
  if (p.status !== 'tabled')
    return refused(`Only a tabled proposal can be supported; this one is ${p.status}.`);
  if (p.party === party) return refused(`${party} is the proponent.`);
  if (p.coSponsors.includes(party)) return refused(`${party} already co-sponsors it.`);
  if (p.supporters.includes(party)) return refused(`${party} already supports it.`);
  return ok({ ...p, supporters: [...p.supporters, party] });
};
