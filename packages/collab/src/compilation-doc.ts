/**
 * Compilation documents: root map `proposals`, proposal id → the whole Proposal of @bis/core as
 * plain JSON (frozen versions, status, decision, supporters, co-sponsors). Only the server
 * writes it, replacing a proposal whole on each command; everyone reads.
 */
import type { Proposal } from '@bis/core';
import { BisInputError, proposalShapeProblem } from '@bis/core';
import type * as Y from 'yjs';
import { ID_PATTERN } from './docnames';

/** The `proposals` root of a compilation document. */
export const proposalsMap = (ydoc: Y.Doc): Y.Map<unknown> => ydoc.getMap('proposals');

/** Writes (or replaces) a proposal in the compilation. Throws BisInputError on an invalid id. */
export const writeCompiledProposal = (ydoc: Y.Doc, proposal: Proposal): void => {
  if (!ID_PATTERN.test(proposal.id)) throw new BisInputError('invalid proposal id', 'id', proposal.id);
  // A detached plain copy: Yjs keeps the object it is given.
  proposalsMap(ydoc).set(proposal.id, JSON.parse(JSON.stringify(proposal)) as unknown);
};

/** Removes a proposal from the compilation; false when it was not there. */
export const removeFromCompilation = (ydoc: Y.Doc, id: string): boolean => {
  const m = proposalsMap(ydoc);
  if (!m.has(id)) return false;
  m.delete(id);
  return true;
};

// Only what has the model's shape is read: one malformed entry (a `null` target written before
// drafts were checked) must not break every reader of the compilation.
const isProposal = (v: unknown, id: string): v is Proposal =>
  typeof v === 'object' &&
  v !== null &&
  (v as { id?: unknown }).id === id &&
  proposalShapeProblem(v) === null;

/** Reads one compiled proposal, or null (also when the stored entry is not a readable Proposal). */
export const readCompiledProposal = (ydoc: Y.Doc, id: string): Proposal | null => {
  const v = proposalsMap(ydoc).get(id);
  return isProposal(v, id) ? v : null;
};

/**
 * Reads every readable compiled proposal, by id (Y.Map's own order differs between replicas);
 * entries without the shape of a Proposal are left out.
 */
export const readCompilation = (ydoc: Y.Doc): Proposal[] =>
  [...proposalsMap(ydoc).entries()]
    .filter((e): e is [string, Proposal] => isProposal(e[1], e[0]))
    .map(([, p]) => p)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
