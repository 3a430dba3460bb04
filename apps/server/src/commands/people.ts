/**
 * Parties, people, invitations, roles and memberships of a process.
 */
import type { StakeholderGroup } from '@bis/core';
import { conflict, notFound } from '../api/errors';
import type { Principal } from '../auth/principal';
import { newId } from '../auth/tokens';
import type { PartyRow, Role, UserRow } from '../db/types';
import { audit, partyOf, readableProcess, requireAdmin, type Services } from './context';

/** Adds a party to a process. Secretariat or administrator. */
export const createParty = (
  svc: Services,
  p: Principal | null,
  processId: string,
  input: {
    id?: string | undefined;
    name: string;
    group: StakeholderGroup;
    region?: string | null | undefined;
  },
): PartyRow => {
  readableProcess(svc, p, processId);
  const user = requireAdmin(svc, p, processId);
  const id = input.id ?? slug(input.name);
  return svc.db.transaction(() => {
    if (svc.db.getParty(processId, id))
      throw conflict(`Party id "${id}" is taken in this process; choose another id.`);
    if (svc.db.listParties(processId).some((x) => x.name === input.name))
      throw conflict(`A party named "${input.name}" exists already in this process.`);
    const party = svc.db.createParty({
      id,
      processId,
      name: input.name,
      group: input.group,
      region: input.region ?? null,
    });
    audit(svc, user, processId, 'party.create', party);
    return party;
  });
};

/** A party id from its name: `European Union` → `european-union`. */
export const slug = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 64) || newId();

/** What an invitation gives the invited person. */
export interface InviteInput {
  readonly name: string;
  readonly email?: string | null | undefined;
  readonly role?: Role | undefined;
  readonly party?: string | undefined;
  /** Invite an existing user again (a new link) instead of creating one. */
  readonly userId?: string | undefined;
}

/** The result of an invitation: the user and the one-time link to send them. */
export interface Invitation {
  readonly user: UserRow;
  readonly token: string;
  readonly path: string;
}

/**
 * Invites a person into a process: creates the user (or reuses `userId`), grants the role and
 * membership, and returns a one-time sign-in link. Secretariat or administrator.
 */
export const invite = (
  svc: Services,
  p: Principal | null,
  processId: string,
  input: InviteInput,
): Invitation => {
  readableProcess(svc, p, processId);
  const by = requireAdmin(svc, p, processId);
  return svc.db.transaction(() => {
    let user: UserRow | null;
    if (input.userId) {
      user = svc.db.getUser(input.userId);
      if (!user) throw notFound(`No user "${input.userId}".`);
    } else {
      user = svc.db.createUser({
        id: newId(),
        name: input.name,
        email: input.email ?? null,
        admin: false,
        now: svc.now(),
      });
    }
    if (input.party) {
      partyOf(svc, processId, input.party);
      svc.db.addMember(processId, input.party, user.id);
      svc.db.grantRole(processId, user.id, 'delegate');
    }
    if (input.role) svc.db.grantRole(processId, user.id, input.role);
    const token = svc.auth.invite(user.id, by.userId);
    // The token itself never enters the audit log: it is a credential.
    audit(svc, by, processId, 'user.invite', {
      userId: user.id,
      name: user.name,
      role: input.role ?? null,
      party: input.party ?? null,
    });
    return { user, token, path: `/signin/${token}` };
  });
};

/** Grants or revokes a role. Secretariat or administrator. */
export const setRole = (
  svc: Services,
  p: Principal | null,
  processId: string,
  input: { userId: string; role: Role; granted: boolean },
): void => {
  readableProcess(svc, p, processId);
  const by = requireAdmin(svc, p, processId);
  svc.db.transaction(() => {
    if (!svc.db.getUser(input.userId)) throw notFound(`No user "${input.userId}".`);
    if (input.granted) svc.db.grantRole(processId, input.userId, input.role);
    else svc.db.revokeRole(processId, input.userId, input.role);
    audit(svc, by, processId, input.granted ? 'role.grant' : 'role.revoke', {
      userId: input.userId,
      role: input.role,
    });
  });
};

/** Adds or removes a member of a party. Secretariat or administrator. */
export const setMember = (
  svc: Services,
  p: Principal | null,
  processId: string,
  partyId: string,
  input: { userId: string; member: boolean },
): void => {
  readableProcess(svc, p, processId);
  const by = requireAdmin(svc, p, processId);
  svc.db.transaction(() => {
    partyOf(svc, processId, partyId);
    if (!svc.db.getUser(input.userId)) throw notFound(`No user "${input.userId}".`);
    if (input.member) {
      svc.db.addMember(processId, partyId, input.userId);
      svc.db.grantRole(processId, input.userId, 'delegate');
    } else {
      svc.db.removeMember(processId, partyId, input.userId);
      if (svc.db.partiesOf(processId, input.userId).length === 0)
        svc.db.revokeRole(processId, input.userId, 'delegate');
    }
    audit(svc, by, processId, input.member ? 'member.add' : 'member.remove', {
      party: partyId,
      userId: input.userId,
    });
  });
};
