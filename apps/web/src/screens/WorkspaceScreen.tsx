/**
 * A party's workspace: its drafts (shared by the party's members), starting a draft on a
 * paragraph (Amend / Insert after, with the label it will get / Delete / Retain), editing it
 * (the editor comes from src/drafting), and tabling it with confirmation.
 */
import { docName, readDrafts } from '@bis/collab';
import { compareLabels, type Paragraph } from '@bis/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, api, type Draft } from '../api/client';
import { useDraftEditor } from '../app/drafting-slot';
import { tablingOffer } from '../app/drafts';
import { Link } from '../app/Link';
import { useProcess } from '../app/process-data';
import { pathOf, useHash } from '../app/router';
import { ConfirmButton } from '../components/Confirm';
import { ParagraphPicker } from '../components/ParagraphPicker';
import { formatDate, t, tn } from '../i18n';
import { useDocConnection, useSyncStatus } from '../sync';
import { DraftStarters } from './ParagraphPanel';
import { unplacedLabels } from './unplaced';

// Whether focus is where people type (a field or an editor): moving it away loses keystrokes.
const isTyping = (el: Element | null): boolean =>
  el instanceof HTMLElement &&
  (el.isContentEditable ||
    el instanceof HTMLInputElement ||
    el instanceof HTMLTextAreaElement ||
    el instanceof HTMLSelectElement);

const DraftCard = ({
  draft,
  party,
  onChange,
  unplaced = [],
}: {
  draft: Draft;
  party: string;
  onChange: () => void;
  /** The labels this draft names that the text does not have: shown as written input, not tabled. */
  unplaced?: readonly string[];
}) => {
  const { process, proposals, refresh } = useProcess();
  const [editing, setEditing] = useState(false);
  const tabled = proposals.find((p) => p.id === draft.id);
  const offer = tablingOffer(tabled);
  const title = t(`actionTitle.${draft.action}`, { label: draft.label });
  const editor = useDraftEditor();
  // The server tables its own copy of the draft: local edits must have reached it first.
  const sync = useSyncStatus();
  return (
    <article
      className="card"
      id={`draft-${draft.id}`}
      aria-labelledby={`draft-${draft.id}-t`}
      data-draft={draft.id}
    >
      <h3 id={`draft-${draft.id}-t`} className="card-title">
        {title}{' '}
        {tabled && (
          <span className="badge st-tabled">{t('ws.alreadyTabled', { n: tabled.versions.length })}</span>
        )}
      </h3>
      {draft.summary && <p className="summary">{draft.summary}</p>}
      <p className="muted small">
        {t('ws.createdBy', { name: draft.createdBy, date: formatDate(draft.createdAt) })}
      </p>
      {unplaced.length > 0 && (
        <p className="note" data-testid="unplaced">
          {t('ws.unplaced', {
            labels: unplaced.map((l) => `§${l}`).join(', '),
            source: draft.source?.file ?? t('ws.unplacedNoFile'),
          })}
        </p>
      )}
      {!editing && (
        <p className="ptext draft-text">{draft.text || <span className="muted">{t('ws.noText')}</span>}</p>
      )}
      {editing && (
        <div data-testid="draft-editor-slot">
          {editor.Editor ? (
            <editor.Editor process={process.id} party={party} draftId={draft.id} />
          ) : editor.failed ? (
            <p className="note" role="alert">
              {t('drafting.loadFailed')}{' '}
              <button type="button" className="btn" onClick={editor.retry}>
                {t('drafting.retry')}
              </button>
            </p>
          ) : (
            <p className="note" role="status">
              {t('drafting.loading')}
            </p>
          )}
        </div>
      )}
      <div className="row wrap">
        <button type="button" className="btn" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          {editing ? t('ws.close') : t('ws.open')}
        </button>
        {offer.kind !== 'closed' && unplaced.length === 0 && (
          <ConfirmButton
            className="btn primary"
            disabled={!sync.saved}
            label={offer.kind === 'again' ? t('cmd.tableAgain', { n: offer.version }) : t('cmd.table')}
            question={t('confirm.table', { proposal: title })}
            run={async () => {
              const p = await api.table(process.id, party, draft.id);
              await refresh();
              onChange();
              return t('ws.tabled', { title, n: p.versions.length });
            }}
          />
        )}
      </div>
      {offer.kind === 'closed' && tabled && (
        <p className="note" data-testid="draft-closed">
          {offer.reason === 'withdrawn'
            ? t('ws.closedWithdrawn')
            : t('ws.closedDecided', { decision: t(`decision.${tabled.decision ?? 'none'}`) })}
        </p>
      )}
      {offer.kind !== 'closed' && unplaced.length === 0 && !sync.saved && (
        <p className="muted small">{tn('ws.waitSaved', sync.pending)}</p>
      )}
    </article>
  );
};

/** Follows the workspace document live (members only), so drafts started by colleagues appear. */
const useLiveDrafts = (pid: string, party: string, userId: string): readonly Draft[] | null => {
  const bound = useDocConnection(docName({ process: pid, scope: 'workspace', party }), userId);
  const [drafts, setDrafts] = useState<readonly Draft[] | null>(null);
  const doc = bound?.doc;
  const synced = bound?.status.synced ?? false;
  useEffect(() => {
    if (!doc) return;
    const read = (): void => setDrafts(readDrafts(doc) as Draft[]);
    doc.on('update', read);
    read();
    return () => doc.off('update', read);
  }, [doc]);
  // Before the first sync an empty local copy says nothing; the REST list stands in.
  return synced || (drafts?.length ?? 0) > 0 ? drafts : null;
};

