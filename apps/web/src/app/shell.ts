/**
 * Registers the app shell (public/sw.js, a service worker), so that a reload while offline
 * opens the app with the person's drafts instead of the browser's error page. Under Vite's
 * development server it keeps only the page and the API answers (its modules are not /assets/).
 */

/** Registers /sw.js when the browser has service workers; a refusal only costs the offline reload. */
export const registerShell = (): void => {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js').catch((e: unknown) => {
    console.warn('The offline app shell is not available:', e);
  });
};
