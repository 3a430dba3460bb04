/**
 * Entry point of the web app.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { setLocale } from './i18n';
import './styles.css';

setLocale(new URLSearchParams(window.location.search).get('lang') ?? 'en');
const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
