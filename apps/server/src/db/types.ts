/**
 * The server's relational records (users, parties, roles, sessions, processes, the proposals
 * record and the audit log) behind one interface, `Db`.
 *
 * The interface is synchronous because permission checks run on every WebSocket message and
 * must read the current roles without yielding. SQLite (better-sqlite3) answers in microseconds;
 * a PostgreSQL implementation would keep the permission tables in memory, refreshed by
 * LISTEN/NOTIFY, and write through — the interface does not change.
 */
import type { Proposal, StakeholderGroup } from '@bis/core';

/** A role a user holds in one process. The public is not a role: it is `ProcessRow.public`. */
export type Role = 'secretariat' | 'co-facilitator' | 'delegate' | 'observer';
/** Every role, for validation. */
export const ROLES = ['secretariat', 'co-facilitator', 'delegate', 'observer'] as const;

/** A person who can sign in. */
export interface UserRow {
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
  /** Administrators manage every process (create processes, invite, assign roles). */
  readonly admin: boolean;
  readonly createdAt: number;
}

/** A party of one process. */
export interface PartyRow {
  readonly id: string;
  readonly processId: string;
  readonly name: string;
  readonly group: StakeholderGroup;
  readonly region: string | null;
}

/** One negotiation. */
export interface ProcessRow {
  readonly id: string;
  readonly title: string;
  readonly symbol: string | null;
  readonly public: boolean;
  /** The revision parties table proposals against. */
  readonly currentRevision: number;
  readonly createdAt: number;
  readonly createdBy: string | null;
}

/** One revision of a process. */
export interface RevisionRow {
  readonly processId: string;
  readonly number: number;
  readonly name: string;
  readonly state: 'working' | 'frozen' | 'published';
  readonly publishedAt: number | null;
  readonly deadline: number | null;
  /** The revision's text as `bis.document/1` JSON, kept for exports (published revisions never change). */
  readonly document: unknown;
}

/** The record of an open next revision (see @bis/core `WorkingState`). */
export interface WorkRow {
  readonly processId: string;
  /** The revision it was opened from. */
  readonly base: number;
  /** Incremented on every change: commands check it to refuse lost updates. */
  readonly version: number;
  /** The `WorkingState` as JSON. */
  readonly data: unknown;
  readonly updatedAt: number;
}

/** A stored proposal that readers set aside: its id, party and what is wrong with it. */
export interface UnreadableProposal {
  readonly id: string;
  readonly partyId: string;
  readonly problem: string;
}

/** The server's record of a proposal that has been tabled at least once. */
export interface ProposalRow {
  readonly processId: string;
  readonly partyId: string;
  readonly revision: number;
  readonly proposal: Proposal;
  readonly updatedAt: number;
}

/** One entry of the audit log. */
export interface AuditRow {
  readonly id: number;
  readonly processId: string | null;
  readonly userId: string | null;
  readonly action: string;
  readonly payload: unknown;
  readonly at: number;
}

/** The relational store. Every method is synchronous; `transaction` makes a group atomic. */
export interface Db {
  /** Runs `fn` in one transaction: all of its writes or none. Nested calls join the outer one. */
  transaction<T>(fn: () => T): T;
  /** True when no user exists yet (first start). */
  isEmpty(): boolean;
  close(): void;

  createUser(u: { id: string; name: string; email: string | null; admin: boolean; now: number }): UserRow;
  getUser(id: string): UserRow | null;
  findAdmins(): UserRow[];

  createParty(p: PartyRow): PartyRow;
  getParty(processId: string, partyId: string): PartyRow | null;
  listParties(processId: string): PartyRow[];

  addMember(processId: string, partyId: string, userId: string): void;
  removeMember(processId: string, partyId: string, userId: string): void;
  isMember(processId: string, partyId: string, userId: string): boolean;
  /** The parties of `processId` that `userId` belongs to. */
  partiesOf(processId: string, userId: string): PartyRow[];
  membersOf(processId: string, partyId: string): UserRow[];

  grantRole(processId: string, userId: string, role: Role): void;
  revokeRole(processId: string, userId: string, role: Role): void;
  rolesOf(processId: string, userId: string): Role[];
  listRoles(processId: string): { userId: string; name: string; role: Role }[];

  createInvitation(i: {
    tokenHash: string;
    userId: string;
    expiresAt: number;
    createdBy: string | null;
  }): void;
  /** The user of an unexpired, unused invitation, without using it; null otherwise. */
  invitationUser(tokenHash: string, now: number): string | null;
  /** Marks an unexpired, unused invitation used and returns its user; null otherwise. */
  consumeInvitation(tokenHash: string, now: number): string | null;

  createSession(s: { idHash: string; userId: string; expiresAt: number; now: number }): void;
  /** The user of an unexpired session, or null. */
  sessionUser(idHash: string, now: number): string | null;
  deleteSession(idHash: string): void;

  /** Stores an API token hash (replacing one with the same label for the same user). */
  putApiToken(t: { tokenHash: string; userId: string; label: string; now: number }): void;
  apiTokenUser(tokenHash: string): string | null;

  createProcess(p: ProcessRow): ProcessRow;
  getProcess(id: string): ProcessRow | null;
  listProcesses(): ProcessRow[];
  setPublic(id: string, isPublic: boolean): void;

  putRevision(r: RevisionRow): void;
  listRevisions(processId: string): RevisionRow[];

  /** Sets the revision parties table proposals against. */
  setCurrentRevision(processId: string, n: number): void;
  /** The next revision's working record, or null when no next revision is open. */
  getWork(processId: string): WorkRow | null;
  /** Stores the working record (replacing any). */
  putWork(w: WorkRow): void;
  deleteWork(processId: string): void;
  /** Stores what a publication wrote beside revision `n` (`concordance`, `report`). */
  putRevisionRecord(processId: string, n: number, kind: string, data: unknown): void;
  getRevisionRecord(processId: string, n: number, kind: string): unknown;

  /**
   * Stores a proposal (insert or replace), with the revision it is tabled against: publication
   * moves a carried-over proposal to the new revision, and re-tabling moves it to the current one.
   */
  putProposal(r: ProposalRow): void;
  /** A proposal; null when there is none, or when what is stored is not a readable Proposal. */
  getProposal(processId: string, proposalId: string): ProposalRow | null;
  /** The proposals of a process whose stored data has the shape of a Proposal, in tabling order. */
  listProposals(processId: string): ProposalRow[];
  /**
   * The stored proposals that are not readable (`proposalShapeProblem`): set aside by every
   * reader, listed so that the secretariat can remove them.
   */
  listUnreadableProposals(processId: string): UnreadableProposal[];
  /** Deletes a proposal's record (readable or not); false when there was none. */
  deleteProposal(processId: string, proposalId: string): boolean;

  appendAudit(a: {
    processId: string | null;
    userId: string | null;
    action: string;
    payload: unknown;
    at: number;
  }): void;
  listAudit(processId: string, opts?: { after?: number; limit?: number }): AuditRow[];
  countAudit(): number;
}
