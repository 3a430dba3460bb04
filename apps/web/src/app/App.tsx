/**
 * The application shell: who is signed in, the route, and for a process its header (navigation,
 * export), the screen, and the status line.
 */
import { useEffect, useState } from 'react';
import { ApiError, api, type Me } from '../api/client';
import { Announcer } from '../components/Announcer';
import { StatusLine } from '../components/StatusLine';
import { t } from '../i18n';
import { NextRevisionScreen, RevisionScreen } from '../revisions';
import { DeskScreen } from '../screens/DeskScreen';
import { ExportDialog } from '../screens/ExportDialog';
import { HomeScreen } from '../screens/HomeScreen';
import { ImportScreen } from '../screens/ImportScreen';
import { LandingScreen } from '../screens/LandingScreen';
import { NotFoundScreen } from '../screens/NotFoundScreen';
import { TextScreen } from '../screens/TextScreen';
import { WorkspaceScreen } from '../screens/WorkspaceScreen';
import { ErrorBoundary } from './ErrorBoundary';
import { Link } from './Link';
import { ProcessProvider, useProcess } from './process-data';
import { navigate, parseRoute, pathOf, type Route, usePath } from './router';

const ErrorBox = ({
  error,
  retry,
  signedOut = false,
}: {
  error: ApiError | null;
  retry?: () => void;
  /** Not signed in: say how to sign in, as the refusal may only be for want of a session. */
  signedOut?: boolean;
}) => (
  <main id="main" tabIndex={-1} className="page">
    {error ? (
      <>
        <h1>{t('error.title')}</h1>
        <p role="alert" className="error">
          {error.message}
        </p>
        {signedOut && <p>{t('error.signInHelp')}</p>}
        <p className="actions">
          {retry && (
            <>
              <button type="button" className="btn" onClick={retry}>
                {t('error.retry')}
              </button>{' '}
            </>
          )}
          <Link href="/">{t('error.home')}</Link>
        </p>
      </>
    ) : (
      <p role="status">{t('app.loading')}</p>
    )}
  </main>
);

const ProcessNav = ({ route }: { route: Exclude<Route, { name: 'home' | 'notFound' }> }) => {
  const { process, myParties, isChair } = useProcess();
  const cur = (r: Route): 'page' | undefined => (pathOf(r) === pathOf(route) ? 'page' : undefined);
  const items: { route: Route; label: string }[] = [
    { route: { name: 'text', pid: process.id, para: null }, label: t('nav.text') },
  ];
  for (const p of myParties) {
    items.push({
      route: { name: 'workspace', pid: process.id, party: p.id },
      label: t('nav.workspace', { party: p.name }),
    });
    items.push({
      route: { name: 'import', pid: process.id, party: p.id },
      label: `${t('nav.import')} (${p.name})`,
    });
  }
  if (isChair) items.push({ route: { name: 'desk', pid: process.id }, label: t('nav.desk') });
  if (isChair) items.push({ route: { name: 'next', pid: process.id }, label: t('nav.next') });
  const current = process.revisions.find((r) => r.number === process.currentRevision);
  if (current && current.number > 0)
    items.push({ route: { name: 'revision', pid: process.id, n: current.number }, label: current.name });
  return (
    <nav aria-label={t('nav.main')} className="topnav">
      <ul className="plain inline">
        {items.map((i) => (
          <li key={pathOf(i.route)}>
            <Link
              href={pathOf(i.route)}
              aria-current={
                cur(i.route) ?? (i.route.name === 'text' && route.name === 'text' ? 'page' : undefined)
              }
            >
              {i.label}
            </Link>
          </li>
        ))}
      </ul>
      <ExportDialog />
    </nav>
  );
};

const Header = ({ me, children }: { me: Me; children?: React.ReactNode }) => (
  <header className="topbar">
    <a className="skip" href="#main">
      {t('app.skip')}
    </a>
    <Link href="/" className="brand">
      {t('app.name')}
    </Link>
    {children}
    {me.user && (
      <span className="user">
        {me.user.name}{' '}
        <button
          type="button"
          className="btn link"
          onClick={() => {
            void api.signOut().finally(() => {
              navigate('/');
              window.location.reload();
            });
          }}
        >
          {t('app.signout')}
        </button>
      </span>
    )}
  </header>
);

/** The app. */
export const App = () => {
  const path = usePath();
  const route = parseRoute(path);
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the request on retry.
  useEffect(() => {
    setError(null);
    api
      .me()
      .then(setMe)
      .catch((e: unknown) => setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e))));
  }, [attempt]);

  // Each new screen starts at its main heading for keyboard and screen-reader users.
  useEffect(() => {
    void path;
    const main = document.getElementById('main');
    if (main && document.activeElement === document.body) main.focus({ preventScroll: true });
  }, [path]);

  if (!me)
    return (
      <>
        <Announcer />
        <ErrorBox error={error} retry={() => setAttempt((n) => n + 1)} />
      </>
    );

  if (route.name === 'home' || route.name === 'notFound')
    return (
      <div className="shell">
        <Announcer />
        <Header me={me} />
        <ErrorBoundary key={path}>
          {route.name === 'notFound' ? (
            <NotFoundScreen path={path} />
          ) : me.user ? (
            <HomeScreen me={me} />
          ) : (
            <LandingScreen />
          )}
        </ErrorBoundary>
      </div>
    );

  return (
    <div className="shell">
      <Announcer />
      <ProcessProvider
        pid={route.pid}
        me={me}
        fallback={({ error: e, retry }) => (
          <>
            <Header me={me} />
            <ErrorBox error={e} retry={retry} signedOut={!me.user} />
          </>
        )}
      >
        <Header me={me}>
          <ProcessNav route={route} />
        </Header>
        <ErrorBoundary key={path}>
          {route.name === 'text' && <TextScreen para={route.para} />}
          {route.name === 'workspace' && <WorkspaceScreen party={route.party} />}
          {route.name === 'import' && <ImportScreen party={route.party} />}
          {route.name === 'desk' && <DeskScreen />}
          {route.name === 'next' && <NextRevisionScreen />}
          {route.name === 'revision' && <RevisionScreen n={route.n} />}
        </ErrorBoundary>
        <StatusLine />
      </ProcessProvider>
    </div>
  );
};
