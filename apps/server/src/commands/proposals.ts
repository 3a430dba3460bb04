/**
 * Proposal commands: drafts in a party workspace, tabling (a frozen, numbered version copied
 * into the compilation), withdrawal, support, co-sponsorship, the chairs' decisions, and the
 * import of written proposals into a workspace.
 */
import {
  ACTIONS,
  type Decision,
  decideProposal,
  editProposal,
  isDecided,
  type Proposal,
  proposalId,
  type Result,
  type RevisionInfo,
  supportProposal,
  tableProposal,
  withdrawProposal,
} from '@bis/core';
import { conflict, invalid, notFound } from '../api/errors';
import { TabledDraft } from '../api/schemas';
import { check } from '../api/validate';
import type { Principal } from '../auth/principal';
import { newId } from '../auth/tokens';
import type { ProposalRow } from '../db/types';
import { audit, readableProcess, requireChair, requireMember, requireUser, type Services } from './context';
import { refuseUnplaced } from './draft-placement';
import { sameDraft, unchangedReason } from './draft-rules';
import { type Draft, type DraftInput, listDrafts, readDraft, writeDraft } from './drafts';
import { revisionBase } from './export-bases';
import { importDocx, importWritten } from './imports';
import { revisionDocument } from './processes';
import { publishToCompilation as publishNow, workspaceDoc } from './yjs-docs';

/** Creates a draft in a party's workspace document. Members of the party only. */
export const createDraft = async (
  svc: Services,
  p: Principal | null,
  processId: string,
  partyId: string,
  input: Omit<DraftInput, 'id'>,
): Promise<Draft> => {
  readableProcess(svc, p, processId);
  const party = requireMember(svc, p, processId, partyId);
  const user = requireUser(p);
  const id = newId();
  const at = new Date(svc.now()).toISOString();
  await svc.hub.transact(
    workspaceDoc(processId, party.id),
    (doc) => writeDraft(doc, { ...input, id }, party.name, user.name, at),
    user.userId,
  );
  svc.db.transaction(() => audit(svc, user, processId, 'draft.create', { party: party.id, proposal: id }));
  const draft = await svc.hub.read(workspaceDoc(processId, party.id), (doc) => readDraft(doc, id));
  if (!draft) throw new Error(`draft ${id} vanished after it was written`);
  return draft;
};

/**
 * Starts a draft as "Amend §77" (or Insert, Delete, Retain) does: when the party already has a
 * draft with the same action on the same paragraph that is still open (never tabled, or tabled
 * and neither withdrawn nor decided), that draft is returned (`created: false`) instead of a
 * duplicate, unless `another` asks for a second one.
 */
export const startDraft = async (
  svc: Services,
  p: Principal | null,
  processId: string,
  partyId: string,
  input: Omit<DraftInput, 'id'>,
  another = false,
): Promise<{ draft: Draft; created: boolean }> => {
  readableProcess(svc, p, processId);
  const party = requireMember(svc, p, processId, partyId);
  if (!another) {
    const drafts = await svc.hub.read(workspaceDoc(processId, party.id), listDrafts);
    const closed = (id: string): boolean => {
      const row = svc.db.getProposal(processId, id);
      return (
        row !== null && row !== undefined && (row.proposal.status === 'withdrawn' || isDecided(row.proposal))
      );
    };
    const same = sameDraft(drafts, input, closed);
    if (same) return { draft: same, created: false };
  }
  return { draft: await createDraft(svc, p, processId, partyId, input), created: true };
};

/** The drafts of a party's workspace. Members of the party only. */
export const getDrafts = async (svc: Services, p: Principal | null, processId: string, partyId: string) => {
  readableProcess(svc, p, processId);
  const party = requireMember(svc, p, processId, partyId);
  return svc.hub.read(workspaceDoc(processId, party.id), listDrafts);
};

