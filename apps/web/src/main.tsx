/**
 * Entry point of the web app.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { registerShell } from './app/shell';
import { setLocale } from './i18n';
import './styles.css';

setLocale(new URLSearchParams(window.location.search).get('lang') ?? 'en');
registerShell();
const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      {/* The last resort: each route has its own boundary inside the shell (see App). */}
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
