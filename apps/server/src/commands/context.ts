/**
 * What every command receives, and the guards they share. A command validates its input,
 * checks the principal's rights (fresh from the db), applies its change in one SQLite
 * transaction with its audit entry, and then writes the Yjs side through the hub.
 */
import { forbidden, notFound, unauthenticated } from '../api/errors';
import type { Auth } from '../auth/auth';
import { canReadProcess, isChair, rolesIn } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import type { Config } from '../config';
import type { Db, PartyRow, ProcessRow } from '../db/types';
import type { DocHub } from './hub';

/** The server's services, shared by all commands. */
export interface Services {
  readonly db: Db;
  readonly auth: Auth;
  readonly hub: DocHub;
  readonly config: Config;
  /** The clock, in ms (tests may pin it). */
  readonly now: () => number;
}

/** The signed-in principal, or a 401. */
export const requireUser = (p: Principal | null): Principal => {
  if (!p) throw unauthenticated();
  return p;
};

/** A process the principal may read, or a 404 (a private process is not revealed to outsiders). */
export const readableProcess = (svc: Services, p: Principal | null, processId: string): ProcessRow => {
  const proc = svc.db.getProcess(processId);
  if (!proc || !canReadProcess(svc.db, p, processId))
    throw notFound(`No process "${processId}" that you can see.`);
  return proc;
};

/** Requires an administrator, or the secretariat of `processId` when given. */
export const requireAdmin = (svc: Services, p: Principal | null, processId?: string): Principal => {
  const user = requireUser(p);
  if (user.admin) return user;
  if (processId && rolesIn(svc.db, user, processId).has('secretariat')) return user;
  throw forbidden(
    processId
      ? 'Only the secretariat or an administrator can do this in this process.'
      : 'Only an administrator can do this.',
  );
};

/** Requires a co-facilitator, the secretariat or an administrator of the process. */
export const requireChair = (svc: Services, p: Principal | null, processId: string): Principal => {
  const user = requireUser(p);
  if (!isChair(svc.db, user, processId))
    throw forbidden(
      'Only the co-facilitators and the secretariat can do this (record decisions, read the audit log).',
    );
  return user;
};

/** The party `partyId` of the process, or a 404. */
export const partyOf = (svc: Services, processId: string, partyId: string): PartyRow => {
  const party = svc.db.getParty(processId, partyId);
  if (!party) throw notFound(`No party "${partyId}" in process "${processId}".`);
  return party;
};

/** Requires that the principal is a member of the party (delegations act only for themselves). */
export const requireMember = (
  svc: Services,
  p: Principal | null,
  processId: string,
  partyId: string,
): PartyRow => {
  const user = requireUser(p);
  const party = partyOf(svc, processId, partyId);
  if (!svc.db.isMember(processId, partyId, user.userId))
    throw forbidden(`You are not a member of ${party.name}: only its members can act for it.`);
  return party;
};

/** Appends an audit entry (call inside the command's transaction). */
export const audit = (
  svc: Services,
  p: Principal | null,
  processId: string | null,
  action: string,
  payload: unknown,
): void => svc.db.appendAudit({ processId, userId: p?.userId ?? null, action, payload, at: svc.now() });
