/**
 * The home screen of a signed-in person: your processes with your role and your delegation or
 * organisation in each (in words, see `roleWords`), then the public ones. People who are not
 * signed in see `LandingScreen` instead.
 */
import { useEffect, useState } from 'react';
import { api, type Me, type ProcessRow, type ProcessView } from '../api/client';
import { Link } from '../app/Link';
import { roleWords } from '../app/role-words';
import { pathOf } from '../app/router';
import { t } from '../i18n';

const YourPlace = ({ you, parties }: { you: Me['processes'][number]; parties: ProcessView['parties'] }) => {
  const w = roleWords(you.roles, you.parties, parties);
  return (
    <>
      <p data-testid="roles">{t('home.role', { roles: w.roles.join(', ') })}</p>
      {w.delegations.length > 0 && <p>{t('home.parties', { parties: w.delegations.join(', ') })}</p>}
      {w.organisations.length > 0 && (
        <p>{t('home.organisations', { parties: w.organisations.join(', ') })}</p>
      )}
    </>
  );
};

/** The home screen. */
export const HomeScreen = ({ me }: { me: Me }) => {
  const [processes, setProcesses] = useState<readonly ProcessRow[] | null>(null);
  const [views, setViews] = useState<ReadonlyMap<string, ProcessView> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .processes()
      .then((r) => setProcesses(r.processes))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    // Party names of your own processes (the list has ids only).
    Promise.all(me.processes.map((p) => api.process(p.id)))
      .then((vs) => setViews(new Map(vs.map((v) => [v.id, v]))))
      // Without the party list, roles are still shown (parties by id).
      .catch(() => setViews(new Map()));
  }, [me]);
  const mine = new Map(me.processes.map((p) => [p.id, p]));
  const list = processes ?? [];
  const own = list.filter((p) => mine.has(p.id));
  const others = list.filter((p) => !mine.has(p.id));

  return (
    <main id="main" tabIndex={-1} className="page">
      <h1>{t('home.title')}</h1>
      {me.user && <p>{t('home.signedInAs', { name: me.user.name })}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {processes === null && !error && <p>{t('app.loading')}</p>}
      {processes && own.length === 0 && <p>{t('home.none')}</p>}
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
                {/* Roles wait for the party list: it decides between "delegate" and the organisation's kind. */}
                {you && views && <YourPlace you={you} parties={views.get(p.id)?.parties ?? []} />}
              </li>
            );
          })}
        </ul>
      )}
      {others.length > 0 && (
        <>
          <h2>{t('home.public')}</h2>
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
