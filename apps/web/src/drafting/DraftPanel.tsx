/**
 * The editor of one draft in a party workspace: its text (an amendment prefilled with the
 * current text, its changes shown live as tracked changes; a new paragraph with the label it
 * will get; a note for "retain"; nothing for "delete"), its rationale, its links to other
 * proposals, and who of the party is editing now. Colleagues type in the same draft at once;
 * their cursors carry the names the server stamped; undo is each person's own.
 */
import { type Draft, docName, draftsMap, readDraft, readDrafts, updateDraftFields } from '@bis/collab';
import type { ProposalId, ProposalLink } from '@bis/core';
import { countWords, type DiffRun } from '@bis/diff';
import { DraftEditor as TextEditor } from '@bis/editor';
import { useEffect, useMemo, useReducer, useState } from 'react';
import type * as Y from 'yjs';
import { useProcess } from '../app/process-data';
import { currentTextOf } from '../app/view-model';
import { type MessageKey, t } from '../i18n';
import { useDocConnection } from '../sync/hooks';

/** Props of {@link DraftPanel}: which draft, in which party's workspace. */
export interface DraftPanelProps {
  readonly process: string;
  readonly party: string;
  readonly draftId: string;
}

// Re-renders when the draft's own fields change (not on each keystroke in its text).
const useDraftFields = (doc: Y.Doc | null, draftId: string): number => {
  const [version, bump] = useReducer((x: number) => x + 1, 0);
  useEffect(() => {
    if (!doc) return;
    const drafts = draftsMap(doc);
    let draft: Y.Map<unknown> | undefined;
    const onDraft = (): void => bump();
    const onDrafts = (): void => {
      const next = drafts.get(draftId);
      if (next !== draft) {
        draft?.unobserve(onDraft);
        draft = next;
        draft?.observe(onDraft);
      }
      bump();
    };
    drafts.observe(onDrafts);
    onDrafts();
    return () => {
      drafts.unobserve(onDrafts);
      draft?.unobserve(onDraft);
    };
  }, [doc, draftId]);
  return version;
};

// The names of the others on this workspace, from awareness (stamped by the server).
const usePeople = (awareness: import('y-protocols/awareness').Awareness | null): string[] => {
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    if (!awareness) return;
    const read = (): void => {
      const out = new Set<string>();
      for (const [id, state] of awareness.getStates()) {
        if (id === awareness.clientID) continue;
        const name = (state as { user?: { name?: unknown } }).user?.name;
        if (typeof name === 'string' && name) out.add(name);
      }
      setNames([...out].sort());
    };
    awareness.on('change', read);
    read();
    return () => awareness.off('change', read);
  }, [awareness]);
  return names;
};

const ChangeSummary = ({ id, runs }: { id: string; runs: readonly DiffRun[] }) => {
  let inserted = 0;
  let deleted = 0;
  for (const r of runs) {
    if (r.op === 'insert') inserted += countWords(r.text);
    if (r.op === 'delete') deleted += countWords(r.text);
  }
  return (
    <p id={id} className="muted small" aria-live="polite">
      {inserted + deleted === 0 ? t('drafting.noChanges') : t('drafting.changes', { inserted, deleted })}
    </p>
  );
};

