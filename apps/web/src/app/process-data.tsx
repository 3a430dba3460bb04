/**
 * The data of one open process, shared by its screens: who you are, the process (parties,
 * revisions, your roles), the current revision's text, and the proposals — first from REST,
 * then live from the compilation document.
 */
import { type BisDocument, documentFromJSON, type Paragraph, type Proposal, paragraphsOf } from '@bis/core';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, api, type Me, type PartyRow, type ProcessView } from '../api/client';
import { type LiveCompilation, useLiveCompilation } from '../live/compilation';

/** Everything a process screen needs. */
export interface ProcessData {
  readonly me: Me;
  readonly process: ProcessView;
  readonly document: BisDocument;
  readonly paragraphs: readonly Paragraph[];
  readonly paragraphById: ReadonlyMap<string, Paragraph>;
  readonly proposals: readonly Proposal[];
  readonly partyByName: ReadonlyMap<string, PartyRow>;
  /** The parties the user is a member of. */
  readonly myParties: readonly PartyRow[];
  readonly isChair: boolean;
  readonly live: LiveCompilation;
  /** True once the proposals are known (live or REST); before that counts are not shown as zero. */
  readonly proposalsKnown: boolean;
  /** Re-reads the proposals over REST (after a command, when the live connection is down). */
  readonly refresh: () => Promise<void>;
}

const Ctx = createContext<ProcessData | null>(null);

/** The data of the open process (inside `ProcessProvider`). */
export const useProcess = (): ProcessData => {
  const v = useContext(Ctx);
  if (!v) throw new Error('useProcess outside ProcessProvider');
  return v;
};

interface Loaded {
  readonly me: Me;
  readonly process: ProcessView;
  readonly document: BisDocument;
}

/** Loads a process and provides it to `children`; shows loading and errors itself. */
export const ProcessProvider = ({
  pid,
  me,
  children,
  fallback,
}: {
  pid: string;
  me: Me;
  children: ReactNode;
  fallback: (state: { error: ApiError | null; retry: () => void }) => ReactNode;
}) => {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [restProposals, setRestProposals] = useState<readonly Proposal[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const live = useLiveCompilation(pid);
  const liveSynced = useRef(false);
  liveSynced.current = live.proposals !== null;
  const liveState = useRef(live.state);
  liveState.current = live.state;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the load on retry.
  useEffect(() => {
    let stop = false;
    let fallback = 0;
    setError(null);
    (async () => {
      // The text first; the proposals come live from the compilation document. Only when that has
      // not synced within a few seconds (WebSocket blocked, slow link) are they fetched over REST
      // too — on a weak connection the same megabytes are not downloaded twice.
      fallback = window.setTimeout(() => {
        if (liveSynced.current) return;
        api
          .proposals(pid)
          .then((r) => {
            if (!stop) setRestProposals(r.proposals);
          })
          .catch(() => {});
      }, 3000);
      const p = await api.process(pid);
      const doc = await api.revision(pid, p.currentRevision);
      if (stop) return;
      setLoaded({ me, process: p, document: documentFromJSON(doc) });
    })().catch((e: unknown) => {
      if (!stop) setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    });
    return () => {
      stop = true;
      window.clearTimeout(fallback);
    };
  }, [pid, me, attempt]);

  const value = useMemo((): ProcessData | null => {
    if (!loaded) return null;
    const { process, document } = loaded;
    const paragraphs = paragraphsOf(document);
    const partyByName = new Map(process.parties.map((p) => [p.name, p]));
    const roles = process.you.roles;
    return {
      me: loaded.me,
      process,
      document,
      paragraphs,
      paragraphById: new Map(paragraphs.map((p) => [p.id as string, p])),
      // The live document wins once synced: it carries every command since the REST read.
      proposals: live.proposals ?? restProposals ?? [],
      proposalsKnown: live.proposals !== null || restProposals !== null,
      partyByName,
      myParties: process.parties.filter((p) => process.you.parties.includes(p.id)),
      isChair: roles.includes('co-facilitator') || roles.includes('secretariat'),
      live,
      // While the live document is connected it brings every change itself; re-reading the whole
      // compilation after each command would cost a weak connection megabytes.
      refresh: async () => {
        if (liveState.current === 'connected' && liveSynced.current) return;
        setRestProposals((await api.proposals(pid)).proposals);
      },
    };
  }, [loaded, live, restProposals, pid]);

  if (!value) return <>{fallback({ error, retry: () => setAttempt((n) => n + 1) })}</>;
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
};
