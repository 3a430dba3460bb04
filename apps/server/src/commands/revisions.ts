/**
 * Revision commands: open the next revision, apply decided proposals to it, keep paragraph
 * statuses and brackets, freeze tabling, publish Rev.N with its concordance and input report,
 * and read revisions, concordances, comparisons and carried-over proposals.
 *
 * The working text lives in the `next` Yjs document (the chairs edit it live); the working
 * record (which proposals were applied where, statuses, brackets) lives in the db. Commands of
 * one process run one at a time (`serial`), and each computes and writes the text inside one
 * transaction of the `next` document, so a chair's concurrent edit is never half-read.
 */
import {
  type ApplyDecidedResult,
  applyDecided,
  type BisDocument,
  BisInputError,
  type Bracket,
  baseRefOf,
  type CarriedProposal,
  carryOver,
  closeCycle,
  documentFromJSON,
  documentToJSON,
  emptyWorkingState,
  type InputReportRow,
  inputReport,
  isApplied,
  markAppliedByHand,
  PARAGRAPH_STATUSES,
  type ParagraphStatus,
  type Proposal,
  paragraphId,
  paragraphsOf,
  proposalId,
  provenanceOf,
  publishRevision,
  type ReanchorEntry,
  type Result,
  type RevisionConcordanceRow,
  type RevisionConflict,
  setBrackets,
  setParagraphStatus,
  type WorkingState,
  workingStateFromJSON,
} from '@bis/core';
import { z } from 'zod';
import { conflict, invalid, notFound } from '../api/errors';
import type { Principal } from '../auth/principal';
import { newId } from '../auth/tokens';
import type { RevisionRow, WorkRow } from '../db/types';
import { audit, readableProcess, requireChair, requireMember, type Services } from './context';
import { revisionBase } from './export-bases';
import { createDraft } from './proposals';
import { type RebasedDrafts, rebaseDrafts } from './rebase-drafts';
import { patchNextText, workingText } from './revisions-text';
import { nextDoc, publishToCompilation, revisionDoc, writeRevisionText } from './yjs-docs';

/** POST …/next/proposals/{id}/apply */
export const ApplyBody = z
  .object({
    force: z
      .boolean()
      .optional()
      .describe(
        'Apply on top of an earlier change to the same paragraph or a moved anchor (a conflict seen)',
      ),
  })
  .strict();
/** POST …/next/proposals/{id}/by-hand */
export const ByHandBody = z
  .object({
    paragraphs: z.array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)).max(50),
    note: z.string().max(2000).default(''),
  })
  .strict();
/** PUT …/next/paragraphs/{para} */
export const ParagraphBody = z
  .object({
    status: z.enum(PARAGRAPH_STATUSES).optional(),
    brackets: z
      .array(
        z
          .object({
            passage: z.string().min(1).max(5000),
            alternatives: z.array(z.string().min(1).max(5000)).max(10).default([]),
          })
          .strict(),
      )
      .max(50)
      .optional(),
  })
  .strict();
/** POST …/next and POST …/next/publish */
export const OpenBody = z.object({ reset: z.boolean().optional() }).strict();
/** POST …/next/publish */
export const PublishBody = z.object({ name: z.string().trim().min(1).max(100).optional() }).strict();
/** PUT …/tabling */
export const TablingBody = z
  .object({
    open: z.boolean().describe('false: frozen, no new proposals are tabled against the current revision'),
    deadline: z.iso.datetime({ offset: true }).nullable().describe('Tabling closes after this instant'),
  })
  .strict();

const chains = new Map<string, Promise<unknown>>();
// One revision command at a time per process: they read and write the working record and text.
const serial = <T>(processId: string, fn: () => Promise<T>): Promise<T> => {
  const prev = chains.get(processId) ?? Promise.resolve();
  const run = prev.then(fn, fn);
  const tail = run.catch(() => {});
  chains.set(processId, tail);
  void tail.then(() => {
    if (chains.get(processId) === tail) chains.delete(processId);
  });
  return run;
};

