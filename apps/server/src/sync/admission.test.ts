import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Admission, type Admittee, type RoomView } from './admission';
import { DEFAULT_SYNC_LIMITS, type SyncAccess, type SyncLimits } from './options';
import { CloseCode } from './protocol';

interface User {
  readonly id: string;
}

/** Admission over a rights table, a session table and a hand-driven clock: no sockets. */
const setup = (limits: Partial<SyncLimits> = {}) => {
  const clock = { now: 1_000_000 };
  const rights = new Map<string, SyncAccess>();
  const signedIn = new Set<string>(['alice', 'bob', 'olga']);
  const admission = new Admission<User>(
    {
      access: (p, doc) =>
        p
          ? (rights.get(`${p.id} ${doc}`) ?? { read: false, write: false })
          : (rights.get(`- ${doc}`) ?? { read: false, write: false }),
      principalId: (p) => p.id,
      validate: null,
      schemaVersion: 2,
      sessionValid: (p) => signedIn.has(p.id),
    },
    { ...DEFAULT_SYNC_LIMITS, ...limits },
    () => clock.now,
  );
  const conns: Admittee<User>[] = [];
  const room: RoomView<User> = {
    name: 'p/x/ws/a',
    doc: new Y.Doc(),
    owners: new Map(),
    conns: new Set(conns),
    bytes: 0,
    deleteSet: () => Y.createDeleteSetFromStructStore(room.doc.store),
  };
  const connect = (user: string | null, address = '10.0.0.1', doc = room.name) => {
    const c = admission.newAdmittee(doc, address);
    const arrived = admission.arrive(c);
    const admitted = arrived ? null : admission.admit(c, user === null ? null : { id: user }, null);
    if (!arrived && !admitted) (room.conns as Set<Admittee<User>>).add(c);
    return { c, refusal: arrived ?? admitted };
  };
  return { admission, clock, rights, signedIn, room, connect };
};

/** An update written by client id `client`. */
const updateBy = (client: number, text = 'x'): Uint8Array => {
  const d = new Y.Doc();
  d.clientID = client;
  d.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(d);
};

