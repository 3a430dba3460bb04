/**
 * The server's writes to the Yjs side of a process: the published revision text, the next
 * revision, and the compilation (a projection of the db's proposals table, replaced whole per
 * proposal, so a failed or repeated write heals on the next command).
 */
import type { BisDocument, Proposal } from '@bis/core';
import type * as Y from 'yjs';
import type { Db } from '../db/types';
import type { DocHub } from './hub';

/** The compilation document's name. */
export const compilationDoc = (processId: string): string => `p/${processId}/compilation`;
/** A published revision's document name. */
export const revisionDoc = (processId: string, n: number): string => `p/${processId}/rev/${n}`;
/** The next revision's document name. */
export const nextDoc = (processId: string): string => `p/${processId}/next`;
/** A party workspace's document name. */
export const workspaceDoc = (processId: string, partyId: string): string => `p/${processId}/ws/${partyId}`;

/**
 * Writes a revision's heading data (title, symbol, revision name) into a revision or next
 * document's `meta`. The text itself (the `text` fragment in the ProseMirror shape) is written
 * by packages/collab's document writer once it exists; until then the server keeps the text in
 * its db (`revisions.document`), which the REST API and the exports read.
 */
export const writeRevisionText = (doc: Y.Doc, document: BisDocument): void => {
  const meta = doc.getMap('meta');
  meta.set('title', document.title);
  meta.set('symbol', document.symbol);
  meta.set('revision', document.revision);
};

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
    const map = doc.getMap('proposals');
    for (const p of proposals) map.set(p.id, JSON.parse(JSON.stringify(p)));
  });
};

/** Reads the compilation's proposals (what participants see). */
export const readCompilation = (hub: DocHub, processId: string): Promise<Proposal[]> =>
  hub.read(compilationDoc(processId), (doc) => [...doc.getMap('proposals').values()] as Proposal[]);