const revisionRow = (svc: Services, processId: string, n: number): RevisionRow => {
  const r = svc.db.listRevisions(processId).find((x) => x.number === n);
  if (!r?.document) throw notFound(`No published revision ${n} in this process.`);
  return r;
};
const revisionText = (svc: Services, processId: string, n: number): BisDocument =>
  documentFromJSON(revisionRow(svc, processId, n).document);

const nextName = (n: number): string => `Rev.${n}`;

const work = (svc: Services, processId: string): WorkRow & { state: WorkingState } => {
  const w = svc.db.getWork(processId);
  if (!w) throw conflict('No next revision is open: open it first (POST …/next).');
  return { ...w, state: workingStateFromJSON(w.data) };
};

const saveWork = (svc: Services, w: WorkRow, state: WorkingState): void => {
  const now = svc.db.getWork(w.processId);
  // `serial` makes this impossible within one server; a second server process would trip it.
  if (!now || now.version !== w.version) throw conflict('The next revision changed meanwhile: retry.');
  svc.db.putWork({ ...w, version: w.version + 1, data: state, updatedAt: svc.now() });
};

const outcome = <T>(r: Result<T>): T => {
  if (r.ok) return r.value;
  throw conflict(r.reason);
};

/** A decided proposal waiting to be applied, with what would stop it now. */
export interface Candidate {
  readonly proposal: Proposal;
  readonly conflicts: readonly RevisionConflict[];
}

/** The next revision as the chairs' screen shows it. */
export interface NextView {
  readonly base: number;
  readonly baseName: string;
  readonly name: string;
  readonly version: number;
  readonly document: ReturnType<typeof documentToJSON>;
  readonly provenance: ReturnType<typeof provenanceOf>;
  readonly state: WorkingState;
  /** Accepted tabled proposals against the base revision, not yet applied. */
  readonly candidates: readonly Candidate[];
}

const candidatesOf = (
  svc: Services,
  processId: string,
  base: number,
  doc: BisDocument,
  state: WorkingState,
): Candidate[] =>
  svc.db
    .listProposals(processId)
    .filter((r) => r.revision === base)
    .map((r) => r.proposal)
    .filter(
      (p) =>
        p.status === 'tabled' &&
        (p.decision === 'accepted' || p.decision === 'accepted-as-modified') &&
        !isApplied(state, p.id),
    )
    .map((p) => {
      let k = 0;
      // A dry run: the ids it makes are thrown away.
      const r = applyDecided(doc, state, [p], { newId: () => `dry-run-${++k}` });
      return { proposal: p, conflicts: r.conflicts };
    });

/** The next revision's working text, provenance and candidates. Co-facilitators and secretariat. */
export const viewNext = async (svc: Services, p: Principal | null, processId: string): Promise<NextView> => {
  readableProcess(svc, p, processId);
  requireChair(svc, p, processId);
  const w = work(svc, processId);
  const base = revisionRow(svc, processId, w.base);
  const baseDoc = documentFromJSON(base.document);
  const doc = await svc.hub.read(nextDoc(processId), workingText);
  return {
    base: w.base,
    baseName: base.name,
    name: nextName(w.base + 1),
    version: w.version,
    document: documentToJSON(doc),
    provenance: provenanceOf(baseDoc, doc, w.state),
    state: w.state,
    candidates: candidatesOf(svc, processId, w.base, doc, w.state),
  };
};

/**
 * Opens the next revision: the `next` document becomes a copy of the current revision and the
 * working record starts empty. Refused (409) when one is open already, unless `reset`.
 */
export const openNext = (svc: Services, p: Principal | null, processId: string, reset = false) =>
  serial(processId, async () => {
    const proc = readableProcess(svc, p, processId);
    const user = requireChair(svc, p, processId);
    if (svc.db.getWork(processId) && !reset)
      throw conflict(
        'The next revision is open already; pass "reset": true to start it again from the current revision.',
      );
    const current = revisionText(svc, processId, proc.currentRevision);
    const name = nextName(proc.currentRevision + 1);
    await svc.hub.transact(
      nextDoc(processId),
      (doc) => writeRevisionText(doc, { ...current, revision: name }),
      user.userId,
    );
    svc.db.transaction(() => {
      svc.db.putWork({
        processId,
        base: proc.currentRevision,
        version: 1,
        data: emptyWorkingState(proc.currentRevision),
        updatedAt: svc.now(),
      });
      audit(svc, user, processId, 'revision.open', { base: proc.currentRevision, name, reset });
    });
    return { base: proc.currentRevision, name };
  });

