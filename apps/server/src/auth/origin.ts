/** The cross-site check of cookie-authenticated writes (CSRF) and of the sign-in form. */
import type { Context } from 'hono';

/**
 * The request's `Origin` when it is another site's (neither this server's nor one of `allowed`);
 * null when it is ours or the browser sent none.
 */
export const foreignOrigin = (c: Context, allowed: readonly string[]): string | null => {
  const origin = c.req.header('origin');
  if (!origin || origin === new URL(c.req.url).origin || allowed.includes(origin)) return null;
  return origin;
};
