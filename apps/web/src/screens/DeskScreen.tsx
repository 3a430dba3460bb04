/**
 * The co-facilitators' compilation desk: every tabled proposal, paragraph by paragraph (new
 * paragraphs at their place), each with a form to record the decision (accepted, accepted as
 * modified, merged, not retained, deferred) and a note. Paged, so thousands of proposals stay fast.
 */
import { type CompilationRow, compile, DECISIONS, type Decision, type Proposal } from '@bis/core';
import { useMemo, useState } from 'react';
import { ApiError, api } from '../api/client';
import { useProcess } from '../app/process-data';
import { announce } from '../components/Announcer';
import { BracketedText } from '../components/Brackets';
import { spokenLabel, Tags } from '../components/Printed';
import { t } from '../i18n';
import { ProposalCard } from './ProposalCard';

const PAGE = 25;

const DecideForm = ({ proposal }: { proposal: Proposal }) => {
  const { process, refresh } = useProcess();
  const [decision, setDecision] = useState<Decision | ''>(proposal.decision ?? '');
  const [note, setNote] = useState(proposal.decisionNote);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `decide-${proposal.id}`;
  const submit = async (): Promise<void> => {
    if (!decision) return;
    setBusy(true);
    setError(null);
    try {
      await api.decide(process.id, proposal.id, decision, note);
      await refresh();
      announce(
        t('desk.recorded', {
          proposal: t(`actionTitle.${proposal.action}`, { label: proposal.label }),
          decision: t(`decision.${decision}`),
        }),
      );
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="decide"
      aria-label={`${t('desk.decide')}: ${t(`actionTitle.${proposal.action}`, { label: proposal.label })} (${proposal.party})`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label className="field">
        <span>{t('desk.decide')}</span>
        <select
          id={`${id}-d`}
          value={decision}
          onChange={(e) => setDecision(e.target.value as Decision | '')}
          required
        >
          <option value="">{t('desk.choose')}</option>
          {DECISIONS.map((d) => (
            <option key={d} value={d}>
              {t(`decision.${d}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field grow">
        <span>{t('desk.note')}</span>
        <input type="text" value={note} onChange={(e) => setNote(e.target.value)} maxLength={5000} />
      </label>
      <button type="submit" className="btn primary" disabled={busy || !decision}>
        {busy ? t('cmd.working') : t('desk.record')}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
};

type Group = Exclude<CompilationRow, { kind: 'heading' }>;

/** The desk screen. */
export const DeskScreen = () => {
  const { document, proposals, isChair } = useProcess();
  const [undecidedOnly, setUndecidedOnly] = useState(false);
  const [page, setPage] = useState(0);
  const tabled = useMemo(() => proposals.filter((p) => p.status === 'tabled'), [proposals]);
  const groups = useMemo(() => {
    const chosen = undecidedOnly ? tabled.filter((p) => p.decision === null) : tabled;
    return compile(document, chosen).rows.filter(
      (r): r is Group => r.kind !== 'heading' && r.proposals.length > 0,
    );
  }, [document, tabled, undecidedOnly]);
  const pages = Math.max(1, Math.ceil(groups.length / PAGE));
  const current = Math.min(page, pages - 1);
  const shown = groups.slice(current * PAGE, current * PAGE + PAGE);
  const undecided = tabled.filter((p) => p.decision === null).length;

  return (
    <main id="main" tabIndex={-1} className="page">
      <h1>{t('desk.title')}</h1>
      <p>{t('desk.intro')}</p>
      {!isChair && (
        <p className="note" role="status">
          {t('desk.notChair')}
        </p>
      )}
      <p>{t('desk.count', { count: tabled.length, undecided })}</p>
      <label className="check">
        <input type="checkbox" checked={undecidedOnly} onChange={(e) => setUndecidedOnly(e.target.checked)} />{' '}
        {t('filter.undecided')}
      </label>
      {groups.length === 0 && <p>{t('desk.none')}</p>}
      {shown.map((g) => {
        const key = g.kind === 'paragraph' ? g.paragraph.id : `${g.anchor.id}-${g.label}`;
        const heading =
          g.kind === 'paragraph'
            ? `§${spokenLabel(g.paragraph)}`
            : t('para.insertion', {
                label: g.label,
                position: t(`para.position.${g.position}`),
                anchor: g.anchor.label,
              });
        return (
          <section key={key} className="desk-group" aria-labelledby={`g-${key}`}>
            <h2 id={`g-${key}`}>{heading}</h2>
            {g.kind === 'paragraph' && (
              <p className="current small">
                <BracketedText text={g.paragraph.text} />
                <Tags tags={g.paragraph.tags} />
              </p>
            )}
            {g.proposals.map((p) => (
              <div key={p.id} className="desk-item">
                <ProposalCard
                  proposal={p}
                  {...(g.kind === 'paragraph' ? { paragraph: g.paragraph } : {})}
                  commands={false}
                />
                {isChair && <DecideForm proposal={p} />}
              </div>
            ))}
          </section>
        );
      })}
      {pages > 1 && (
        <nav aria-label={t('desk.pages')} className="row pager">
          <button type="button" className="btn" disabled={current === 0} onClick={() => setPage(current - 1)}>
            {t('desk.prev')}
          </button>
          <span>{t('desk.page', { n: current + 1, of: pages })}</span>
          <button
            type="button"
            className="btn"
            disabled={current >= pages - 1}
            onClick={() => setPage(current + 1)}
          >
            {t('desk.next')}
          </button>
        </nav>
      )}
    </main>
  );
};
