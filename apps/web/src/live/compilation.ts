/**
 * The live compilation of a process: a read-only y-websocket connection to
 * `p/<pid>/compilation` (written by the server on every REST command), so tabled proposals,
 * support and decisions appear without a reload. The same connection carries presence
 * (awareness): which paragraph each participant is looking at; the server stamps who they are.
 */
import { docName, readCompilation } from '@bis/collab';
import type { Proposal } from '@bis/core';
import { useEffect, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** The connection state shown on the status line. */
export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

/** Someone online in the process, from awareness. */
export interface Presence {
  readonly clientId: number;
  readonly name: string;
  readonly party: string | null;
  readonly role: string;
  readonly color: string;
  /** The paragraph id they have open, or null. */
  readonly paragraph: string | null;
  readonly self: boolean;
}

/** What `useLiveCompilation` returns. */
export interface LiveCompilation {
  /** The proposals of the compilation doc, or null until the first sync. */
  readonly proposals: readonly Proposal[] | null;
  readonly state: ConnectionState;
  /** The reason of a permanent close (4400–4499), shown to the user. */
  readonly closedReason: string | null;
  readonly people: readonly Presence[];
  /** Tells the others which paragraph this user has open. */
  readonly setParagraph: (id: string | null) => void;
}

/** The WebSocket base URL of the sync endpoint on this origin. */
export const syncUrl = (): string =>
  `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/sync`;

const readPeople = (provider: WebsocketProvider): Presence[] => {
  const self = provider.awareness.clientID;
  const out: Presence[] = [];
  for (const [clientId, state] of provider.awareness.getStates()) {
    const user = (state as { user?: Record<string, unknown> }).user;
    if (!user) continue;
    const paragraph = (state as { paragraph?: unknown }).paragraph;
    out.push({
      clientId,
      name: typeof user.name === 'string' ? user.name : '?',
      party: typeof user.party === 'string' ? user.party : null,
      role: typeof user.role === 'string' ? user.role : '',
      color: typeof user.color === 'string' ? user.color : '#555555',
      paragraph: typeof paragraph === 'string' ? paragraph : null,
      self: clientId === self,
    });
  }
  return out.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
};

/** Subscribes to the compilation document of `pid` while mounted. */
export const useLiveCompilation = (pid: string): LiveCompilation => {
  const [proposals, setProposals] = useState<readonly Proposal[] | null>(null);
  const [state, setState] = useState<ConnectionState>('connecting');
  const [closedReason, setClosedReason] = useState<string | null>(null);
  const [people, setPeople] = useState<readonly Presence[]>([]);
  const [provider, setProvider] = useState<WebsocketProvider | null>(null);

  useEffect(() => {
    const ydoc = new Y.Doc();
    const p = new WebsocketProvider(syncUrl(), docName({ process: pid, scope: 'compilation' }), ydoc, {
      // Reading a large compilation must not block the first paint; the provider resyncs on reconnect.
      maxBackoffTime: 5000,
    });
    const onUpdate = (): void => setProposals(readCompilation(ydoc) as Proposal[]);
    ydoc.on('update', onUpdate);
    p.on('sync', (synced: boolean) => {
      if (synced) onUpdate();
    });
    p.on('status', ({ status }: { status: ConnectionState }) => setState(status));
    p.on('connection-close', (event: CloseEvent | null) => {
      if (event && event.code >= 4400 && event.code < 4500)
        setClosedReason(event.reason || String(event.code));
    });
    const onAwareness = (): void => setPeople(readPeople(p));
    p.awareness.on('change', onAwareness);
    p.awareness.setLocalStateField('paragraph', null);
    setProvider(p);
    return () => {
      p.awareness.off('change', onAwareness);
      p.destroy();
      ydoc.destroy();
      setProvider(null);
    };
  }, [pid]);

  const setParagraph = (id: string | null): void => {
    provider?.awareness.setLocalStateField('paragraph', id);
  };
  return { proposals, state, closedReason, people, setParagraph };
};
