/**
 * Sign-in by invitation link. `GET /signin/<token>` only shows whom the link is for and a button;
 * the button's `POST` spends the one-time token and sets the session cookie. A link previewer or
 * mail scanner that fetches the link therefore cannot use it up before the invitee clicks.
 */
import { escapeHtml } from '@bis/formats';
import type { Context, Hono } from 'hono';
import type { AppEnv } from '../api/routes';
import type { Services } from '../commands/context';
import { foreignOrigin } from './origin';
import { SESSION_COOKIE } from './principal';

type Page = (title: string, body: string) => string;

const unusable = (c: Context<AppEnv>, page: Page) =>
  c.html(
    page(
      'This sign-in link cannot be used',
      '<p>It was already used, or it has expired. Ask the secretariat for a new invitation link.</p>',
    ),
    401,
  );

/** Adds `GET` and `POST /signin/:token` to `app`; `page` wraps a title and HTML body in a page. */
export const mountSignIn = (app: Hono<AppEnv>, svc: Services, page: Page): void => {
  app.get('/signin/:token', (c) => {
    const token = c.req.param('token');
    const name = svc.auth.invitee(token);
    if (!name) return unusable(c, page);
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'same-origin'); // no-referrer would make the form's Origin "null"
    return c.html(
      page(
        'Sign in to Bis',
        `<p>This invitation link is for <strong>${escapeHtml(name)}</strong>. It can be used once.</p>` +
          `<form method="post" action="/signin/${encodeURIComponent(token)}">` +
          `<button type="submit" style="font:inherit;padding:.5em 1.5em">Sign in as ${escapeHtml(name)}</button></form>`,
      ),
    );
  });

  app.post('/signin/:token', (c) => {
    // Another site must not be able to sign a visitor in as someone else (login CSRF).
    const origin = foreignOrigin(c, svc.config.allowedOrigins);
    if (origin) {
      return c.html(
        page('Sign-in refused', `<p>Sign-in forms posted from ${escapeHtml(origin)} are not accepted.</p>`),
        403,
      );
    }
    const s = svc.auth.signIn(c.req.param('token'));
    if (!s) return unusable(c, page);
    const secure = svc.config.publicUrl?.startsWith('https:') ? '; Secure' : '';
    const maxAge = Math.floor((s.expiresAt - svc.now()) / 1000);
    c.header(
      'Set-Cookie',
      `${SESSION_COOKIE}=${s.sessionId}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`,
    );
    svc.db.transaction(() =>
      svc.db.appendAudit({
        processId: null,
        userId: s.userId,
        action: 'session.signin',
        payload: {},
        at: svc.now(),
      }),
    );
    return c.redirect('/', 303);
  });
};
