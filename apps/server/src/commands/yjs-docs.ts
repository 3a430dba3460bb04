/**
 * The server's writes to the Yjs side of a process: the published revision text, the next
 * revision, and the compilation (a projection of the db's proposals table, replaced whole per
 * proposal, so a failed or repeated write heals on the next command).
 */
import { docName, readCompiledProposal, writeCompiledProposal, writeDocument } from '@bis/collab';
import type { BisDocument, Proposal } from '@bis/core';
import type * as Y from 'yjs';
import type { Db } from '../db/types';
import type { DocHub } from './hub';

/** The compilation document's name. */
export const compilationDoc = (processId: string): string =>
  docName({ process: processId, scope: 'compilation' });
/** A published revision's document name. */
export const revisionDoc = (processId: string, n: number): string =>
  docName({ process: processId, scope: 'revision', revision: n });
/** The next revision's document name. */
export const nextDoc = (processId: string): string => docName({ process: processId, scope: 'next' });
/** A party workspace's document name. */
export const workspaceDoc = (processId: string, partyId: string): string =>
  docName({ process: processId, scope: 'workspace', party: partyId });

/** Writes a revision's text (meta and the ProseMirror-shaped `text`) into a revision or next document. */
export const writeRevisionText = (doc: Y.Doc, document: BisDocument): void => writeDocument(doc, document);

/** Replaces the compilation entries of the given proposals with the db's record of them. */
export const publishToCompilation = async (
  hub: DocHub,
  db: Db,
  processId: string,
  ids: readonly string[],
): Promise<void> => {
  const proposals: Proposal[] = [];
  for (const id of ids) {
    const row = db.getProposal(processId, id);
    if (row) proposals.push(row.proposal);
  }
  await hub.transact(compilationDoc(processId), (doc) => {
    for (const p of proposals) writeCompiledProposal(doc, p);
  });
};

/**
 * Brings the compilation document in line with the db's proposals (the record): writes only
 * the proposals whose compiled copy differs. Run at start-up, it heals a compilation write that
 * failed after its command committed. Returns how many proposals it rewrote.
 */
export const reconcileCompilation = async (hub: DocHub, db: Db, processId: string): Promise<number> => {
  const rows = db.listProposals(processId);
  const stale = await hub.read(compilationDoc(processId), (doc) =>
    rows
      .filter((r) => JSON.stringify(readCompiledProposal(doc, r.proposal.id)) !== JSON.stringify(r.proposal))
      .map((r) => r.proposal.id),
  );
  if (stale.length > 0) await publishToCompilation(hub, db, processId, stale);
  return stale.length;
};