/** The outcome of applying one proposal. */
export type ApplyOutcome =
  | { readonly ok: true; readonly applied: ApplyDecidedResult['applied'] }
  | { readonly ok: false; readonly conflicts: readonly RevisionConflict[] };

/**
 * Applies a tabled, accepted proposal to the next revision: its paragraphs are rewritten in the
 * `next` document with tracked changes naming it, and the working record notes where it landed.
 * Conflicts are returned (nothing changes), unless `force` applies it over them.
 */
export const applyToNext = (
  svc: Services,
  p: Principal | null,
  processId: string,
  id: string,
  options: { force?: boolean | undefined },
): Promise<ApplyOutcome> =>
  serial(processId, async () => {
    readableProcess(svc, p, processId);
    const user = requireChair(svc, p, processId);
    const w = work(svc, processId);
    const row = svc.db.getProposal(processId, id);
    if (!row) throw notFound(`No tabled proposal "${id}" in this process.`);
    if (row.revision !== w.base) {
      // Never applied to a text it was not written against: the party carries it over instead.
      const name = (n: number) =>
        svc.db.listRevisions(processId).find((r) => r.number === n)?.name ?? `revision ${n}`;
      throw conflict(
        `This proposal was tabled against ${name(row.revision)}, not against ${name(w.base)}, the revision being revised; its party can carry it over to the current revision and table it again.`,
      );
    }
    const baseDoc = revisionText(svc, processId, w.base);
    let result: ApplyDecidedResult | null = null;
    let damaged = false;
    await svc.hub.transact(
      nextDoc(processId),
      (doc) => {
        const before = workingText(doc);
        if (paragraphsOf(before).some((x) => x.id === '')) {
          damaged = true;
          return;
        }
        const r = applyDecided(before, w.state, [row.proposal], {
          newId: () => newId(),
          ...(options.force ? { force: true } : {}),
        });
        result = r;
        if (r.applied.length === 0) return;
        const proposalOf = new Map<string, typeof row.proposal.id>();
        for (const a of r.applied)
          for (const pid of [...a.changed, ...a.inserted, ...(a.moved ? [a.moved] : [])])
            proposalOf.set(pid, a.proposal);
        patchNextText(doc, baseDoc, before, r.document, {
          proposalOf,
          by: user.userId,
          at: new Date(svc.now()).toISOString(),
        });
      },
      user.userId,
    );
    if (damaged)
      throw conflict('A paragraph of the working text has no id yet (being edited): retry in a moment.');
    const r = result as ApplyDecidedResult | null;
    if (!r) throw new Error('apply did not run');
    if (r.applied.length === 0) return { ok: false, conflicts: r.conflicts };
    svc.db.transaction(() => {
      saveWork(svc, w, r.state);
      audit(svc, user, processId, 'revision.apply', {
        proposal: id,
        force: options.force === true,
        changed: r.applied.flatMap((a) => [...a.changed, ...a.inserted]),
        removed: r.applied.flatMap((a) => a.removed),
      });
    });
    return { ok: true, applied: r.applied };
  });

/**
 * Records a proposal as applied by the chairs by hand (they merged it into the text themselves,
 * typically to resolve a conflict), naming the paragraphs it now shapes.
 */
