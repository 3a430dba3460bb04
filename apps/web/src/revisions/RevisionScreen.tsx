/**
 * A published revision: its text with the new numbers, the concordance from the previous
 * revision (with the proposals behind each paragraph), the comparison with it (tracked changes,
 * aligned by stable ids), the input report, and the exports.
 */
import type {
  DocumentJSON,
  InputReportRow,
  LabelStyle,
  ReanchorEntry,
  RevisionConcordanceRow,
} from '@bis/core';
import type { DiffRun } from '@bis/diff';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/client';
import { useProcess } from '../app/process-data';
import { carriedDepths } from '../components/Brackets';
import { Del, Ins } from '../components/Diff';
import { headingText, spokenLabel, Tags } from '../components/Printed';
import { type MessageKey, t } from '../i18n';
import { type ComparisonView, revisionsApi } from './api';
import { RevisionParagraph } from './RevisionParagraph';

// A run's key is its offset in the concatenated runs: stable for a given comparison.
const runsWithKeys = (runs: readonly DiffRun[]) => {
  let at = 0;
  return runs.map((run) => {
    const key = `${run.op}${at}`;
    at += run.text.length;
    return { key, run };
  });
};

interface Loaded {
  readonly doc: DocumentJSON;
  readonly concordance: readonly RevisionConcordanceRow[] | null;
  readonly comparison: ComparisonView | null;
  readonly report: readonly InputReportRow[] | null;
  /** What publication did with the proposals not applied; null for a revision published before it was kept. */
  readonly carried: readonly ReanchorEntry[] | null;
}

