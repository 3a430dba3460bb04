/**
 * A small client-side router on the History API: the path is the state, so links can be
 * bookmarked and the server (which answers unknown paths with index.html) serves every route.
 */
import { useSyncExternalStore } from 'react';

/** A parsed route of the app. */
export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'text'; readonly pid: string; readonly para: string | null }
  | { readonly name: 'workspace'; readonly pid: string; readonly party: string }
  | { readonly name: 'import'; readonly pid: string; readonly party: string }
  | { readonly name: 'desk'; readonly pid: string }
  | { readonly name: 'next'; readonly pid: string }
  | { readonly name: 'revision'; readonly pid: string; readonly n: number }
  | { readonly name: 'notFound' };

const dec = decodeURIComponent;

/** Parses a path into a route. */
export const parseRoute = (path: string): Route => {
  const parts = path.split('/').filter(Boolean).map(dec);
  if (parts.length === 0) return { name: 'home' };
  if (parts[0] !== 'p' || !parts[1]) return { name: 'notFound' };
  const pid = parts[1];
  const [a, b, c] = parts.slice(2);
  if (a === undefined) return { name: 'text', pid, para: null };
  if (a === 'para' && b && c === undefined) return { name: 'text', pid, para: b };
  if (a === 'ws' && b && c === undefined) return { name: 'workspace', pid, party: b };
  if (a === 'ws' && b && c === 'import') return { name: 'import', pid, party: b };
  if (a === 'desk' && b === undefined) return { name: 'desk', pid };
  if (a === 'next' && b === undefined) return { name: 'next', pid };
  if (a === 'rev' && b && /^\d+$/.test(b) && c === undefined) return { name: 'revision', pid, n: Number(b) };
  return { name: 'notFound' };
};

const enc = encodeURIComponent;

/** The path of a route. */
export const pathOf = (r: Route): string => {
  switch (r.name) {
    case 'home':
    case 'notFound':
      return '/';
    case 'text':
      return r.para ? `/p/${enc(r.pid)}/para/${enc(r.para)}` : `/p/${enc(r.pid)}`;
    case 'workspace':
      return `/p/${enc(r.pid)}/ws/${enc(r.party)}`;
    case 'import':
      return `/p/${enc(r.pid)}/ws/${enc(r.party)}/import`;
    case 'desk':
      return `/p/${enc(r.pid)}/desk`;
    case 'next':
      return `/p/${enc(r.pid)}/next`;
    case 'revision':
      return `/p/${enc(r.pid)}/rev/${r.n}`;
  }
};

const listeners = new Set<() => void>();
const subscribe = (fn: () => void): (() => void) => {
  listeners.add(fn);
  window.addEventListener('popstate', fn);
  return () => {
    listeners.delete(fn);
    window.removeEventListener('popstate', fn);
  };
};

/** Goes to `path` (pushing a history entry unless `replace`). */
export const navigate = (path: string, replace = false): void => {
  if (path === window.location.pathname) return;
  if (replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  for (const fn of listeners) fn();
};

/** The current path, re-rendering on navigation. */
export const usePath = (): string =>
  useSyncExternalStore(
    subscribe,
    () => window.location.pathname,
    () => '/',
  );

/**
 * The current fragment (`#draft-…`, or '' without one), re-rendering on navigation: `navigate`
 * to the same path with another fragment changes only this.
 */
export const useHash = (): string =>
  useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => '',
  );
