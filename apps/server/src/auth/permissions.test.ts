import { describe, expect, it } from 'vitest';
import { openSqliteDb } from '../db/sqlite';
import { docAccess } from './permissions';
import type { Principal } from './principal';

const setup = (isPublic: boolean) => {
  const db = openSqliteDb(':memory:');
  const user = (id: string, admin = false): Principal => {
    db.createUser({ id, name: id, email: null, admin, now: 0 });
    return { userId: id, name: id, admin, via: 'session' };
  };
  db.createProcess({
    id: 'p1',
    title: 'T',
    symbol: null,
    public: isPublic,
    currentRevision: 0,
    createdAt: 0,
    createdBy: null,
  });
  db.putRevision({
    processId: 'p1',
    number: 0,
    name: 'Zero draft',
    state: 'published',
    publishedAt: 0,
    deadline: null,
    document: null,
  });
  for (const id of ['kenya', 'ngo'])
    db.createParty({ id, processId: 'p1', name: id, group: 'member-state', region: null });
  const who = {
    admin: user('admin', true),
    cofac: user('cofac'),
    secretariat: user('sec'),
    kenya: user('ke'),
    ngo: user('ngo'),
    observer: user('obs'),
    outsider: user('out'),
  };
  db.grantRole('p1', 'cofac', 'co-facilitator');
  db.grantRole('p1', 'sec', 'secretariat');
  db.grantRole('p1', 'obs', 'observer');
  db.addMember('p1', 'kenya', 'ke');
  db.addMember('p1', 'ngo', 'ngo');
  return { db, who };
};

const R = { read: true, write: false };
const RW = { read: true, write: true };
const NO = { read: false, write: false };

describe('docAccess: the permission table of DESIGN.md', () => {
  it('gives each role exactly its rights in a private process', () => {
    const { db, who } = setup(false);
    const table: [keyof typeof who, Record<string, typeof R>][] = [
      ['admin', { 'rev/0': R, next: RW, 'ws/kenya': NO, compilation: R }],
      ['cofac', { 'rev/0': R, next: RW, 'ws/kenya': NO, compilation: R }],
      ['secretariat', { 'rev/0': R, next: RW, 'ws/kenya': NO, compilation: R }],
      ['kenya', { 'rev/0': R, next: NO, 'ws/kenya': RW, 'ws/ngo': NO, compilation: R }],
      ['ngo', { 'rev/0': R, next: NO, 'ws/kenya': NO, 'ws/ngo': RW, compilation: R }],
      ['observer', { 'rev/0': R, next: NO, 'ws/kenya': NO, compilation: R }],
      ['outsider', { 'rev/0': NO, next: NO, 'ws/kenya': NO, compilation: NO }],
    ];
    for (const [role, rights] of table) {
      for (const [doc, want] of Object.entries(rights)) {
        expect(docAccess(db, who[role], `p/p1/${doc}`), `${role} on ${doc}`).toEqual(want);
      }
    }
    expect(docAccess(db, null, 'p/p1/rev/0')).toEqual(NO);
  });

  it('lets the public read the published text and the compilation of a public process, nothing else', () => {
    const { db, who } = setup(true);
    for (const p of [null, who.outsider]) {
      expect(docAccess(db, p, 'p/p1/rev/0')).toEqual(R);
      expect(docAccess(db, p, 'p/p1/compilation')).toEqual(R);
      expect(docAccess(db, p, 'p/p1/next')).toEqual(NO);
      expect(docAccess(db, p, 'p/p1/ws/kenya')).toEqual(NO);
    }
  });

  it('refuses unknown documents, unpublished revisions and other processes', () => {
    const { db, who } = setup(true);
    for (const name of [
      'p/p1/rev/1',
      'p/p2/compilation',
      'p/p1/ws/nobody',
      'p/p1/other',
      'x',
      'p/p1/rev/01',
    ]) {
      expect(docAccess(db, who.admin, name), name).toEqual(NO);
    }
  });

  it('follows role changes on the very next check', () => {
    const { db, who } = setup(false);
    expect(docAccess(db, who.kenya, 'p/p1/ws/kenya')).toEqual(RW);
    db.removeMember('p1', 'kenya', 'ke');
    expect(docAccess(db, who.kenya, 'p/p1/ws/kenya')).toEqual(NO);
    expect(docAccess(db, who.kenya, 'p/p1/compilation')).toEqual(NO);
    db.grantRole('p1', 'ke', 'co-facilitator');
    expect(docAccess(db, who.kenya, 'p/p1/next')).toEqual(RW);
  });
});
