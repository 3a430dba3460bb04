/**
 * The relational schema as an ordered list of migrations. Each runs once, in a transaction,
 * and the database records how far it got in `PRAGMA user_version`.
 */

/** Migrations in order; index + 1 is the schema version after applying it. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT,
    admin INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE processes (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    symbol TEXT,
    public INTEGER NOT NULL DEFAULT 0,
    current_revision INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    created_by TEXT REFERENCES users(id)
  );
  CREATE TABLE revisions (
    process_id TEXT NOT NULL REFERENCES processes(id),
    number INTEGER NOT NULL,
    name TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('working', 'frozen', 'published')),
    published_at INTEGER,
    deadline INTEGER,
    document TEXT,
    PRIMARY KEY (process_id, number)
  );
  CREATE TABLE parties (
    id TEXT NOT NULL,
    process_id TEXT NOT NULL REFERENCES processes(id),
    name TEXT NOT NULL,
    grp TEXT NOT NULL,
    region TEXT,
    PRIMARY KEY (process_id, id),
    UNIQUE (process_id, name)
  );
  CREATE TABLE memberships (
    process_id TEXT NOT NULL,
    party_id TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id),
    PRIMARY KEY (process_id, party_id, user_id),
    FOREIGN KEY (process_id, party_id) REFERENCES parties(process_id, id)
  );
  CREATE INDEX memberships_user ON memberships(user_id);
  CREATE TABLE roles (
    process_id TEXT NOT NULL REFERENCES processes(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    role TEXT NOT NULL CHECK (role IN ('secretariat', 'co-facilitator', 'delegate', 'observer')),
    PRIMARY KEY (process_id, user_id, role)
  );
  CREATE TABLE invitations (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    expires_at INTEGER NOT NULL,
    used_at INTEGER,
    created_by TEXT
  );
  CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE TABLE api_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    label TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (user_id, label)
  );
  CREATE TABLE proposals (
    process_id TEXT NOT NULL REFERENCES processes(id),
    id TEXT NOT NULL,
    party_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    data TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (process_id, id)
  );
  CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    process_id TEXT,
    user_id TEXT,
    action TEXT NOT NULL,
    payload TEXT NOT NULL,
    at INTEGER NOT NULL
  );
  CREATE INDEX audit_process ON audit(process_id, id);
  `,
  // 2: the next revision's working record (statuses, brackets, provenance of applied proposals),
  // and what each publication wrote beside its text (concordance, input report).
  `
  CREATE TABLE revision_work (
    process_id TEXT PRIMARY KEY REFERENCES processes(id),
    base INTEGER NOT NULL,
    version INTEGER NOT NULL,
    data TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE TABLE revision_records (
    process_id TEXT NOT NULL REFERENCES processes(id),
    number INTEGER NOT NULL,
    kind TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (process_id, number, kind)
  );
  `,
];
