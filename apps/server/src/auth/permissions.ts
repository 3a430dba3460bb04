/**
 * The permission table of DESIGN.md ("Documents, scopes and permissions"), read fresh from the
 * database on every call so that a role change or a removal from a party takes effect on the
 * very next message or request.
 */
import { parseDocName } from '@bis/collab';
import type { Db, Role } from '../db/types';
import type { Principal } from './principal';

/** What one principal may do to one Yjs document. */
export interface DocAccess {
  readonly read: boolean;
  readonly write: boolean;
}

const NONE: DocAccess = { read: false, write: false };

/** The roles of a principal in a process (administrators count as secretariat). */
export const rolesIn = (db: Db, principal: Principal | null, processId: string): Set<Role> => {
  const roles = new Set<Role>();
  if (!principal) return roles;
  for (const r of db.rolesOf(processId, principal.userId)) roles.add(r);
  if (principal.admin) roles.add('secretariat');
  if (db.partiesOf(processId, principal.userId).length > 0) roles.add('delegate');
  return roles;
};

/** Whether the principal takes part in the process in any role. */
export const isParticipant = (db: Db, principal: Principal | null, processId: string): boolean =>
  rolesIn(db, principal, processId).size > 0;

/** Co-facilitators and the secretariat (and administrators): the chairs' side. */
export const isChair = (db: Db, principal: Principal | null, processId: string): boolean => {
  const roles = rolesIn(db, principal, processId);
  return roles.has('co-facilitator') || roles.has('secretariat');
};

/** Whether the principal may read the process's published text and compilation. */
export const canReadProcess = (db: Db, principal: Principal | null, processId: string): boolean => {
  const p = db.getProcess(processId);
  if (!p) return false;
  return p.public || isParticipant(db, principal, processId);
};

/** The read/write rights of `principal` on the document called `docName`. */
export const docAccess = (db: Db, principal: Principal | null, docName: string): DocAccess => {
  const scope = parseDocName(docName);
  if (!scope) return NONE;
  const proc = db.getProcess(scope.process);
  if (!proc) return NONE;
  switch (scope.scope) {
    case 'revision': {
      const published = db.listRevisions(scope.process).some((r) => r.number === scope.revision);
      return {
        read: published && (proc.public || isParticipant(db, principal, scope.process)),
        write: false,
      };
    }
    case 'next': {
      const chair = isChair(db, principal, scope.process);
      return { read: chair, write: chair };
    }
    case 'workspace': {
      const member = principal !== null && db.isMember(scope.process, scope.party, principal.userId);
      return { read: member, write: member };
    }
    case 'compilation':
      // Written only by the server (hub.transact), on REST commands.
      return { read: proc.public || isParticipant(db, principal, scope.process), write: false };
  }
};
