/**
 * One paragraph's proposals, beside the text: the current text, then each proposal acting on it
 * with its changes marked, then the new paragraphs proposed after it (with their labels), and —
 * for delegates — the buttons to start a draft on this paragraph.
 */
import type { Paragraph } from '@bis/core';
import { compareProposals } from '@bis/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { type DraftStart, insertLabel, startDraft } from '../app/drafts';
import { Link } from '../app/Link';
import { useProcess } from '../app/process-data';
import { navigate, pathOf } from '../app/router';
import { announce } from '../components/Announcer';
import { carriedDepths } from '../components/Brackets';
import { PrintedLabel, spokenLabel, Tags } from '../components/Printed';
import { FootnoteList, TextWithFootnotes } from '../components/RichText';
import { t } from '../i18n';
import { ProposalCard } from './ProposalCard';

/** Buttons to start Amend / Insert after / Delete / Retain drafts on a paragraph for one of your parties. */
export const DraftStarters = ({
  paragraph,
  party,
}: {
  paragraph: Paragraph;
  party: { id: string; name: string };
}) => {
  const { process, paragraphs, proposals } = useProcess();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const newLabel = insertLabel(paragraphs, paragraph, proposals);
  const start = async (kind: DraftStart): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const d = await startDraft(process.id, party.id, kind, paragraph, paragraphs, proposals);
      announce(t('ws.created', { title: t(`actionTitle.${d.action}`, { label: d.label }) }));
      navigate(`${pathOf({ name: 'workspace', pid: process.id, party: party.id })}#draft-${d.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const label = paragraph.label;
  return (
    <div className="starters">
      <div className="row wrap">
        <button type="button" className="btn" disabled={busy} onClick={() => void start('amend')}>
          {t('ws.amend', { label })}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => void start('insert')}>
          {t('ws.insertAfter', { label, newLabel })}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => void start('delete')}>
          {t('ws.delete', { label })}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => void start('retain')}>
          {t('ws.retain', { label })}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
};

/** The proposals panel of one paragraph. */
export const ParagraphPanel = ({ paragraph }: { paragraph: Paragraph }) => {
  const { process, proposals, myParties, document } = useProcess();
  const carried = useMemo(() => carriedDepths(document).get(paragraph.id), [document, paragraph.id]);
  const heading = useRef<HTMLHeadingElement>(null);
  const prefix = `panel-${paragraph.id}`;

  const { acting, inserted } = useMemo(() => {
    const shown = proposals.filter((p) => p.status !== 'draft');
    const on = shown.filter((p) => p.targets[0]?.paragraph === paragraph.id);
    return {
      acting: on.filter((p) => p.action !== 'insert').sort(compareProposals),
      inserted: on.filter((p) => p.action === 'insert').sort(compareProposals),
    };
  }, [proposals, paragraph.id]);

  // Moving focus to the panel's heading tells keyboard and screen-reader users where they are.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when another paragraph is opened.
  useEffect(() => {
    heading.current?.focus();
  }, [paragraph.id]);

  return (
    <aside className="panel" aria-labelledby="panel-title">
      <div className="panel-head">
        <h2 id="panel-title" ref={heading} tabIndex={-1}>
          {t('panel.title', { label: spokenLabel(paragraph) })}
        </h2>
        <Link className="btn" href={pathOf({ name: 'text', pid: process.id, para: null })}>
          {t('panel.back')}
        </Link>
      </div>
      <section aria-labelledby={`${prefix}-cur`}>
        <h3 id={`${prefix}-cur`}>{t('panel.current')}</h3>
        <div className="current">
          <p>
            <PrintedLabel paragraph={paragraph} />{' '}
            <TextWithFootnotes
              text={paragraph.text}
              footnotes={paragraph.footnotes}
              idPrefix={prefix}
              carried={carried?.text ?? 0}
            />
            {paragraph.points.length === 0 && <Tags tags={paragraph.tags} />}
          </p>
          {paragraph.points.length > 0 && (
            <ol className="points">
              {paragraph.points.map((pt, k) => (
                <li key={pt.label}>
                  <span className="point-label">({pt.label})</span>{' '}
                  <TextWithFootnotes
                    text={pt.text}
                    footnotes={pt.footnotes}
                    idPrefix={prefix}
                    carried={carried?.points[k] ?? 0}
                  />
                  {k === paragraph.points.length - 1 && <Tags tags={paragraph.tags} />}
                </li>
              ))}
            </ol>
          )}
          <FootnoteList
            footnotes={[...paragraph.footnotes, ...paragraph.points.flatMap((p) => p.footnotes)]}
            idPrefix={prefix}
          />
        </div>
      </section>
      <p className="muted small">{t('diff.legend')}</p>
      {acting.length === 0 && inserted.length === 0 && <p>{t('panel.none')}</p>}
      {acting.map((p) => (
        <ProposalCard key={p.id} proposal={p} paragraph={paragraph} />
      ))}
      {inserted.length > 0 && (
        <section aria-labelledby={`${prefix}-ins`}>
          <h3 id={`${prefix}-ins`}>{t('panel.insertions', { label: paragraph.label })}</h3>
          {inserted.map((p) => (
            <ProposalCard key={p.id} proposal={p} headingLevel={4} />
          ))}
        </section>
      )}
      {myParties.map((party) => (
        <section key={party.id} aria-labelledby={`${prefix}-start-${party.id}`}>
          <h3 id={`${prefix}-start-${party.id}`}>
            {t('panel.draftActions', { label: paragraph.label, party: party.name })}
          </h3>
          <DraftStarters paragraph={paragraph} party={party} />
        </section>
      ))}
    </aside>
  );
};
