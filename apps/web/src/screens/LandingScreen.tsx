/**
 * The landing page for people who are not signed in (or have just signed out): what Bis is, the
 * public processes anyone can read, and how to get a sign-in link.
 */
import { useEffect, useState } from 'react';
import { api, type ProcessRow } from '../api/client';
import { Link } from '../app/Link';
import { pathOf } from '../app/router';
import { t } from '../i18n';

/** The landing page. */
export const LandingScreen = () => {
  const [processes, setProcesses] = useState<readonly ProcessRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .processes()
      .then((r) => setProcesses(r.processes.filter((p) => p.public)))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  return (
    <main id="main" tabIndex={-1} className="page" data-testid="landing">
      <h1>{t('landing.title')}</h1>
      <p>{t('landing.what')}</p>

      <section aria-labelledby="landing-public">
        <h2 id="landing-public">{t('landing.public')}</h2>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {processes === null && !error && <p role="status">{t('app.loading')}</p>}
        {processes && processes.length === 0 && <p>{t('landing.publicNone')}</p>}
        {processes && processes.length > 0 && (
          <>
            <p>{t('landing.publicBody')}</p>
            <ul className="plain process-list">
              {processes.map((p) => (
                <li key={p.id} className="card">
                  <h3 className="card-title">
                    <Link href={pathOf({ name: 'text', pid: p.id, para: null })}>{p.title}</Link>
                  </h3>
                  {p.symbol && <p className="muted">{p.symbol}</p>}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="landing-signin">
        <h2 id="landing-signin">{t('landing.signinTitle')}</h2>
        <ol>
          <li>{t('landing.signin1')}</li>
          <li>{t('landing.signin2')}</li>
          <li>{t('landing.signin3')}</li>
        </ol>
      </section>
    </main>
  );
};