const Links = ({ doc, draft, editable }: { doc: Y.Doc; draft: Draft; editable: boolean }) => {
  const { proposals } = useProcess();
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const others = useMemo(() => {
    const tabled = proposals.filter((p) => p.id !== draft.id && p.status !== 'withdrawn');
    const drafts = readDrafts(doc).filter((d) => d.id !== draft.id && !tabled.some((p) => p.id === d.id));
    return [...tabled, ...drafts].map((p) => ({
      id: p.id,
      title: `${t(`actionTitle.${p.action}`, { label: p.label })} — ${p.party}`,
    }));
  }, [proposals, doc, draft.id]);
  const titleOf = (id: string): string => others.find((o) => o.id === id)?.title ?? id;
  const set = (links: ProposalLink[]): void => {
    updateDraftFields(doc, draft.id, { links });
  };
  const base = `draft-${draft.id}-link`;
  return (
    <fieldset className="draft-links">
      <legend>{t('drafting.links')}</legend>
      {draft.links.length === 0 ? (
        <p className="muted small">{t('drafting.noLinks')}</p>
      ) : (
        <ul>
          {draft.links.map((l) => (
            <li key={l.to}>
              {titleOf(l.to)}
              {l.note && <span className="muted"> — {l.note}</span>}{' '}
              {editable && (
                <button
                  type="button"
                  className="btn small"
                  onClick={() => set(draft.links.filter((x) => x.to !== l.to))}
                >
                  {t('drafting.removeLink', { proposal: titleOf(l.to) })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <div className="row wrap">
          <label className="field" htmlFor={`${base}-to`}>
            <span>{t('drafting.linkTo')}</span>
            <select id={`${base}-to`} value={to} onChange={(e) => setTo(e.target.value)}>
              <option value="">{t('drafting.chooseProposal')}</option>
              {others
                .filter((o) => !draft.links.some((l) => l.to === o.id))
                .map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.title}
                  </option>
                ))}
            </select>
          </label>
          <label className="field" htmlFor={`${base}-note`}>
            <span>{t('drafting.linkNote')}</span>
            <input id={`${base}-note`} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button
            type="button"
            className="btn"
            disabled={!to}
            onClick={() => {
              set([...draft.links, { to: to as ProposalId, note: note.trim() }]);
              setTo('');
              setNote('');
            }}
          >
            {t('drafting.addLink')}
          </button>
        </div>
      )}
    </fieldset>
  );
};

/** One draft's editors (text, rationale, links) bound to the party's workspace document. */
export const DraftPanel = ({ process, party, draftId }: DraftPanelProps) => {
  const { me, paragraphById } = useProcess();
  const userId = me.user?.id ?? 'anonymous';
  const bound = useDocConnection(docName({ process, scope: 'workspace', party }), userId);
  const loaded = bound?.conn.loaded === true;
  const doc = loaded ? (bound?.doc ?? null) : null;
  const version = useDraftFields(doc, draftId);
  const awareness = bound?.provider?.awareness ?? null;
  const people = usePeople(awareness);
  const [runs, setRuns] = useState<readonly DiffRun[]>([]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` changes when the draft's fields do.
  const draft = useMemo(() => (doc ? readDraft(doc, draftId) : null), [doc, draftId, version]);

  const stopped = bound?.status.stopped;
  if (stopped && (!doc || !bound?.status.synced))
    return (
      <p role="alert" className="error">
        {t(`sync.stopped.${stopped.why}` as MessageKey, { reason: stopped.reason })}
      </p>
    );
  if (!bound || !doc) return <p role="status">{t('drafting.waiting')}</p>;
  if (!draft)
    return <p role="status">{bound.status.synced ? t('drafting.missing') : t('drafting.waiting')}</p>;

  const editable = bound.status.schemaOk && bound.status.stopped === null;
  const target = draft.targets[0];
  const paragraph = target?.paragraph ? paragraphById.get(target.paragraph) : undefined;
  const title = t(`actionTitle.${draft.action}`, { label: draft.label });
  const compares = draft.action === 'amend' || draft.action === 'alternative';
  const current = compares && paragraph ? currentTextOf(paragraph, target?.point ?? null) : null;
  const base = `draft-${draftId}`;

  return (
    <div className="draft-panel" data-testid="draft-panel" data-draft={draftId}>
      {!bound.status.schemaOk && (
        <p role="alert" className="error">
          {t('drafting.readOnly')}
        </p>
      )}
      <p className="muted small" data-testid="draft-people">
        {people.length ? t('drafting.editingNow', { names: people.join(', ') }) : t('drafting.alone')}
      </p>
      {draft.action === 'insert' && (
        <p>
          {t('drafting.willBe', {
            label: draft.label,
            position: t(`para.position.${draft.position ?? 'after'}`),
            anchor: target?.label ?? '',
          })}
        </p>
      )}
      {draft.action === 'delete' && <p>{t('drafting.deletes', { label: draft.label })}</p>}
      {draft.action === 'retain' && <p>{t('drafting.retains', { label: draft.label })}</p>}
      {draft.action !== 'delete' && (
        <div className="field">
          <span id={`${base}-text-l`}>
            {draft.action === 'retain' ? t('drafting.note') : t('drafting.text')}
          </span>
          {draft.action !== 'retain' && (
            <p id={`${base}-help`} className="muted small">
              {compares ? t('drafting.help') : t('drafting.helpInsert')}
            </p>
          )}
          <TextEditor
            doc={doc}
            draftId={draftId}
            fragment="text"
            awareness={awareness}
            current={current}
            label={draft.action === 'insert' || compares ? draft.label : ''}
            ariaLabel={
              draft.action === 'retain'
                ? t('drafting.noteLabel', { title })
                : t('drafting.textLabel', { title })
            }
            {...(draft.action === 'retain'
              ? {}
              : { describedBy: compares ? `${base}-help ${base}-changes` : `${base}-help` })}
            editable={editable}
            onChanges={setRuns}
          />
          {compares && <ChangeSummary id={`${base}-changes`} runs={runs} />}
        </div>
      )}
      <div className="field">
        <span>{t('drafting.rationale')}</span>
        <TextEditor
          doc={doc}
          draftId={draftId}
          fragment="rationale"
          awareness={awareness}
          ariaLabel={t('drafting.rationaleLabel', { title })}
          editable={editable}
        />
      </div>
      <Links doc={doc} draft={draft} editable={editable} />
    </div>
  );
};
