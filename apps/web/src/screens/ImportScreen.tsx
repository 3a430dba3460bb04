/**
 * Importing written proposals (any form delegations write: "§77 → Amend: …", statements naming
 * paragraphs, compilations of attributed wordings, edits marked inline): paste or upload the
 * text, see line by line what was understood (proposal, its text, rationale, link, prose that is
 * ignored, errors), then add the proposals to the party's workspace as drafts. Each line that
 * names a paragraph but was not understood is listed with its line number first; adding is only
 * possible once the user chose to skip them (or fixed them), and never with errors. The preview
 * runs @bis/formats' importer in the browser (pure, loaded on demand); adding calls the server's
 * import endpoint, which runs the same importer and refuses the same way.
 */
import type { LineNote, WrittenForm, WrittenImport } from '@bis/formats';
import { useId, useState } from 'react';
import { ApiError, api } from '../api/client';
import { Link } from '../app/Link';
import { useProcess } from '../app/process-data';
import { pathOf } from '../app/router';
import { announce } from '../components/Announcer';
import { t, tn } from '../i18n';

interface Preview {
  readonly result: WrittenImport;
  readonly lines: readonly string[];
  /** The forms the importer understands, shown when it found nothing. */
  readonly forms: readonly WrittenForm[];
}

const Row = ({ note, text }: { note: LineNote; text: string }) => (
  <tr className={`kind-${note.kind}`}>
    <td className="num">{note.line}</td>
    <td>{t(`import.kind.${note.kind}`)}</td>
    <td className="src">{text}</td>
    <td>{note.message ?? ''}</td>
  </tr>
);

/** The import screen for `party`. */
export const ImportScreen = ({ party }: { party: string }) => {
  const { process, document, myParties } = useProcess();
  const me = myParties.find((p) => p.id === party);
  const name = me?.name ?? party;
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('written-input.txt');
  const [resolve, setResolve] = useState(true);
  const [skipUnread, setSkipUnread] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<{ count: number; warnings: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const textId = useId();

  const check = async (): Promise<void> => {
    setError(null);
    setAdded(null);
    if (!text.trim()) {
      setError(t('import.empty'));
      return;
    }
    try {
      const { importWrittenProposals, WRITTEN_FORMS } = await import('@bis/formats');
      const result = importWrittenProposals(text, {
        fileName,
        party: name,
        ...(resolve ? { base: document } : {}),
      });
      setPreview({ result, lines: text.split(/\r?\n/), forms: WRITTEN_FORMS });
      setSkipUnread(false);
      announce(
        `${tn('import.summary', result.set.proposals.length)}, ${tn('import.errors', result.errors.length)}.`,
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const add = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.importProposals(process.id, party, {
        text,
        fileName,
        resolve,
        lenient: skipUnread,
      });
      setAdded({ count: r.drafts.length, warnings: r.warnings });
      announce(tn('import.added', r.drafts.length, { party: name }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const proposals = preview?.result.set.proposals ?? [];
  const unread = preview?.result.unread ?? [];
  const blocked = (preview?.result.errors.length ?? 0) > 0 || (unread.length > 0 && !skipUnread);
  return (
    <main id="main" tabIndex={-1} className="page">
      <h1>{t('import.title', { party: name })}</h1>
      <p>{t('import.intro')}</p>
      <form
        className="box"
        onSubmit={(e) => {
          e.preventDefault();
          void check();
        }}
      >
        <label htmlFor={textId} className="block">
          {t('import.text')}
        </label>
        <textarea
          id={textId}
          rows={12}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setPreview(null);
          }}
        />
        <label className="field">
          <span>{t('import.file')}</span>
          <input
            type="file"
            accept=".txt,.md,text/plain,text/markdown"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              if (!f) return;
              setFileName(f.name);
              setText(await f.text());
              setPreview(null);
            }}
          />
        </label>
        <label className="check">
          <input type="checkbox" checked={resolve} onChange={(e) => setResolve(e.target.checked)} />{' '}
          {t('import.resolve')}
        </label>
        <div className="row">
          <button type="submit" className="btn primary">
            {t('import.preview')}
          </button>
        </div>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {preview && (
        <section aria-labelledby="understood">
          <h2 id="understood">{t('import.understood')}</h2>
          <p>
            <strong>{tn('import.summary', proposals.length)}</strong>
            {', '}
            <span className={preview.result.errors.length ? 'error-text' : ''}>
              {tn('import.errors', preview.result.errors.length)}
            </span>
          </p>
          {preview.result.errors.length > 0 && (
            <ul className="errors">
              {preview.result.errors.map((e) => (
                <li key={`${e.line}-${e.message}`}>
                  {t('import.line')} {e.line}: {e.message}
                </li>
              ))}
            </ul>
          )}
          {unread.length > 0 && (
            <section className="box warn" aria-labelledby="unread">
              <h3 id="unread">{tn('import.unread', unread.length)}</h3>
              <ul className="errors">
                {unread.map((u) => (
                  <li key={`${u.line}-${u.message}`}>
                    {t('import.line')} {u.line}: <q>{preview.lines[u.line - 1]?.trim() ?? ''}</q> —{' '}
                    {u.message}
                  </li>
                ))}
              </ul>
              <label className="check">
                <input
                  type="checkbox"
                  checked={skipUnread}
                  onChange={(e) => setSkipUnread(e.target.checked)}
                />{' '}
                {t('import.skipUnread')}
              </label>
            </section>
          )}
          {proposals.length === 0 && (
            <div className="box">
              <p>{t('import.none')}</p>
              <ul>
                {preview.forms.map((f) => (
                  <li key={f.name}>
                    {f.title}: <pre className="small">{f.example}</pre>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <h3>{t('import.proposals')}</h3>
          <ol className="import-proposals">
            {proposals.map((p) => (
              <li key={p.id}>
                <strong>{t(`actionTitle.${p.action}`, { label: p.label })}</strong>
                {p.summary && <> — {p.summary}</>}
                {p.targets.some((x) => x.paragraph === null) && (
                  <span className="muted">
                    {' '}
                    ({t('proposal.unresolved', { label: p.targets[0]?.label ?? '' })})
                  </span>
                )}
                {p.text && <p className="ptext small">{p.text}</p>}
              </li>
            ))}
          </ol>
          <div className="table-wrap">
            <table className="lines">
              <caption className="sr-only">{t('import.understood')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.line')}</th>
                  <th scope="col">{t('import.kind')}</th>
                  <th scope="col">{t('import.content')}</th>
                  <th scope="col">{t('import.note')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.result.lines.map((n) => (
                  <Row key={n.line} note={n} text={preview.lines[n.line - 1] ?? ''} />
                ))}
              </tbody>
            </table>
          </div>
          {!added && proposals.length > 0 && (
            <div className="row">
              <button
                type="button"
                className="btn primary"
                disabled={busy || !me || blocked}
                onClick={() => void add()}
              >
                {busy ? t('cmd.working') : tn('import.add', proposals.length)}
              </button>
            </div>
          )}
        </section>
      )}
      {added && (
        <section className="box ok" aria-labelledby="added">
          <h2 id="added">{tn('import.added', added.count, { party: name })}</h2>
          {added.warnings.length > 0 && (
            <>
              <p>{t('import.warnings')}</p>
              <ul>
                {added.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </>
          )}
          <p>
            <Link href={pathOf({ name: 'workspace', pid: process.id, party })}>
              {t('import.goWorkspace')}
            </Link>
          </p>
        </section>
      )}
    </main>
  );
};
