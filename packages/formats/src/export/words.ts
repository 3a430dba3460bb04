import type { Decision, Proposal } from '@bis/core';

const DECISION_WORDS: Record<Decision, string> = {
  accepted: 'accepted',
  'accepted-as-modified': 'accepted as modified',
  merged: 'merged',
  'not-retained': 'not retained',
  deferred: 'deferred',
};

/** A proposal's status and decision as a person reads them (`Tabled — accepted as modified`). */
export const statusLabel = (p: Proposal): string => {
  const status = p.status.charAt(0).toUpperCase() + p.status.slice(1);
  const decided = p.decision ? `${status} — ${DECISION_WORDS[p.decision]}` : status;
  return p.illustrative ? `${decided} (illustrative)` : decided;
};

/** The document's heading line (`A/HRC/53/42 — Zero draft`). */
export const documentLine = (d: { title: string; symbol: string | null; revision: string | null }): string =>
  [d.symbol, d.revision].filter((x): x is string => Boolean(x)).join(' — ');