export const applyByHand = (
  svc: Services,
  p: Principal | null,
  processId: string,
  id: string,
  input: { paragraphs: readonly string[]; note: string },
) =>
  serial(processId, async () => {
    readableProcess(svc, p, processId);
    const user = requireChair(svc, p, processId);
    const w = work(svc, processId);
    const row = svc.db.getProposal(processId, id);
    if (!row) throw notFound(`No tabled proposal "${id}" in this process.`);
    if (row.proposal.decision !== 'accepted' && row.proposal.decision !== 'accepted-as-modified')
      throw conflict('Only accepted proposals are applied; record the decision first.');
    const doc = await svc.hub.read(nextDoc(processId), workingText);
    const state = outcome(
      markAppliedByHand(doc, w.state, row.proposal, input.paragraphs.map(paragraphId), input.note),
    );
    svc.db.transaction(() => {
      saveWork(svc, w, state);
      audit(svc, user, processId, 'revision.apply-by-hand', {
        proposal: id,
        paragraphs: input.paragraphs,
        note: input.note,
      });
    });
    return { ok: true as const, state };
  });

/** Sets a paragraph's status and/or brackets in the next revision. */
export const setParagraph = (
  svc: Services,
  p: Principal | null,
  processId: string,
  para: string,
  input: { status?: ParagraphStatus | undefined; brackets?: readonly Bracket[] | undefined },
) =>
  serial(processId, async () => {
    readableProcess(svc, p, processId);
    const user = requireChair(svc, p, processId);
    const w = work(svc, processId);
    const doc = await svc.hub.read(nextDoc(processId), workingText);
    const pid = paragraphId(para);
    if (!paragraphsOf(doc).some((x) => x.id === pid))
      throw notFound(`No paragraph "${para}" in the working text.`);
    let state = w.state;
    if (input.brackets !== undefined) state = outcome(setBrackets(doc, state, pid, input.brackets));
    if (input.status !== undefined) state = outcome(setParagraphStatus(doc, state, pid, input.status));
    svc.db.transaction(() => {
      saveWork(svc, w, state);
      audit(svc, user, processId, 'revision.paragraph', { paragraph: para, ...input });
    });
    return state.paragraphs[pid] ?? null;
  });

/**
 * Opens or closes tabling against the current revision, with an optional deadline; `tableProposal`
 * refuses tabling while it is frozen or after the deadline.
 */
export const setTabling = (
  svc: Services,
  p: Principal | null,
  processId: string,
  input: { open: boolean; deadline: string | null },
) => {
  const proc = readableProcess(svc, p, processId);
  const user = requireChair(svc, p, processId);
  const row = revisionRow(svc, processId, proc.currentRevision);
  const next: RevisionRow = {
    ...row,
    state: input.open ? 'published' : 'frozen',
    deadline: input.deadline === null ? null : Date.parse(input.deadline),
  };
  svc.db.transaction(() => {
    svc.db.putRevision(next);
    audit(svc, user, processId, 'revision.tabling', { revision: row.number, ...input });
  });
  const { document: _, ...shown } = next;
  return shown;
};

/** What a publication returns. */
export interface Published {
  readonly number: number;
  readonly name: string;
  readonly concordance: readonly RevisionConcordanceRow[];
  /** The proposals now "applied in Rev.N". */
  readonly applied: readonly string[];
  /** What became of the other tabled proposals: carried over to Rev.N by content, or not placed. */
  readonly carried: readonly ReanchorEntry[];
  /** What became of the drafts in each party's workspace (re-based onto Rev.N the same way). */
  readonly drafts: readonly RebasedDrafts[];
}

/**
 * Publishes the next revision as Rev.N: renumbered, frozen as `p/<pid>/rev/<n>` and in the db,
 * with its concordance and input report; it becomes the current revision. It closes the cycle
 * (`closeCycle`): proposals applied to it become "applied in Rev.N" with the passages they
 * shaped and leave the working compilation; the other tabled ones are re-anchored on Rev.N by
 * content and tabled against it from then on, except those that could not be placed, which stay
 * attached to the old revision for their party to carry over by hand (see `carriedOver`). The
 * report of the carry-over is kept beside the input report (`getCarried`).
 */