// What is tabled must be what a REST body could have created: a draft edited through Yjs is
// checked again here, against the same schema (a label of thousands of characters, a malformed
// target or link is refused with the field named).
const checkDraft = (d: Draft): void => {
  if (d.targets.length === 0)
    throw invalid('The draft has no target paragraph: say which paragraph it acts on.', 'draft.targets');
  check(
    TabledDraft,
    {
      action: d.action,
      targets: d.targets,
      position: d.position,
      label: d.label,
      summary: d.summary,
      textMode: d.textMode,
      text: d.text,
      rationale: d.rationale,
      links: d.links,
    },
    'draft',
  );
  if (!(ACTIONS as readonly string[]).includes(d.action))
    throw invalid(`The draft's action "${d.action}" is not one of ${ACTIONS.join(', ')}.`, 'draft.action');

  if (!d.label.trim()) throw invalid('The draft has no label (e.g. "77" or "77 bis").', 'draft.label');
  if (d.action !== 'delete' && d.action !== 'retain' && !d.text.trim())
    throw invalid(`An ${d.action} proposal needs its proposed text.`, 'draft.text');
};

/**
 * Tables a party's draft: copies it from the workspace into the compilation as a new frozen,
 * numbered version. Tabling the same draft again after editing it adds version 2, 3 …
 */
export const table = async (
  svc: Services,
  p: Principal | null,
  processId: string,
  partyId: string,
  draftId: string,
): Promise<Proposal> => {
  const proc = readableProcess(svc, p, processId);
  const party = requireMember(svc, p, processId, partyId);
  const user = requireUser(p);
  const draft = await svc.hub.read(workspaceDoc(processId, party.id), (doc) => readDraft(doc, draftId));
  if (!draft) throw notFound(`No draft "${draftId}" in the workspace of ${party.name}.`);
  refuseUnplaced(svc, p, processId, draft);
  checkDraft(draft);
  const unchanged = currentText(svc, p, processId, (doc) => unchangedReason(draft, doc));
  if (unchanged) throw conflict(unchanged);
  const proposal = svc.db.transaction(() => {
    // Re-checked inside the transaction: the membership may have changed while we read the draft.
    requireMember(svc, p, processId, partyId);
    const old = svc.db.getProposal(processId, draftId);
    if (old && old.partyId !== party.id) throw conflict(`Proposal "${draftId}" belongs to another party.`);
    const base: Proposal = old?.proposal ?? {
      id: proposalId(draftId),
      party: party.name,
      coSponsors: [],
      supporters: [],
      status: 'draft',
      decision: null,
      decisionNote: '',
      relatedTo: null,
      versions: [],
      illustrative: draft.illustrative,
      source: draft.source,
      action: draft.action,
      targets: [],
      position: null,
      label: '',
      text: '',
      textMode: 'replace',
      rationale: '',
      summary: '',
      links: [],
    };
    const edited = outcome(
      editProposal(base, {
        targets: draft.targets,
        position: draft.position,
        label: draft.label,
        text: draft.text,
        textMode: draft.textMode,
        rationale: draft.rationale,
        summary: draft.summary,
        links: draft.links.map((l) => ({ to: proposalId(l.to), note: l.note })),
      }),
    );
    const at = svc.now();
    // The proposal records the text it is tabled against, so that exports against a later
    // revision re-anchor it instead of comparing it with wording the party never saw.
    const writtenAgainst = revisionBase(svc, proc.id, proc.currentRevision)?.ref;
    const next = outcome(
      tableProposal(
        { ...edited, action: draft.action, ...(writtenAgainst ? { base: writtenAgainst } : {}) },
        { now: new Date(at), revision: revisionInfo(svc, proc.id, proc.currentRevision) },
      ),
    );
    svc.db.putProposal({
      processId,
      partyId: party.id,
      revision: proc.currentRevision,
      proposal: next,
      updatedAt: at,
    });
    audit(svc, user, processId, 'proposal.table', {
      proposal: draftId,
      party: party.id,
      version: next.versions.length,
    });
    return next;
  });
  await publishToCompilation(svc.hub, svc.db, processId, [draftId]);
  return proposal;
};

/**
 * Writes committed proposals to the compilation document. The db is the record: if the Yjs write
 * fails after the command committed, the command still succeeded; the failure is logged and the
 * next command on the proposal, or the next start (`reconcileCompilation`), heals the document.
 */
const publishToCompilation = async (...args: Parameters<typeof publishNow>): Promise<void> => {
  try {
    await publishNow(...args);
  } catch (e) {
    console.error(`bis: the compilation of ${args[2]} lags behind the db until the next start:`, e);
  }
};

