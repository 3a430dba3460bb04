/**
 * The presence identity the server stamps into a connection's awareness states: name, party,
 * role and a colour derived from the user id, never taken from the client.
 */
import { parseDocName } from '@bis/collab';
import type { Db } from '../db/types';
import { rolesIn } from './permissions';
import type { Principal } from './principal';

const COLOURS = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
  '#ff7f0e',
];

const colourOf = (id: string): string => {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return COLOURS[h % COLOURS.length] as string;
};

const RANK = ['co-facilitator', 'secretariat', 'delegate', 'observer'] as const;

/** The awareness `user` field for `principal` in the document `docName`. */
export const identityOf = (db: Db, principal: Principal | null, docName: string): Record<string, unknown> => {
  if (!principal) return { name: 'Anonymous', party: null, role: 'public', color: '#777777' };
  const ref = parseDocName(docName);
  let party: string | null = null;
  let role = 'participant';
  if (ref) {
    const parties = db.partiesOf(ref.process, principal.userId);
    const own = ref.scope === 'workspace' ? parties.find((p) => p.id === ref.party) : parties[0];
    party = own?.name ?? null;
    const roles = rolesIn(db, principal, ref.process);
    role = RANK.find((r) => roles.has(r)) ?? 'participant';
  }
  return { id: principal.userId, name: principal.name, party, role, color: colourOf(principal.userId) };
};
