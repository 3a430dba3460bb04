/**
 * The `Db` on SQLite (better-sqlite3, WAL): the embedded default, one file `bis.sqlite` in the
 * data folder. Statements are prepared once; permission reads cost microseconds.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Proposal, proposalShapeProblem, type StakeholderGroup } from '@bis/core';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';
import type { AuditRow, Db, PartyRow, ProcessRow, ProposalRow, RevisionRow, Role, UserRow } from './types';

type Row = Record<string, unknown>;

const user = (r: Row): UserRow => ({
  id: r.id as string,
  name: r.name as string,
  email: (r.email as string | null) ?? null,
  admin: r.admin === 1,
  createdAt: r.created_at as number,
});
const party = (r: Row): PartyRow => ({
  id: r.id as string,
  processId: r.process_id as string,
  name: r.name as string,
  group: r.grp as StakeholderGroup,
  region: (r.region as string | null) ?? null,
});
const processRow = (r: Row): ProcessRow => ({
  id: r.id as string,
  title: r.title as string,
  symbol: (r.symbol as string | null) ?? null,
  public: r.public === 1,
  currentRevision: r.current_revision as number,
  createdAt: r.created_at as number,
  createdBy: (r.created_by as string | null) ?? null,
});
const revision = (r: Row): RevisionRow => ({
  processId: r.process_id as string,
  number: r.number as number,
  name: r.name as string,
  state: r.state as RevisionRow['state'],
  publishedAt: (r.published_at as number | null) ?? null,
  deadline: (r.deadline as number | null) ?? null,
  document: r.document ? JSON.parse(r.document as string) : null,
});
// A stored proposal, or what is wrong with its data: readers only get what has the model's shape.
const readProposal = (r: Row): { row: ProposalRow; problem: null } | { row: null; problem: string } => {
  let data: unknown;
  try {
    data = JSON.parse(r.data as string);
  } catch {
    return { row: null, problem: 'is not JSON' };
  }
  const problem = proposalShapeProblem(data);
  if (problem !== null) return { row: null, problem };
  return {
    row: {
      processId: r.process_id as string,
      partyId: r.party_id as string,
      revision: r.revision as number,
      proposal: data as Proposal,
      updatedAt: r.updated_at as number,
    },
    problem: null,
  };
};
const audit = (r: Row): AuditRow => ({
  id: r.id as number,
  processId: (r.process_id as string | null) ?? null,
  userId: (r.user_id as string | null) ?? null,
  action: r.action as string,
  payload: JSON.parse(r.payload as string),
  at: r.at as number,
});

/** Opens (creating and migrating as needed) `bis.sqlite` in `dataDir`; `':memory:'` for a throwaway db. */
export const openSqliteDb = (dataDir: string | ':memory:'): Db => {
  let file = ':memory:';
  if (dataDir !== ':memory:') {
    mkdirSync(dataDir, { recursive: true });
    file = join(dataDir, 'bis.sqlite');
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const q = <T = Row>(sql: string) => {
    const st = db.prepare(sql);
    return {
      get: (...a: unknown[]) => st.get(...a) as T | undefined,
      all: (...a: unknown[]) => st.all(...a) as T[],
      run: (...a: unknown[]) => st.run(...a),
    };
  };

  const s = {
    countUsers: q<{ n: number }>('SELECT count(*) AS n FROM users'),
    insertUser: q('INSERT INTO users (id, name, email, admin, created_at) VALUES (?, ?, ?, ?, ?)'),
    getUser: q('SELECT * FROM users WHERE id = ?'),
    admins: q('SELECT * FROM users WHERE admin = 1 ORDER BY created_at'),
    insertParty: q('INSERT INTO parties (id, process_id, name, grp, region) VALUES (?, ?, ?, ?, ?)'),
    getParty: q('SELECT * FROM parties WHERE process_id = ? AND id = ?'),
    listParties: q('SELECT * FROM parties WHERE process_id = ? ORDER BY name'),
    addMember: q('INSERT OR IGNORE INTO memberships (process_id, party_id, user_id) VALUES (?, ?, ?)'),
    removeMember: q('DELETE FROM memberships WHERE process_id = ? AND party_id = ? AND user_id = ?'),
    isMember: q('SELECT 1 FROM memberships WHERE process_id = ? AND party_id = ? AND user_id = ?'),
    partiesOf: q(
      `SELECT p.* FROM parties p JOIN memberships m ON m.process_id = p.process_id AND m.party_id = p.id
       WHERE p.process_id = ? AND m.user_id = ? ORDER BY p.name`,
    ),
    membersOf: q(
      'SELECT u.* FROM users u JOIN memberships m ON m.user_id = u.id WHERE m.process_id = ? AND m.party_id = ? ORDER BY u.name',
    ),
    grantRole: q('INSERT OR IGNORE INTO roles (process_id, user_id, role) VALUES (?, ?, ?)'),
    revokeRole: q('DELETE FROM roles WHERE process_id = ? AND user_id = ? AND role = ?'),
    rolesOf: q<{ role: Role }>('SELECT role FROM roles WHERE process_id = ? AND user_id = ? ORDER BY role'),
    listRoles: q<{ userId: string; name: string; role: Role }>(
      `SELECT r.user_id AS userId, u.name AS name, r.role AS role FROM roles r JOIN users u ON u.id = r.user_id
       WHERE r.process_id = ? ORDER BY u.name, r.role`,
    ),
    insertInvitation: q(
      'INSERT INTO invitations (token_hash, user_id, expires_at, created_by) VALUES (?, ?, ?, ?)',
    ),
    peekInvitation: q<{ user_id: string }>(
      'SELECT user_id FROM invitations WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?',
    ),
    useInvitation: q<{ user_id: string }>(
      `UPDATE invitations SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
       RETURNING user_id`,
    ),
    insertSession: q('INSERT INTO sessions (id_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)'),
    sessionUser: q<{ user_id: string }>('SELECT user_id FROM sessions WHERE id_hash = ? AND expires_at > ?'),
    deleteSession: q('DELETE FROM sessions WHERE id_hash = ?'),
    deleteTokenLabel: q('DELETE FROM api_tokens WHERE user_id = ? AND label = ?'),
    insertToken: q('INSERT INTO api_tokens (token_hash, user_id, label, created_at) VALUES (?, ?, ?, ?)'),
    tokenUser: q<{ user_id: string }>('SELECT user_id FROM api_tokens WHERE token_hash = ?'),
    insertProcess: q(
      `INSERT INTO processes (id, title, symbol, public, current_revision, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    getProcess: q('SELECT * FROM processes WHERE id = ?'),
    listProcesses: q('SELECT * FROM processes ORDER BY created_at, id'),
    setPublic: q('UPDATE processes SET public = ? WHERE id = ?'),
    putRevision: q(
      `INSERT INTO revisions (process_id, number, name, state, published_at, deadline, document)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (process_id, number) DO UPDATE SET name = excluded.name, state = excluded.state,
       published_at = excluded.published_at, deadline = excluded.deadline, document = excluded.document`,
    ),
    listRevisions: q('SELECT * FROM revisions WHERE process_id = ? ORDER BY number'),
    setCurrentRevision: q('UPDATE processes SET current_revision = ? WHERE id = ?'),
    getWork: q('SELECT * FROM revision_work WHERE process_id = ?'),
    putWork: q(
      `INSERT INTO revision_work (process_id, base, version, data, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (process_id) DO UPDATE SET base = excluded.base, version = excluded.version,
       data = excluded.data, updated_at = excluded.updated_at`,
    ),
    deleteWork: q('DELETE FROM revision_work WHERE process_id = ?'),
    putRecord: q(
      `INSERT INTO revision_records (process_id, number, kind, data) VALUES (?, ?, ?, ?)
       ON CONFLICT (process_id, number, kind) DO UPDATE SET data = excluded.data`,
    ),
    getRecord: q<{ data: string }>(
      'SELECT data FROM revision_records WHERE process_id = ? AND number = ? AND kind = ?',
    ),
    putProposal: q(
      `INSERT INTO proposals (process_id, id, party_id, revision, data, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (process_id, id) DO UPDATE SET revision = excluded.revision, data = excluded.data,
       updated_at = excluded.updated_at`,
    ),
    getProposal: q('SELECT * FROM proposals WHERE process_id = ? AND id = ?'),
    deleteProposal: q('DELETE FROM proposals WHERE process_id = ? AND id = ?'),
    listProposals: q('SELECT * FROM proposals WHERE process_id = ? ORDER BY rowid'),
    appendAudit: q('INSERT INTO audit (process_id, user_id, action, payload, at) VALUES (?, ?, ?, ?, ?)'),
    listAudit: q('SELECT * FROM audit WHERE process_id = ? AND id > ? ORDER BY id LIMIT ?'),
    countAudit: q<{ n: number }>('SELECT count(*) AS n FROM audit'),
  };

  return {
    transaction: (fn) => (db.inTransaction ? fn() : db.transaction(fn)()),
    isEmpty: () => (s.countUsers.get()?.n ?? 0) === 0,
    close: () => db.close(),

    createUser: (u) => {
      s.insertUser.run(u.id, u.name, u.email, u.admin ? 1 : 0, u.now);
      return { id: u.id, name: u.name, email: u.email, admin: u.admin, createdAt: u.now };
    },
    getUser: (id) => {
      const r = s.getUser.get(id);
      return r ? user(r) : null;
    },
    findAdmins: () => s.admins.all().map(user),

    createParty: (p) => {
      s.insertParty.run(p.id, p.processId, p.name, p.group, p.region);
      return p;
    },
    getParty: (pid, id) => {
      const r = s.getParty.get(pid, id);
      return r ? party(r) : null;
    },
    listParties: (pid) => s.listParties.all(pid).map(party),

    addMember: (pid, partyId, userId) => void s.addMember.run(pid, partyId, userId),
    removeMember: (pid, partyId, userId) => void s.removeMember.run(pid, partyId, userId),
    isMember: (pid, partyId, userId) => s.isMember.get(pid, partyId, userId) !== undefined,
    partiesOf: (pid, userId) => s.partiesOf.all(pid, userId).map(party),
    membersOf: (pid, partyId) => s.membersOf.all(pid, partyId).map(user),

    grantRole: (pid, userId, role) => void s.grantRole.run(pid, userId, role),
    revokeRole: (pid, userId, role) => void s.revokeRole.run(pid, userId, role),
    rolesOf: (pid, userId) => s.rolesOf.all(pid, userId).map((r) => r.role),
    listRoles: (pid) => s.listRoles.all(pid),

    createInvitation: (i) => void s.insertInvitation.run(i.tokenHash, i.userId, i.expiresAt, i.createdBy),
    invitationUser: (hash, now) => s.peekInvitation.get(hash, now)?.user_id ?? null,
    consumeInvitation: (hash, now) => s.useInvitation.get(now, hash, now)?.user_id ?? null,

    createSession: (x) => void s.insertSession.run(x.idHash, x.userId, x.now, x.expiresAt),
    sessionUser: (hash, now) => s.sessionUser.get(hash, now)?.user_id ?? null,
    deleteSession: (hash) => void s.deleteSession.run(hash),

    putApiToken: (t) =>
      db.transaction(() => {
        s.deleteTokenLabel.run(t.userId, t.label);
        s.insertToken.run(t.tokenHash, t.userId, t.label, t.now);
      })(),
    apiTokenUser: (hash) => s.tokenUser.get(hash)?.user_id ?? null,

    createProcess: (p) => {
      s.insertProcess.run(
        p.id,
        p.title,
        p.symbol,
        p.public ? 1 : 0,
        p.currentRevision,
        p.createdAt,
        p.createdBy,
      );
      return p;
    },
    getProcess: (id) => {
      const r = s.getProcess.get(id);
      return r ? processRow(r) : null;
    },
    listProcesses: () => s.listProcesses.all().map(processRow),
    setPublic: (id, isPublic) => void s.setPublic.run(isPublic ? 1 : 0, id),

    putRevision: (r) =>
      void s.putRevision.run(
        r.processId,
        r.number,
        r.name,
        r.state,
        r.publishedAt,
        r.deadline,
        r.document == null ? null : JSON.stringify(r.document),
      ),
    listRevisions: (pid) => s.listRevisions.all(pid).map(revision),

    setCurrentRevision: (pid, n) => void s.setCurrentRevision.run(n, pid),
    getWork: (pid) => {
      const r = s.getWork.get(pid);
      return r
        ? {
            processId: r.process_id as string,
            base: r.base as number,
            version: r.version as number,
            data: JSON.parse(r.data as string),
            updatedAt: r.updated_at as number,
          }
        : null;
    },
    putWork: (w) => void s.putWork.run(w.processId, w.base, w.version, JSON.stringify(w.data), w.updatedAt),
    deleteWork: (pid) => void s.deleteWork.run(pid),
    putRevisionRecord: (pid, n, kind, data) => void s.putRecord.run(pid, n, kind, JSON.stringify(data)),
    getRevisionRecord: (pid, n, kind) => {
      const r = s.getRecord.get(pid, n, kind);
      return r ? JSON.parse(r.data) : null;
    },

    putProposal: (r) =>
      void s.putProposal.run(
        r.processId,
        r.proposal.id,
        r.partyId,
        r.revision,
        JSON.stringify(r.proposal),
        r.updatedAt,
      ),
    getProposal: (pid, id) => {
      const r = s.getProposal.get(pid, id);
      return r ? readProposal(r).row : null;
    },
    listProposals: (pid) => s.listProposals.all(pid).flatMap((r) => readProposal(r).row ?? []),
    listUnreadableProposals: (pid) =>
      s.listProposals.all(pid).flatMap((r) => {
        const { problem } = readProposal(r);
        return problem === null ? [] : [{ id: r.id as string, partyId: r.party_id as string, problem }];
      }),
    deleteProposal: (pid, id) => s.deleteProposal.run(pid, id).changes > 0,

    appendAudit: (a) =>
      void s.appendAudit.run(a.processId, a.userId, a.action, JSON.stringify(a.payload ?? null), a.at),
    listAudit: (pid, opts = {}) => s.listAudit.all(pid, opts.after ?? 0, opts.limit ?? 1000).map(audit),
    countAudit: () => s.countAudit.get()?.n ?? 0,
  };
};

const migrate = (db: Database.Database): void => {
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] as string);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
};
