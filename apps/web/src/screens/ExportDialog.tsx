/**
 * The export dialog: which view (comparison table, compilation, the text), which format (those
 * the view offers), which part (the whole text, one section, one party's proposals). Every export
 * downloads from the server's export endpoint (with `section` or `party` in the query) with a
 * progress indicator.
 */
import type { Heading } from '@bis/core';
import { useId, useRef, useState } from 'react';
import { ApiError, api } from '../api/client';
import { useProcess } from '../app/process-data';
import { announce } from '../components/Announcer';
import { formatBytes, t } from '../i18n';
import { EXPORT_FORMATS_OF as FORMATS, EXPORT_VIEWS as VIEWS } from './export-formats';

type Scope = 'all' | 'section' | 'party';

const save = (blob: Blob, name: string): void => {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/** The "Export" button and its dialog. */
export const ExportDialog = () => {
  const { process, document: doc } = useProcess();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [view, setView] = useState<(typeof VIEWS)[number]>('comparison');
  const [format, setFormat] = useState('docx');
  const [scope, setScope] = useState<Scope>('all');
  const [section, setSection] = useState('');
  const [party, setParty] = useState('');
  const [progress, setProgress] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const headings = doc.blocks.filter((b): b is Heading => b.kind === 'heading');
  const formats = FORMATS[view];
  const fmt = formats.includes(format) ? format : (formats[0] as string);

  const run = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    setDone(null);
    setProgress(t('export.preparing'));
    try {
      const filter = scope === 'section' ? { section } : scope === 'party' && party ? { party } : {};
      const file = await api.download(api.exportUrl(process.id, view, fmt, filter), (n, total) =>
        setProgress(
          `${t('export.received', { size: formatBytes(n) })}${total ? ` / ${formatBytes(total)}` : ''}`,
        ),
      );
      save(file.blob, file.name);
      const msg = t('export.done', { name: file.name, size: formatBytes(file.blob.size) });
      setDone(msg);
      announce(msg);
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  return (
    <>
      <button type="button" className="btn" onClick={() => dialog.current?.showModal()}>
        {t('nav.export')}
      </button>
      <dialog ref={dialog} aria-labelledby={titleId} className="export">
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <h2 id={titleId}>{t('export.title')}</h2>
          <fieldset>
            <legend>{t('export.view')}</legend>
            {VIEWS.map((v) => (
              <label key={v} className="check">
                <input type="radio" name="view" value={v} checked={view === v} onChange={() => setView(v)} />{' '}
                {t(`export.view.${v}`)}
              </label>
            ))}
          </fieldset>
          <label className="field">
            <span>{t('export.format')}</span>
            <select value={fmt} onChange={(e) => setFormat(e.target.value)}>
              {formats.map((f) => (
                <option key={f} value={f}>
                  {f.toUpperCase()}
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>{t('export.scope')}</legend>
            {(['all', 'section', 'party'] as const).map((s) => (
              <label key={s} className="check">
                <input
                  type="radio"
                  name="scope"
                  value={s}
                  checked={scope === s}
                  onChange={() => setScope(s)}
                />{' '}
                {t(
                  s === 'all'
                    ? 'export.scope.all'
                    : s === 'section'
                      ? 'export.scope.section'
                      : 'export.scope.filter',
                )}
              </label>
            ))}
          </fieldset>
          {scope === 'section' && (
            <label className="field">
              <span>{t('export.section')}</span>
              <select value={section} onChange={(e) => setSection(e.target.value)} required>
                <option value="">—</option>
                {headings.map((h) => (
                  <option key={h.id} value={h.id}>
                    {h.number ? `${h.number}. ` : ''}
                    {h.title}
                  </option>
                ))}
              </select>
            </label>
          )}
          {scope === 'party' && (
            <label className="field">
              <span>{t('filter.party')}</span>
              <select value={party} onChange={(e) => setParty(e.target.value)} required>
                <option value="">—</option>
                {process.parties.map((p) => (
                  <option key={p.id} value={p.name}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          {progress && (
            <p role="status" className="progress">
              <progress aria-label={t('export.preparing')} /> {progress}
            </p>
          )}
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          {done && <p className="ok-text">{done}</p>}
          <div className="row">
            <button type="submit" className="btn primary" disabled={busy}>
              {t('export.download')}
            </button>
            <button type="button" className="btn" onClick={() => dialog.current?.close()}>
              {t('cmd.cancel')}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
};