const LiveDrafts = ({
  pid,
  party,
  userId,
  onDrafts,
}: {
  pid: string;
  party: string;
  userId: string;
  onDrafts: (d: readonly Draft[] | null) => void;
}) => {
  const drafts = useLiveDrafts(pid, party, userId);
  useEffect(() => onDrafts(drafts), [drafts, onDrafts]);
  return null;
};

/** The workspace screen of `party`. */
export const WorkspaceScreen = ({ party }: { party: string }) => {
  const { process, paragraphs, paragraphById, myParties, me: who } = useProcess();
  const me = myParties.find((p) => p.id === party);
  const [restDrafts, setDrafts] = useState<readonly Draft[] | null>(null);
  const [liveDrafts, setLiveDrafts] = useState<readonly Draft[] | null>(null);
  const drafts = liveDrafts ?? restDrafts;
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string>('');

  const load = useCallback(() => {
    api
      .drafts(process.id, party)
      .then((r) => setDrafts(r.drafts))
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [process.id, party]);
  useEffect(load, [load]);

  // Arriving at `#draft-<id>` (from "Amend §77" here or elsewhere): bring that draft into view,
  // once per fragment, as soon as both the fragment and the draft's card are there. Either can
  // come first: the live workspace document often shows the new draft before the REST answer
  // that navigates here. Keyed by the fragment, not by "once ever", so a later keystroke (which
  // re-reads the drafts) never triggers it; and never while the person types somewhere, or
  // their next keystrokes would go to the heading and be lost.
  const hash = useHash();
  const arrived = useRef<string | null>(null);
  useEffect(() => {
    if (!drafts || !hash || arrived.current === hash) return;
    const el = document.getElementById(hash.slice(1));
    if (!el) return;
    arrived.current = hash;
    if (isTyping(document.activeElement)) return;
    el.scrollIntoView({ block: 'center' });
    const h = el.querySelector('h3');
    h?.setAttribute('tabindex', '-1');
    h?.focus();
  }, [drafts, hash]);

  const paragraph: Paragraph | undefined = chosen ? paragraphById.get(chosen) : undefined;
  // In text order (by label), not in the order the map happens to hold them.
  const sorted = useMemo(
    () => [...(drafts ?? [])].sort((a, b) => compareLabels(a.label, b.label) || a.id.localeCompare(b.id)),
    [drafts],
  );
  // Drafts naming paragraphs this text does not have (written input against another text) are
  // listed apart, as written input with their labels unresolved.
  const unplaced = useMemo(
    () => new Map(sorted.map((d) => [d.id, unplacedLabels(d.targets, paragraphs)])),
    [sorted, paragraphs],
  );
  const placed = sorted.filter((d) => (unplaced.get(d.id)?.length ?? 0) === 0);
  const written = sorted.filter((d) => (unplaced.get(d.id)?.length ?? 0) > 0);
  const name = me?.name ?? process.parties.find((p) => p.id === party)?.name ?? party;

  return (
    <main id="main" tabIndex={-1} className="page">
      {me && who.user && (
        <LiveDrafts pid={process.id} party={party} userId={who.user.id} onDrafts={setLiveDrafts} />
      )}
      <h1>{t('ws.title', { party: name })}</h1>
      <p>{t('ws.intro', { party: name })}</p>
      {!me && (
        <p className="error" role="alert">
          {t('ws.notMember')}
        </p>
      )}
      <p>
        <Link href={pathOf({ name: 'import', pid: process.id, party })}>{t('nav.import')}</Link>
      </p>
      {me && (
        <section aria-labelledby="start-title" className="box">
          <h2 id="start-title">{t('ws.start')}</h2>
          <ParagraphPicker paragraphs={paragraphs} value={chosen} onChange={setChosen} />
          {paragraph && <DraftStarters paragraph={paragraph} party={me} />}
        </section>
      )}
      <section aria-labelledby="drafts-title">
        <h2 id="drafts-title">{t('ws.drafts')}</h2>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {drafts === null && !error && <p>{t('app.loading')}</p>}
        {drafts?.length === 0 && <p>{t('ws.none')}</p>}
        {drafts !== null && drafts.length > 0 && placed.length === 0 && <p>{t('ws.noPlaced')}</p>}
        {placed.map((d) => (
          <DraftCard key={d.id} draft={d} party={party} onChange={load} />
        ))}
      </section>
      {written.length > 0 && (
        <section aria-labelledby="written-title" data-testid="unplaced-input">
          <h2 id="written-title">{t('ws.writtenInput')}</h2>
          <p className="note">{tn('ws.writtenInputIntro', written.length)}</p>
          {written.map((d) => (
            <DraftCard
              key={d.id}
              draft={d}
              party={party}
              onChange={load}
              unplaced={unplaced.get(d.id) ?? []}
            />
          ))}
        </section>
      )}
    </main>
  );
};
