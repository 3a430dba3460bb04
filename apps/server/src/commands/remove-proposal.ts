/**
 * The secretariat's way out for a tabled proposal that must not stand: one whose stored data
 * cannot be read (every reader sets it aside — a `null` target written through the workspace
 * document before drafts were checked made every export fail), or one tabled by mistake. It is
 * removed from the record and from the compilation document; the audit log keeps who removed
 * what, and why it was unreadable when it was.
 */
import { removeFromCompilation } from '@bis/collab';
import { notFound } from '../api/errors';
import type { Principal } from '../auth/principal';
import type { UnreadableProposal } from '../db/types';
import { audit, readableProcess, requireAdmin, type Services } from './context';
import { compilationDoc } from './yjs-docs';

/** The stored proposals of a process that readers set aside, with what is wrong. Secretariat only. */
export const unreadableProposals = (
  svc: Services,
  p: Principal | null,
  processId: string,
): UnreadableProposal[] => {
  readableProcess(svc, p, processId);
  requireAdmin(svc, p, processId);
  return svc.db.listUnreadableProposals(processId);
};

/** Removes proposal `id` from the record and the compilation. Secretariat (and administrators) only. */
export const removeProposal = async (
  svc: Services,
  p: Principal | null,
  processId: string,
  id: string,
): Promise<{ removed: string; party: string; unreadable: string | null }> => {
  readableProcess(svc, p, processId);
  const user = requireAdmin(svc, p, processId);
  const removed = svc.db.transaction(() => {
    const row = svc.db.getProposal(processId, id);
    const bad = row ? null : (svc.db.listUnreadableProposals(processId).find((u) => u.id === id) ?? null);
    if (!row && !bad) throw notFound(`No tabled proposal "${id}" in process "${processId}".`);
    const party = row?.partyId ?? bad?.partyId ?? '';
    svc.db.deleteProposal(processId, id);
    audit(svc, user, processId, 'proposal.remove', {
      proposal: id,
      party,
      unreadable: bad?.problem ?? null,
      ...(row ? { label: row.proposal.label, action: row.proposal.action } : {}),
    });
    return { removed: id, party, unreadable: bad?.problem ?? null };
  });
  await svc.hub.transact(compilationDoc(processId), (doc) => {
    removeFromCompilation(doc, id);
  });
  return removed;
};
