/**
 * The data of one open process, shared by its screens: who you are, the process (parties,
 * revisions, your roles), the current revision's text, and the proposals — first from REST,
 * then live from the compilation document.
 */
import { type BisDocument, documentFromJSON, type Paragraph, type Proposal, paragraphsOf } from '@bis/core';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
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
  const [restProposals, setRestProposals] = useState<readonly Proposal[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const live = useLiveCompilation(pid);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the load on retry.
  useEffect(() => {
    let stop = false;
    setError(null);
    (async () => {
      const process = await api.process(pid);
      const [doc, props] = await Promise.all([
        api.revision(pid, process.currentRevision),
        api.proposals(pid),
      ]);
      if (stop) return;
      setLoaded({ me, process, document: documentFromJSON(doc) });
      setRestProposals(props.proposals);
    })().catch((e: unknown) => {
      if (!stop) setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    });
    return () => {
      stop = true;
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
      proposals: live.proposals ?? restProposals,
      partyByName,
      myParties: process.parties.filter((p) => process.you.parties.includes(p.id)),
      isChair: roles.includes('co-facilitator') || roles.includes('secretariat'),
      live,
      refresh: async () => setRestProposals((await api.proposals(pid)).proposals),
    };
  }, [loaded, live, restProposals, pid]);

  if (!value) return <>{fallback({ error, retry: () => setAttempt((n) => n + 1) })}</>;
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
};
