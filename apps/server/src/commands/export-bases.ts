/**
 * The tabled proposals of a process as the exports show them: placed on the current revision.
 * Proposals tabled against an earlier revision are re-anchored on it by content from that
 * revision's stored text (see @bis/core `reanchorProposals`), never compared with wording they
 * were not written against.
 */
import {
  type BaseRef,
  type BisDocument,
  baseRefOf,
  documentFromJSON,
  type Proposal,
  type ReanchorEntry,
  reanchorProposals,
} from '@bis/core';
import { conflict } from '../api/errors';
import type { Principal } from '../auth/principal';
import { readableProcess, type Services } from './context';

// Published revisions never change: their references are computed once per store, process and
// number (per store: tests and embedders may run several servers in one process).
const caches = new WeakMap<object, Map<string, { doc: BisDocument; ref: BaseRef }>>();

/** A published revision's text and its base reference, or null when it has no stored text. */
export const revisionBase = (
  svc: Services,
  processId: string,
  n: number,
): { doc: BisDocument; ref: BaseRef } | null => {
  const rev = svc.db.listRevisions(processId).find((r) => r.number === n);
  if (!rev?.document) return null;
  let refs = caches.get(svc.db);
  if (!refs) {
    refs = new Map();
    caches.set(svc.db, refs);
  }
  const key = `${processId}\u0000${n}`;
  const known = refs.get(key);
  if (known) return known;
  const doc = documentFromJSON(rev.document);
  // An imported text often has no revision name; the process knows it (`Zero draft`, `Rev.1`).
  const made = { doc, ref: { ...baseRefOf(doc), revision: doc.revision ?? rev.name } };
  if (rev.state === 'published') refs.set(key, made);
  return made;
};

/**
 * The tabled proposals of a process placed on `current` (its current revision's text), with the
 * report of those written against an earlier revision: those publication carried over to the
 * current revision (their entry in its carry-over record, so that readers still see
 * `Zero draft §2 → Rev.1 §3`), and those still attached to an earlier one, re-anchored here. A
 * proposal tabled before proposals recorded their base gets the base of the revision it was
 * tabled against. Applied proposals are not tabled any more: they never show as changes. 409
 * when such a revision's text is missing (the report names both texts).
 */
export const tabledOnCurrent = (
  svc: Services,
  p: Principal | null,
  processId: string,
  current: BisDocument,
): { proposals: Proposal[]; entries: ReanchorEntry[] } => {
  const proc = readableProcess(svc, p, processId);
  const rows = svc.db.listProposals(processId).filter((r) => r.proposal.status === 'tabled');
  const bases: BisDocument[] = [];
  const seen = new Set<number>();
  const proposals = rows.map((r): Proposal => {
    if (r.revision === proc.currentRevision) return r.proposal;
    const base = revisionBase(svc, processId, r.revision);
    if (base && !seen.has(r.revision)) {
      seen.add(r.revision);
      bases.push(base.doc);
    }
    return r.proposal.base || !base ? r.proposal : { ...r.proposal, base: base.ref };
  });
  const placed = reanchorProposals(proposals, current, bases);
  if (!placed.ok) throw conflict(`${placed.reason}.`);
  const carriedHere = new Set(
    rows.filter((r) => r.revision === proc.currentRevision).map((r) => r.proposal.id as string),
  );
  const record = (svc.db.getRevisionRecord(processId, proc.currentRevision, 'carried') ??
    []) as ReanchorEntry[];
  const carried = record.filter((e) => e.outcome !== 'unplaced' && carriedHere.has(e.proposal));
  return { proposals: [...placed.proposals], entries: [...carried, ...placed.entries] };
};

/** The report in short, for a response header: `1 moved, 1 merged into new wording, 1 not placed`. */
export const reanchorSummary = (entries: readonly ReanchorEntry[]): string => {
  const words: Record<ReanchorEntry['outcome'], string> = {
    kept: 'kept',
    moved: 'moved',
    rebased: 'merged into new wording',
    changed: 'on reworded paragraphs',
    unplaced: 'not placed',
  };
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(words[e.outcome], (counts.get(words[e.outcome]) ?? 0) + 1);
  return [...counts].map(([w, n]) => `${n} ${w}`).join(', ');
};