describe('admission', () => {
  it('admits by document name, read access and schema, with the close code of each refusal', () => {
    const { admission, rights, room, connect } = setup();
    rights.set(`alice ${room.name}`, { read: true, write: true });
    expect(connect('alice').refusal).toBeNull();
    expect(connect('bob').refusal?.code).toBe(CloseCode.forbidden);
    expect(connect(null).refusal?.code).toBe(CloseCode.unauthenticated);
    expect(connect('alice', '10.0.0.1', '../etc').refusal?.code).toBe(CloseCode.notFound);
    const c = admission.newAdmittee(room.name, '10.0.0.2');
    admission.arrive(c);
    expect(admission.admit(c, { id: 'alice' }, 1)?.code).toBe(CloseCode.schemaMismatch);
  });

  it('caps connections per user and per address, and counts a departure', () => {
    const { admission, rights, room, connect } = setup({
      maxConnectionsPerUser: 2,
      maxConnectionsPerAddress: 3,
    });
    rights.set(`alice ${room.name}`, { read: true, write: true });
    rights.set(`olga ${room.name}`, { read: true, write: false });
    const a1 = connect('alice', '10.0.0.1');
    expect(connect('alice', '10.0.0.2').refusal).toBeNull();
    const third = connect('alice', '10.0.0.3');
    expect(third.refusal?.code).toBe(CloseCode.tooManyConnections);
    expect(third.refusal?.reason).toMatch(/your account/);
    admission.depart(third.c);
    admission.depart(a1.c);
    expect(connect('alice', '10.0.0.1').refusal).toBeNull();
    expect(connect('olga', '10.0.0.1').refusal).toBeNull();
    expect(connect('olga', '10.0.0.1').refusal).toBeNull();
    const full = connect('olga', '10.0.0.1');
    expect(full.refusal?.code).toBe(CloseCode.tooManyConnections);
    expect(full.refusal?.reason).toMatch(/your address/);
  });

  it('limits messages per connection and per user, refilling with time', () => {
    const { admission, clock, rights, room, connect } = setup({
      messagesPerSecond: 10,
      messageBurst: 10,
      userMessagesPerSecond: 10,
      userMessageBurst: 15,
    });
    rights.set(`alice ${room.name}`, { read: true, write: true });
    const a = connect('alice').c;
    const b = connect('alice').c;
    for (let i = 0; i < 10; i++) expect(admission.message(a)).toBeNull();
    expect(admission.message(a)?.reason).toMatch(/this connection/);
    for (let i = 0; i < 5; i++) expect(admission.message(b)).toBeNull();
    expect(admission.message(b)?.reason).toMatch(/your account/);
    clock.now += 1000;
    expect(admission.message(b)).toBeNull();
  });

  it('budgets answer bytes per connection', () => {
    const { admission, clock, rights, room, connect } = setup({
      answerBurstBytes: 1000,
      answerBytesPerSecond: 100,
    });
    rights.set(`alice ${room.name}`, { read: true, write: true });
    const a = connect('alice').c;
    expect(admission.answer(a, 900)).toBeNull();
    expect(admission.answer(a, 200)?.code).toBe(CloseCode.rateLimited);
    clock.now += 2000;
    expect(admission.answer(a, 200)).toBeNull();
  });

  it('checks updates against current rights, the read-only effect and client-id ownership', () => {
    const { admission, rights, room, connect, signedIn } = setup({ maxDocBytes: 10_000 });
    rights.set(`alice ${room.name}`, { read: true, write: true });
    rights.set(`bob ${room.name}`, { read: true, write: true });
    rights.set(`olga ${room.name}`, { read: true, write: false });
    const a = connect('alice').c;
    const b = connect('bob').c;
    const o = connect('olga').c;
    const mine = updateBy(7, 'Alice');
    expect(admission.checkUpdate(room, a, mine)).toEqual({ kind: 'apply', writers: [7], clients: [7] });
    Y.applyUpdate(room.doc, mine);
    room.owners.set(7, 'alice');
    // A reader's update that brings nothing is a no-op; one that brings something is refused.
    expect(admission.checkUpdate(room, o, mine)).toEqual({ kind: 'noop' });
    const byReader = admission.checkUpdate(room, o, updateBy(9));
    expect(byReader.kind === 'refuse' && byReader.refusal.reason).toMatch(/read-only/);
    // Structs under Alice's id from Bob are refused, even the ones the server already has.
    const forged = admission.checkUpdate(room, b, mine);
    expect(forged.kind === 'refuse' && forged.refusal.reason).toMatch(/belongs to another user/);
    const big = admission.checkUpdate(room, b, updateBy(8, 'y'.repeat(20_000)));
    expect(big.kind === 'refuse' && big.refusal.code).toBe(CloseCode.tooLarge);
    // Rights are read at each update: a revoked writer, an ended session.
    rights.set(`bob ${room.name}`, { read: true, write: false });
    const revoked = admission.checkUpdate(room, b, updateBy(8));
    expect(revoked.kind === 'refuse' && revoked.refusal.reason).toMatch(/read-only/);
    signedIn.delete('alice');
    const ended = admission.checkUpdate(room, a, updateBy(7, 'more'));
    expect(ended.kind === 'refuse' && ended.refusal.code).toBe(CloseCode.unauthenticated);
  });

  it("binds a writer's presence client id, and lets nobody else speak or write for it", () => {
    const { admission, rights, room, connect } = setup();
    rights.set(`alice ${room.name}`, { read: true, write: true });
    rights.set(`bob ${room.name}`, { read: true, write: true });
    rights.set(`olga ${room.name}`, { read: true, write: false });
    const a = connect('alice').c;
    const b = connect('bob').c;
    const o = connect('olga').c;
    expect(admission.claim(room, a, 11)).toBe('bound');
    expect(room.owners.get(11)).toBe('alice');
    expect(admission.claim(room, a, 11)).toBe('yes');
    expect(admission.claim(room, b, 11)).toBe('no');
    // One binding per connection: a second id is spoken for, not bound.
    expect(admission.claim(room, a, 13)).toBe('yes');
    expect(room.owners.has(13)).toBe(false);
    // A reader speaks for its id without binding it.
    expect(admission.claim(room, o, 12)).toBe('yes');
    expect(room.owners.has(12)).toBe(false);
    // After Alice leaves, Bob still cannot take her id, for presence or for writing.
    (room.conns as Set<Admittee<User>>).delete(a);
    admission.depart(a);
    expect(admission.claim(room, b, 11)).toBe('no');
    const w = admission.checkUpdate(room, b, updateBy(11));
    expect(w.kind === 'refuse' && w.refusal.reason).toMatch(/belongs to another user/);
  });

  it('rechecks an open connection: read access removed (4403), session ended (4401)', () => {
    const { admission, rights, room, connect, signedIn } = setup();
    rights.set(`alice ${room.name}`, { read: true, write: true });
    rights.set(`bob ${room.name}`, { read: true, write: true });
    const a = connect('alice').c;
    const b = connect('bob').c;
    expect(admission.recheck(a)).toBeNull();
    rights.set(`alice ${room.name}`, { read: true, write: false });
    expect(admission.recheck(a)).toBeNull(); // downgraded, still a reader
    rights.set(`alice ${room.name}`, { read: false, write: false });
    expect(admission.recheck(a)?.code).toBe(CloseCode.forbidden);
    signedIn.delete('bob');
    expect(admission.recheck(b)?.code).toBe(CloseCode.unauthenticated);
  });
});
