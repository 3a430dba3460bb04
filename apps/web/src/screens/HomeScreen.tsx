/**
 * The landing screen: after signing in from an invitation link, your processes and your role
 * in each; without a session, how to sign in and the public processes.
 */
import { useEffect, useState } from 'react';
import { api, type Me, type ProcessRow, type ProcessView } from '../api/client';
import { Link } from '../app/Link';
import { pathOf } from '../app/router';
import { t } from '../i18n';

/** The home screen. */
export const HomeScreen = ({ me }: { me: Me }) => {
  const [processes, setProcesses] = useState<readonly ProcessRow[] | null>(null);
  const [views, setViews] = useState<ReadonlyMap<string, ProcessView>>(new Map());
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .processes()
      .then((r) => setProcesses(r.processes))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    // Party names of your own processes (the list has ids only).
    Promise.all(me.processes.map((p) => api.process(p.id)))
      .then((vs) => setViews(new Map(vs.map((v) => [v.id, v]))))
      .catch(() => {});
  }, [me]);
  const mine = new Map(me.processes.map((p) => [p.id, p]));
  const list = processes ?? [];
  const own = list.filter((p) => mine.has(p.id));
  const others = list.filter((p) => !mine.has(p.id));

  return (
    <main id="main" tabIndex={-1} className="page">
      {me.user ? (
        <>
          <h1>{t('home.title')}</h1>
          <p>{t('home.signedInAs', { name: me.user.name })}</p>
        </>
      ) : (
        <>
          <h1>{t('signin.title')}</h1>
          <p>{t('signin.body')}</p>
        </>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {processes === null && !error && <p>{t('app.loading')}</p>}
      {me.user && processes && own.length === 0 && <p>{t('home.none')}</p>}
      {own.length > 0 && (
        <ul className="plain process-list">
          {own.map((p) => {
            const you = mine.get(p.id);
            return (
              <li key={p.id} className="card">
                <h2 className="card-title">
                  <Link href={pathOf({ name: 'text', pid: p.id, para: null })}>{p.title}</Link>
                </h2>
                {p.symbol && <p className="muted">{p.symbol}</p>}
                <p data-testid="roles">
                  {t('home.role', { roles: (you?.roles ?? []).map((r) => t(`role.${r}`)).join(', ') })}
                </p>
                {you && you.parties.length > 0 && (
                  <p>
                    {t('home.parties', {
                      parties: you.parties
                        .map((id) => views.get(p.id)?.parties.find((x) => x.id === id)?.name ?? id)
                        .join(', '),
                    })}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {others.length > 0 && (
        <>
          <h2>{me.user ? t('home.public') : t('signin.public')}</h2>
          <ul className="plain process-list">
            {others.map((p) => (
              <li key={p.id} className="card">
                <Link href={pathOf({ name: 'text', pid: p.id, para: null })}>{p.title}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
};