/** The revision screen for revision `n`. */
export const RevisionScreen = ({ n }: { n: number }) => {
  const { process, proposals } = useProcess();
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const labelOf = useMemo(
    () => new Map(proposals.map((p) => [p.id as string, `${p.label} (${p.party})`])),
    [proposals],
  );

  useEffect(() => {
    let stop = false;
    (async () => {
      const doc = await revisionsApi.revision(process.id, n);
      const [concordance, comparison, report, carried] =
        n > 0
          ? await Promise.all([
              revisionsApi.concordance(process.id, n).then((r) => r.rows),
              revisionsApi.compare(process.id, n - 1, n),
              revisionsApi.report(process.id, n).then((r) => r.rows),
              // A revision published before the carry-over report was kept has none (404).
              revisionsApi
                .carried(process.id, n)
                .then((r) => r.entries)
                .catch((e: unknown) => {
                  if (e instanceof ApiError && e.status === 404) return null;
                  throw e;
                }),
            ])
          : [null, null, null, null];
      if (!stop) setData({ doc, concordance, comparison, report, carried });
    })().catch((e: unknown) => !stop && setError(e instanceof ApiError ? e.message : String(e)));
    return () => {
      stop = true;
    };
  }, [process.id, n]);

  const depths = useMemo(() => (data ? carriedDepths(data.doc) : new Map()), [data]);
  // Label styles by paragraph id, deleted paragraphs included (from the concordance).
  const styles = useMemo(() => {
    const m = new Map<string, LabelStyle>();
    for (const r of data?.concordance ?? []) if (r.labelStyle) m.set(r.id, r.labelStyle);
    for (const b of data?.doc.blocks ?? [])
      if (b.kind === 'paragraph' && b.labelStyle) m.set(b.id, b.labelStyle);
    return m;
  }, [data]);
  const styleOf = (id: string | null | undefined): LabelStyle | undefined =>
    id === null || id === undefined ? undefined : styles.get(id);
  const name = process.revisions.find((r) => r.number === n)?.name ?? `Rev.${n}`;
  const prevName = process.revisions.find((r) => r.number === n - 1)?.name ?? '';
  return (
    <main id="main" tabIndex={-1} className="page">
      <h1>{t('rev.view.title', { name })}</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!data && !error && <p role="status">{t('app.loading')}</p>}
      {data && (
        <>
          {n > 0 && (
            <section aria-labelledby="rev-exports">
              <h2 id="rev-exports">{t('rev.view.exports')}</h2>
              <ul className="plain inline">
                {['docx', 'html', 'md', 'csv'].map((f) => (
                  <li key={f}>
                    <a className="btn" href={revisionsApi.compareUrl(process.id, n - 1, n, f)} download>
                      {t('rev.view.exportCompare', { format: f.toUpperCase() })}
                    </a>
                  </li>
                ))}
                <li>
                  <a className="btn" href={revisionsApi.reportCsvUrl(process.id, n)} download>
                    {t('rev.view.exportReport')}
                  </a>
                </li>
              </ul>
            </section>
          )}
          <section aria-labelledby="rev-text">
            <h2 id="rev-text">{t('rev.view.text')}</h2>
            {data.doc.blocks.map((b, i) =>
              b.kind === 'heading' ? (
                b.role === 'chapeau' ? (
                  <p key={b.id || `h${i}`} className="chapeau">
                    {headingText(b)}
                    <Tags tags={b.tags} />
                  </p>
                ) : (
                  <h3 key={b.id || `h${i}`}>
                    {headingText(b)}
                    <Tags tags={b.tags} />
                  </h3>
                )
              ) : (
                <RevisionParagraph
                  key={b.id || `p${i}`}
                  paragraph={b}
                  depth={depths.get(b.id)}
                  idPrefix={`rev${n}-${b.id}`}
                />
              ),
            )}
          </section>
          {data.concordance ? (
            <section aria-labelledby="rev-concordance">
              <h2 id="rev-concordance">{t('rev.view.concordance')}</h2>
              <table className="lines concordance">
                <thead>
                  <tr>
                    <th scope="col">{t('rev.col.from', { name: prevName })}</th>
                    <th scope="col">{t('rev.col.working')}</th>
                    <th scope="col">{t('rev.col.to', { name })}</th>
                    <th scope="col">{t('rev.col.proposals')}</th>
                    <th scope="col">{t('rev.col.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.concordance.map((r) => (
                    <tr key={r.id}>
                      <td>
                        {r.from === null ? '—' : spokenLabel({ label: r.from, labelStyle: r.labelStyle })}
                      </td>
                      <td>
                        {r.working === null
                          ? '—'
                          : spokenLabel({ label: r.working, labelStyle: r.labelStyle })}
                      </td>
                      <td>
                        {r.to === null
                          ? t('rev.deleted')
                          : spokenLabel({ label: r.to, labelStyle: r.labelStyle })}
                      </td>
                      <td>{r.proposals.map((id) => labelOf.get(id) ?? id).join('; ')}</td>
                      <td>{r.status ? t(`rev.status.${r.status}` as MessageKey) : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : (
            <p>{t('rev.view.noConcordance')}</p>
          )}
          {data.comparison && (
            <section aria-labelledby="rev-compare">
              <h2 id="rev-compare">{t('rev.view.compare', { old: prevName })}</h2>
              {data.comparison.rows
                .filter((r) => r.kind !== 'unchanged')
                .map((r) => (
                  <div key={r.id ?? `${r.oldLabel}-${r.newLabel}`} className="desk-group" data-kind={r.kind}>
                    <p className="small">
                      {r.oldLabel === null
                        ? '—'
                        : spokenLabel({ label: r.oldLabel, labelStyle: styleOf(r.id) })}{' '}
                      →{' '}
                      {r.newLabel === null
                        ? t('rev.deleted')
                        : spokenLabel({ label: r.newLabel, labelStyle: styleOf(r.id) })}{' '}
                      ({t(`rev.kind.${r.kind}` as MessageKey)})
                    </p>
                    <p>
                      {runsWithKeys(r.runs).map(({ key, run: x }) =>
                        x.op === 'insert' ? (
                          <Ins key={key}>{x.text}</Ins>
                        ) : x.op === 'delete' ? (
                          <Del key={key}>{x.text}</Del>
                        ) : (
                          <span key={key}>{x.text}</span>
                        ),
                      )}
                    </p>
                  </div>
                ))}
            </section>
          )}
          {data.report && (
            <section aria-labelledby="rev-report">
              <h2 id="rev-report">{t('rev.view.report')}</h2>
              <table className="lines report">
                <thead>
                  <tr>
                    <th scope="col">{t('rev.col.proposal')}</th>
                    <th scope="col">{t('rev.col.party')}</th>
                    <th scope="col">{t('rev.col.decision')}</th>
                    <th scope="col">{t('rev.col.outcome')}</th>
                    <th scope="col">{t('rev.col.landed')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.report.map((r) => (
                    <tr key={r.proposal}>
                      <td>
                        {t(`actionTitle.${r.action}` as MessageKey, { label: r.label })}
                        {r.summary ? ` — ${r.summary}` : ''}
                      </td>
                      <td>{r.party}</td>
                      <td>{r.decision ? t(`decision.${r.decision}` as MessageKey) : '—'}</td>
                      <td>{r.outcome}</td>
                      <td>{r.landed.join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          {data.carried && data.carried.length > 0 && (
            <section aria-labelledby="rev-carried">
              <h2 id="rev-carried">{t('rev.view.carried', { name })}</h2>
              <ul>
                {data.carried.map((e) => (
                  <li key={e.proposal} data-outcome={e.outcome}>
                    <strong>
                      {e.outcome === 'unplaced' ? t('rev.view.notPlaced') : t('rev.view.carriedOver')}
                    </strong>{' '}
                    {e.party}: {e.message}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </main>
  );
};
