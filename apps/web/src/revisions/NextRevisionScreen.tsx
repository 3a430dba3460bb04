/**
 * The co-facilitators' next revision: the decided proposals waiting to be applied (apply, apply
 * anyway over a conflict, or record as applied by hand), the working text with each paragraph's
 * provenance and status, and publication with confirmation.
 */
import {
  type Bracket,
  PARAGRAPH_STATUSES,
  type ParagraphStatus,
  type Proposal,
  type RevisionConflict,
} from '@bis/core';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { useProcess } from '../app/process-data';
import { announce } from '../components/Announcer';
import { BracketedText, carriedDepths } from '../components/Brackets';
import { ConfirmButton } from '../components/Confirm';
import { headingText, PrintedLabel, spokenLabel, Tags } from '../components/Printed';
import { type MessageKey, t } from '../i18n';
import { type AppliedParagraphs, ApplyRefused, type NextView, revisionsApi } from './api';

// ProseMirror is a chunk of its own, loaded only on this screen.
const NextTextEditor = lazy(() => import('./NextTextEditor').then((m) => ({ default: m.NextTextEditor })));

/** Opens the shared editor on a paragraph (by id). */
type OpenAt = (paragraph: string) => void;

const conflictText = (c: RevisionConflict): string =>
  t(`rev.conflict.${c.kind}` as MessageKey, { label: c.label });

const proposalTitle = (p: Proposal): string =>
  `${t(`actionTitle.${p.action}` as MessageKey, { label: p.label })} (${p.party})`;