// Runs `f` on the current revision's text; a process without a published text has nothing to compare.
const currentText = <T>(
  svc: Services,
  p: Principal | null,
  processId: string,
  f: (doc: ReturnType<typeof revisionDocument>) => T | null,
): T | null => {
  let doc: ReturnType<typeof revisionDocument>;
  try {
    doc = revisionDocument(svc, p, processId);
  } catch {
    return null;
  }
  return f(doc);
};

/** The value of a workflow step, or a 409 carrying the step's reason. */
const outcome = <T>(r: Result<T>): T => {
  if (r.ok) return r.value;
  throw conflict(r.reason);
};

const revisionInfo = (svc: Services, processId: string, n: number): RevisionInfo | null => {
  const r = svc.db.listRevisions(processId).find((x) => x.number === n);
  if (!r) return null;
  return {
    name: r.name,
    number: r.number,
    state: r.state,
    publishedAt: r.publishedAt === null ? null : new Date(r.publishedAt).toISOString(),
    deadline: r.deadline === null ? null : new Date(r.deadline).toISOString(),
  };
};

const tabled = (svc: Services, processId: string, id: string): ProposalRow => {
  const row = svc.db.getProposal(processId, id);
  if (!row) throw notFound(`No tabled proposal "${id}" in this process.`);
  return row;
};

const update = async (
  svc: Services,
  user: Principal,
  row: ProposalRow,
  next: Proposal,
  action: string,
  payload: Record<string, unknown>,
): Promise<Proposal> => {
  svc.db.transaction(() => {
    svc.db.putProposal({ ...row, proposal: next, updatedAt: svc.now() });
    audit(svc, user, row.processId, action, { proposal: row.proposal.id, ...payload });
  });
  await publishToCompilation(svc.hub, svc.db, row.processId, [row.proposal.id]);
  return next;
};

/** Withdraws a tabled proposal. Members of the proponent party only. */
export const withdraw = async (svc: Services, p: Principal | null, processId: string, id: string) => {
  readableProcess(svc, p, processId);
  const user = requireUser(p);
  const row = tabled(svc, processId, id);
  requireMember(svc, p, processId, row.partyId);
  return update(svc, user, row, outcome(withdrawProposal(row.proposal)), 'proposal.withdraw', {});
};

/**
 * Adds (or removes) a party as supporter or co-sponsor of another party's tabled proposal.
 * Members of the supporting party only.
 */
export const endorse = async (
  svc: Services,
  p: Principal | null,
  processId: string,
  id: string,
  input: { party: string; kind: 'support' | 'co-sponsor'; add: boolean },
) => {
  readableProcess(svc, p, processId);
  const user = requireUser(p);
  const party = requireMember(svc, p, processId, input.party);
  const row = tabled(svc, processId, id);
  if (row.partyId === party.id)
    throw conflict(`${party.name} proposed this; it cannot ${input.kind} its own proposal.`);
  if (row.proposal.status !== 'tabled')
    throw conflict(`This proposal is ${row.proposal.status}; only tabled ones can be endorsed.`);
  const key = input.kind === 'support' ? 'supporters' : 'coSponsors';
  let next: Proposal;
  if (input.add && input.kind === 'support') next = outcome(supportProposal(row.proposal, party.name));
  else {
    const list = row.proposal[key].filter((n) => n !== party.name);
    if (input.add) {
      if (row.proposal.supporters.includes(party.name))
        throw conflict(`${party.name} supports it already; withdraw the support before co-sponsoring.`);
      list.push(party.name);
    }
    next = { ...row.proposal, [key]: list };
  }
  const action = `proposal.${input.kind}${input.add ? '' : '.remove'}`;
  return update(svc, user, row, next, action, { party: party.id });
};

/** Records the chairs' decision on a tabled proposal. Co-facilitators and secretariat only. */
export const decide = async (
  svc: Services,
  p: Principal | null,
  processId: string,
  id: string,
  input: { decision: Decision; note?: string | undefined; relatedTo?: string | undefined },
) => {
  readableProcess(svc, p, processId);
  const user = requireChair(svc, p, processId);
  const row = tabled(svc, processId, id);
  if (input.decision === 'merged' && input.relatedTo && !svc.db.getProposal(processId, input.relatedTo))
    throw invalid(`No proposal "${input.relatedTo}" to merge into.`, 'body.relatedTo');
  const next = outcome(
    decideProposal(row.proposal, input.decision, {
      ...(input.note !== undefined ? { note: input.note } : {}),
      ...(input.relatedTo !== undefined ? { into: proposalId(input.relatedTo) } : {}),
    }),
  );
  return update(svc, user, row, next, 'proposal.decide', {
    decision: input.decision,
    note: input.note ?? '',
  });
};

