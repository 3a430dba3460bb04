/**
 * The page for an address the app has no screen for: which address, and the way on.
 */
import { Link } from '../app/Link';
import { t } from '../i18n';

/** The not-found page for `path`. */
export const NotFoundScreen = ({ path }: { path: string }) => (
  <main id="main" tabIndex={-1} className="page" data-testid="not-found">
    <h1>{t('notFound.title')}</h1>
    <p>{t('notFound.body', { path })}</p>
    <p>{t('notFound.help')}</p>
    <p>
      <Link href="/">{t('error.home')}</Link>
    </p>
  </main>
);