export const publishNext = (
  svc: Services,
  p: Principal | null,
  processId: string,
  input: { name?: string | undefined },
) =>
  serial(processId, async (): Promise<Published> => {
    readableProcess(svc, p, processId);
    const user = requireChair(svc, p, processId);
    const w = work(svc, processId);
    const number = w.base + 1;
    const name = input.name ?? nextName(number);
    const previous = revisionText(svc, processId, w.base);
    const working = await svc.hub.read(nextDoc(processId), workingText);
    let pub: ReturnType<typeof publishRevision>;
    try {
      pub = publishRevision(previous, working, w.state, name);
    } catch (e) {
      if (e instanceof BisInputError) throw invalid(e.message, 'name');
      throw e;
    }
    const { document, concordance } = outcome(pub);
    const proposals = svc.db
      .listProposals(processId)
      .filter((r) => r.revision === w.base)
      .map((r) => r.proposal);
    const report = inputReport(proposals, w.state, concordance, working);
    const closed = outcome(
      closeCycle(
        proposals,
        w.state,
        previous,
        document,
        { name, number },
        revisionBase(svc, processId, w.base)?.ref,
      ),
    );
    const rowOf = new Map(
      svc.db
        .listProposals(processId)
        .filter((r) => r.revision === w.base)
        .map((r) => [r.proposal.id as string, r] as const),
    );
    // The frozen document first: until the db records the publication nobody is pointed at it.
    await svc.hub.transact(
      revisionDoc(processId, number),
      (doc) => writeRevisionText(doc, document),
      user.userId,
    );
    const now = svc.now();
    svc.db.transaction(() => {
      if (svc.db.getWork(processId)?.version !== w.version)
        throw conflict('The next revision changed meanwhile: retry.');
      svc.db.putRevision({
        processId,
        number,
        name,
        state: 'published',
        publishedAt: now,
        deadline: null,
        document: documentToJSON(document),
      });
      svc.db.setCurrentRevision(processId, number);
      svc.db.putRevisionRecord(processId, number, 'concordance', concordance);
      svc.db.putRevisionRecord(processId, number, 'report', report);
      svc.db.putRevisionRecord(processId, number, 'work', w.state);
      svc.db.putRevisionRecord(processId, number, 'carried', closed.report);
      for (const x of closed.applied) {
        const row = rowOf.get(x.id);
        if (row) svc.db.putProposal({ ...row, proposal: x, updatedAt: now });
      }
      for (const x of closed.carried) {
        const row = rowOf.get(x.id);
        if (row) svc.db.putProposal({ ...row, revision: number, proposal: x, updatedAt: now });
      }
      svc.db.deleteWork(processId);
      audit(svc, user, processId, 'revision.publish', {
        number,
        name,
        paragraphs: paragraphsOf(document).length,
        applied: w.state.applied.length,
        carried: closed.carried.length,
        unplaced: closed.unplaced.length,
      });
    });
    // Drafts follow (each workspace in one transaction); a failure leaves them on the old text,
    // where tabling re-anchors nothing, so it is logged rather than failing a done publication.
    let drafts: RebasedDrafts[] = [];
    try {
      drafts = await rebaseDrafts(
        svc,
        processId,
        previous,
        revisionBase(svc, processId, w.base)?.ref ?? baseRefOf(previous),
        document,
        new Set(closed.applied.map((x) => x.id as string)),
        user.userId,
      );
    } catch (e) {
      console.error(`bis: drafts of ${processId} were not re-based onto ${name}:`, e);
    }
    const changed = [...closed.applied, ...closed.carried].map((x) => x.id as string);
    try {
      await publishToCompilation(svc.hub, svc.db, processId, changed);
    } catch (e) {
      // The db is the record; the next start (`reconcileCompilation`) heals the compilation.
      console.error(`bis: the compilation of ${processId} lags behind the db until the next start:`, e);
    }
    // The next document keeps the published working text (with its tracked changes) until the next
    // revision is opened, which rewrites it: rewriting it here would double the time to publish.
    return {
      number,
      name,
      concordance,
      applied: closed.applied.map((x) => x.id as string),
      carried: closed.report,
      drafts,
    };
  });

/**
 * The carry-over report of revision `n`: each proposal tabled against `n - 1` and not applied,
 * placed on revision `n` by content (kept, moved, merged into new wording, on a reworded
 * paragraph) or not placed.
 */