/** The tabled proposals of a process (the compilation), as participants (and the public) see them. */
export const listProposals = (svc: Services, p: Principal | null, processId: string): Proposal[] => {
  readableProcess(svc, p, processId);
  return svc.db.listProposals(processId).map((r) => r.proposal);
};

/** One tabled proposal. */
export const getProposal = (svc: Services, p: Principal | null, processId: string, id: string): Proposal => {
  readableProcess(svc, p, processId);
  return tabled(svc, processId, id).proposal;
};

/**
 * Imports written proposals (any form `importWrittenProposals` reads) into a party's workspace
 * as drafts, all or nothing: a line in error, or a line naming a paragraph that was not
 * understood (unless `lenient`), refuses the whole import. Labels stay as written (unresolved)
 * unless the importer resolved them against a base. A delegation's amended copy of the whole
 * text is compared with the current revision: its changes become insert, amend, delete and
 * move drafts on that revision's paragraphs.
 */
export const importProposals = async (
  svc: Services,
  p: Principal | null,
  processId: string,
  partyId: string,
  input: {
    text: string;
    /** A Word file's bytes instead of `text`. */
    docx?: Uint8Array | null;
    fileName?: string | undefined;
    resolve?: boolean | undefined;
    lenient?: boolean | undefined;
  },
  /** Marks the drafts as illustrative (the demo's own proposals); not offered over REST. */
  illustrative = false,
): Promise<{ drafts: Draft[]; warnings: string[] }> => {
  readableProcess(svc, p, processId);
  const party = requireMember(svc, p, processId, partyId);
  const user = requireUser(p);
  const size = input.docx ? input.docx.byteLength : Buffer.byteLength(input.text);
  if (size > svc.config.maxImportBytes)
    throw invalid(`The file is larger than the import limit of ${svc.config.maxImportBytes} bytes.`, 'text');
  // Labels are resolved against the current revision only when asked: written input often targets
  // another text (the AU's amendments target the WSIS+20 zero draft), and then labels stay as written.
  const base = input.resolve ? revisionDocument(svc, p, processId) : null;
  const fileName = input.fileName ?? (input.docx ? 'input.docx' : 'written-input.txt');
  // A delegation's amended copy of the whole text is read by comparing it with the text in
  // force: the current revision, whether or not labels are to be resolved.
  const amends = input.docx ? null : (base ?? revisionDocument(svc, p, processId));
  // Both refuse a file with nothing to import (written input naming the forms it understands),
  // and any problem, so that nothing of a bad file is written.
  const { proposals, warnings } = input.docx
    ? importDocx(input.docx, fileName, party.name, base)
    : importWritten(input.text, fileName, party.name, base, input.lenient === true, amends);
  if (proposals.length === 0)
    throw invalid(
      `${fileName}: no proposals found (a .docx holds a comparison table or tracked changes); nothing was imported.`,
      'body.file',
    );
  const at = new Date(svc.now()).toISOString();
  const ids = proposals.map(() => newId());
  await svc.hub.transact(
    workspaceDoc(processId, party.id),
    (doc) => {
      proposals.forEach((x, i) => {
        writeDraft(
          doc,
          {
            id: ids[i] as string,
            action: x.action,
            targets: x.targets,
            position: x.position,
            label: x.label,
            summary: x.summary,
            textMode: x.textMode,
            text: x.text,
            rationale: x.rationale,
            links: [],
            illustrative: illustrative || x.illustrative,
            source: x.source,
          },
          party.name,
          user.name,
          at,
        );
      });
    },
    user.userId,
  );
  svc.db.transaction(() =>
    audit(svc, user, processId, 'proposals.import', {
      party: party.id,
      file: input.fileName ?? null,
      count: ids.length,
    }),
  );
  const drafts = await svc.hub.read(workspaceDoc(processId, party.id), (doc) =>
    ids.map((id) => readDraft(doc, id)).filter((d): d is Draft => d !== null),
  );
  return { drafts, warnings };
};