const Candidate = ({
  proposal,
  conflicts,
  reload,
  openAt,
}: {
  proposal: Proposal;
  conflicts: readonly RevisionConflict[];
  reload: () => Promise<void>;
  openAt: OpenAt;
}) => {
  const { process } = useProcess();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (
    what: () => Promise<{ readonly applied?: readonly AppliedParagraphs[] } | { readonly ok: true }>,
    edit = false,
  ) => {
    setBusy(true);
    setError(null);
    try {
      const r = await what();
      announce(t('rev.next.applied', { proposal: proposalTitle(proposal) }));
      await reload();
      // Accepted as modified, or applied over a conflict: the chairs adjust the wording next.
      const first = ('applied' in r ? r.applied : undefined)?.flatMap((a) => [
        ...a.changed,
        ...a.inserted,
      ])[0];
      if (edit && first) openAt(first);
    } catch (e) {
      setError(
        e instanceof ApplyRefused
          ? e.conflicts.map(conflictText).join(' ')
          : e instanceof ApiError
            ? e.message
            : String(e),
      );
    } finally {
      setBusy(false);
    }
  };
  const targets = proposal.targets
    .map((x) => x.paragraph)
    .filter((x): x is NonNullable<typeof x> => x !== null);
  return (
    <li className="desk-item" data-proposal={proposal.id}>
      <p>
        <strong>{proposalTitle(proposal)}</strong> —{' '}
        {t(`decision.${proposal.decision ?? 'accepted'}` as MessageKey)}
      </p>
      {proposal.text && <p className="small">{proposal.text}</p>}
      {conflicts.length > 0 && (
        <div className="note" role="note">
          <strong>{t('rev.next.conflicts')}:</strong> {conflicts.map(conflictText).join(' ')}
        </div>
      )}
      <div className="row wrap">
        {conflicts.length === 0 ? (
          <button
            type="button"
            className="btn primary"
            disabled={busy}
            onClick={() =>
              void run(
                () => revisionsApi.apply(process.id, proposal.id),
                proposal.decision === 'accepted-as-modified',
              )
            }
          >
            {busy ? t('cmd.working') : t('rev.next.apply')}
          </button>
        ) : (
          <>
            <button
              type="button"
              className="btn"
              disabled={busy}
              onClick={() => void run(() => revisionsApi.apply(process.id, proposal.id, true), true)}
            >
              {t('rev.next.applyAnyway')}
            </button>
            <button
              type="button"
              className="btn"
              disabled={busy || targets.length === 0}
              onClick={() => void run(() => revisionsApi.byHand(process.id, proposal.id, targets, ''))}
            >
              {t('rev.next.byHand')}
            </button>
          </>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </li>
  );
};

const StatusSelect = ({
  id,
  label,
  status,
  reload,
}: {
  id: string;
  label: string;
  status: ParagraphStatus;
  reload: () => Promise<void>;
}) => {
  const { process } = useProcess();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <label className="field">
        <span className="small">{t('rev.next.status', { label })}</span>
        <select
          value={status}
          onChange={(e) => {
            setError(null);
            revisionsApi
              .setStatus(process.id, id, e.target.value as ParagraphStatus)
              .then(reload)
              .catch((x: unknown) => setError(x instanceof ApiError ? x.message : String(x)));
          }}
        >
          {PARAGRAPH_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`rev.status.${s}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </>
  );
};

// One bracket per line: `passage` or `passage => alternative / alternative`.
const parseBrackets = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [passage = '', alts = ''] = l.split('=>');
      return {
        passage: passage.trim(),
        alternatives: alts
          .split('/')
          .map((a) => a.trim())
          .filter(Boolean),
      };
    });
const printBrackets = (bs: readonly Bracket[]) =>
  bs
    .map((b) => (b.alternatives.length ? `${b.passage} => ${b.alternatives.join(' / ')}` : b.passage))
    .join('\n');

const BracketsForm = ({
  id,
  label,
  brackets,
  reload,
}: {
  id: string;
  label: string;
  brackets: readonly Bracket[];
  reload: () => Promise<void>;
}) => {
  const { process } = useProcess();
  const [text, setText] = useState(printBrackets(brackets));
  const [error, setError] = useState<string | null>(null);
  return (
    <details>
      <summary>{t('rev.next.editBrackets', { label })}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          revisionsApi
            .setBrackets(process.id, id, parseBrackets(text))
            .then(reload)
            .catch((x: unknown) => setError(x instanceof ApiError ? x.message : String(x)));
        }}
      >
        <label className="field">
          <span className="small">{t('rev.next.bracketsHelp')}</span>
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={2} />
        </label>
        <button type="submit" className="btn">
          {t('rev.next.saveBrackets')}
        </button>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </form>
    </details>
  );
};

/** The next-revision screen. */
export const NextRevisionScreen = () => {
  const { process, isChair, proposals, me } = useProcess();
  const [focus, setFocus] = useState<{ paragraph: string; times: number } | null>(null);
  const openAt = useCallback<OpenAt>(
    (paragraph) => setFocus((f) => ({ paragraph, times: (f?.times ?? 0) + 1 })),
    [],
  );
  const [view, setView] = useState<NextView | null>(null);
  const [closed, setClosed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const labelOf = useMemo(
    () => new Map(proposals.map((p) => [p.id as string, `${p.label} (${p.party})`])),
    [proposals],
  );
  const depths = useMemo(() => (view ? carriedDepths(view.document) : new Map()), [view]);

  const reload = useCallback(async () => {
    try {
      setView(await revisionsApi.next(process.id));
      setClosed(false);
      setError(null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setClosed(true);
      else setError(e instanceof ApiError ? e.message : String(e));
    }
  }, [process.id]);
  useEffect(() => {
    if (isChair) void reload();
  }, [isChair, reload]);
  // The text changed (typing here or by a colleague): refresh provenance a moment later.
  const pendingRefresh = useRef<ReturnType<typeof setTimeout> | null>(null);
  const textChanged = useCallback(() => {
    if (pendingRefresh.current) clearTimeout(pendingRefresh.current);
    pendingRefresh.current = setTimeout(() => void reload(), 1500);
  }, [reload]);
  useEffect(
    () => () => {
      if (pendingRefresh.current) clearTimeout(pendingRefresh.current);
    },
    [],
  );

  const currentName = process.revisions.find((r) => r.number === process.currentRevision)?.name ?? '';
  const nextName = `Rev.${process.currentRevision + 1}`;
  if (!isChair)
    return (
      <main id="main" tabIndex={-1} className="page">
        <h1>{t('nav.next')}</h1>
        <p className="note">{t('rev.next.notChair')}</p>
      </main>
    );
  return (
    <main id="main" tabIndex={-1} className="page">
      <h1>{t('rev.next.title', { name: view?.name ?? nextName })}</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {closed && (
        <>
          <p>{t('rev.next.closed', { current: currentName })}</p>
          <ConfirmButton
            className="btn primary"
            label={t('rev.next.open', { name: nextName })}
            question={t('rev.next.closed', { current: currentName })}
            run={async () => {
              await revisionsApi.open(process.id);
              await reload();
              return t('rev.next.opened', { name: nextName });
            }}
          />
        </>
      )}
      {view && (
        <>
          <section aria-labelledby="rev-candidates">
            <h2 id="rev-candidates">{t('rev.next.candidates')}</h2>
            {view.candidates.length === 0 ? (
              <p>{t('rev.next.noCandidates')}</p>
            ) : (
              <ul className="plain">
                {view.candidates.map((c) => (
                  <Candidate
                    key={c.proposal.id}
                    proposal={c.proposal}
                    conflicts={c.conflicts}
                    reload={reload}
                    openAt={openAt}
                  />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="rev-editor">
            <h2 id="rev-editor">{t('rev.next.editor')}</h2>
            <Suspense fallback={<p>{t('rev.next.editorLoading')}</p>}>
              <NextTextEditor
                process={process.id}
                userId={me.user?.id ?? 'anonymous'}
                name={view.name}
                focus={focus}
                onChange={textChanged}
              />
            </Suspense>
          </section>
          <section aria-labelledby="rev-text">
            <h2 id="rev-text">{t('rev.next.text')}</h2>
            <ol className="plain">
              {view.document.blocks.map((b, i) => {
                if (b.kind === 'heading')
                  return (
                    <li key={b.id || `h${i}`}>
                      {b.role === 'chapeau' ? (
                        <p className="chapeau">
                          {headingText(b)}
                          <Tags tags={b.tags} />
                        </p>
                      ) : (
                        <h3>
                          {headingText(b)}
                          <Tags tags={b.tags} />
                        </h3>
                      )}
                    </li>
                  );
                const prov = view.provenance.find((x) => x.id === b.id);
                return (
                  <li key={b.id || `p${i}`} className="desk-group" data-paragraph={b.label}>
                    <p>
                      <PrintedLabel paragraph={b} />{' '}
                      <span className="sr-only">{t('para.label', { label: spokenLabel(b) })} </span>
                      <BracketedText text={b.text} carried={depths.get(b.id)?.text ?? 0} />
                      {b.points.length === 0 && <Tags tags={b.tags} />}
                    </p>
                    {b.points.map((pt, k) => (
                      <p key={pt.label} className="small">
                        ({pt.label}){' '}
                        <BracketedText text={pt.text} carried={depths.get(b.id)?.points[k] ?? 0} />
                        {k === b.points.length - 1 && <Tags tags={b.tags} />}
                      </p>
                    ))}
                    {prov && (
                      <div className="row wrap small">
                        <span className="badge">
                          {prov.isNew ? `${t('rev.origin.new')}, ` : ''}
                          {t(`rev.origin.${prov.origin}` as MessageKey)}
                        </span>
                        {prov.proposals.length > 0 && (
                          <span>{prov.proposals.map((id) => labelOf.get(id) ?? id).join('; ')}</span>
                        )}
                        {prov.editing && prov.origin !== 'chairs' ? (
                          <button type="button" className="btn" onClick={() => openAt(b.id)}>
                            {t('rev.next.editing')}
                          </button>
                        ) : (
                          <button type="button" className="btn small" onClick={() => openAt(b.id)}>
                            {t('rev.next.editHere', { label: b.label })}
                          </button>
                        )}
                        {prov.brackets.length > 0 && (
                          <span>
                            {t('rev.next.brackets', {
                              passages: prov.brackets.map((x) => `[${x.passage}]`).join(', '),
                            })}
                          </span>
                        )}
                        <StatusSelect id={b.id} label={b.label} status={prov.status} reload={reload} />
                        <BracketsForm id={b.id} label={b.label} brackets={prov.brackets} reload={reload} />
                      </div>
                    )}
                  </li>
                );
              })}
            </ol>
          </section>
          <ConfirmButton
            className="btn primary"
            label={t('rev.next.publish', { name: view.name })}
            question={t('rev.next.publishQuestion', { name: view.name })}
            run={async () => {
              const r = await revisionsApi.publish(process.id);
              // The process (its current revision) changed: load the app again on the new revision.
              window.location.assign(`/p/${encodeURIComponent(process.id)}/rev/${r.number}`);
              return t('rev.next.published', { name: r.name });
            }}
          />
        </>
      )}
    </main>
  );
};