export const getCarried = (
  svc: Services,
  p: Principal | null,
  processId: string,
  n: number,
): ReanchorEntry[] => {
  readableProcess(svc, p, processId);
  revisionRow(svc, processId, n);
  const rows = svc.db.getRevisionRecord(processId, n, 'carried') as ReanchorEntry[] | null;
  if (!rows) throw notFound(`Revision ${n} has no carry-over report (published before it was kept).`);
  return rows;
};

/** A published revision's concordance (`from` the previous revision `to` this one). */
export const getConcordance = (svc: Services, p: Principal | null, processId: string, n: number) => {
  readableProcess(svc, p, processId);
  revisionRow(svc, processId, n);
  const rows = svc.db.getRevisionRecord(processId, n, 'concordance') as RevisionConcordanceRow[] | null;
  if (!rows) throw notFound(`Revision ${n} has no concordance (the zero draft was not renumbered).`);
  return rows;
};

/** The input report of revision `n`: each proposal tabled against `n - 1`, its decision and landing. */
export const getReport = (
  svc: Services,
  p: Principal | null,
  processId: string,
  n: number,
): InputReportRow[] => {
  readableProcess(svc, p, processId);
  revisionRow(svc, processId, n);
  const rows = svc.db.getRevisionRecord(processId, n, 'report') as InputReportRow[] | null;
  if (!rows) throw notFound(`Revision ${n} has no input report.`);
  return rows;
};

/** Two published revisions' texts, for comparison. */
export const revisionPair = (svc: Services, p: Principal | null, processId: string, a: number, b: number) => {
  readableProcess(svc, p, processId);
  return { old: revisionText(svc, processId, a), new: revisionText(svc, processId, b) };
};

/**
 * The proposals of `party` still tabled against the previous revision and not applied (those
 * publication could not place on the current revision, or published before publication carried
 * proposals over), carried over through the concordance (targets relabelled), ready to be re-tabled.
 */
export const carriedOver = (
  svc: Services,
  p: Principal | null,
  processId: string,
  party: string,
): CarriedProposal[] => {
  const proc = readableProcess(svc, p, processId);
  const n = proc.currentRevision;
  if (n === 0) return [];
  const applied = svc.db.getRevisionRecord(processId, n, 'work');
  const state = applied ? workingStateFromJSON(applied) : emptyWorkingState(n - 1);
  const rows = getConcordance(svc, p, processId, n);
  const pending = svc.db
    .listProposals(processId)
    .filter((r) => r.partyId === party && r.revision === n - 1)
    .map((r) => r.proposal)
    .filter(
      (x) =>
        x.status === 'tabled' &&
        !isApplied(state, x.id) &&
        x.decision !== 'not-retained' &&
        x.decision !== 'merged',
    );
  return carryOver(pending, rows, revisionText(svc, processId, n), (id) => proposalId(`${id}-r${n}`));
};

/**
 * Copies one carried-over proposal (see `carriedOver`) into the
 * party's workspace as a draft against the current revision, for the party to review and table.
 * Members of the party only; 404 when the proposal is not among the party's carried-over ones.
 */
export const carryIntoWorkspace = async (
  svc: Services,
  p: Principal | null,
  processId: string,
  party: string,
  from: string,
) => {
  const member = requireMember(svc, p, processId, party);
  const carried = carriedOver(svc, p, processId, member.id).find((c) => c.from === from);
  if (!carried)
    throw notFound(`No proposal "${from}" of ${member.name} to carry over to the current revision.`);
  const d = carried.draft;
  const draft = await createDraft(svc, p, processId, member.id, {
    action: d.action,
    targets: d.targets,
    position: d.position,
    label: d.label,
    summary: d.summary,
    textMode: d.textMode,
    text: d.text,
    rationale: d.rationale,
    links: d.links,
    illustrative: d.illustrative,
    source: d.source,
  });
  svc.db.transaction(() =>
    audit(svc, p, processId, 'revision.carry-over', {
      party: member.id,
      from,
      draft: draft.id,
      lost: carried.lost,
    }),
  );
  return { draft, lost: carried.lost };
};
