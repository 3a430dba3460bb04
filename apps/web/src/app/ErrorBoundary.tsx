/**
 * The error boundary every route renders inside: when a screen throws while rendering, the page
 * says what happened and what to do (reload, or go home) instead of going blank. It resets when
 * the route changes (`App` keys it by path).
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { t } from '../i18n';
import { Link } from './Link';

interface State {
  readonly error: Error | null;
}

/** Catches a render error in `children` and shows what happened and what to do. */
export class ErrorBoundary extends Component<{ readonly children: ReactNode }, State> {
  override state: State = { error: null };

  /** Keeps the error to show it. */
  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  /** Logs the error with its component stack for whoever opens the console. */
  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Bis: a screen failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main id="main" tabIndex={-1} className="page" data-testid="error-page">
        <h1>{t('error.page')}</h1>
        <p role="alert" className="error">
          {t('error.pageBody', { message: error.message })}
        </p>
        <p>{t('error.pageHelp')}</p>
        <p className="actions">
          <button type="button" className="btn" onClick={() => window.location.reload()}>
            {t('error.reload')}
          </button>{' '}
          <Link href="/" onClick={() => this.setState({ error: null })}>
            {t('error.home')}
          </Link>
        </p>
      </main>
    );
  }
}
