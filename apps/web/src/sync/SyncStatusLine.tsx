/**
 * The sync indicator of the status line: "Saved" only when the server acknowledged every local
 * change; "Offline — N changes waiting" (or "Saving — N changes waiting" while connected)
 * otherwise; and the server's reason when it refused a change or stopped a document. On mount it
 * reopens the documents an earlier page left with changes waiting, so they are sent now.
 */
import { useEffect } from 'react';
import { api } from '../api/client';
import type { MessageKey } from '../i18n';
import { t, tn } from '../i18n';
import { useSyncStatus } from './hooks';
import { resumePending } from './registry';

let resumed = false;

/** The status line's sync indicator (a polite live region). */
export const SyncStatusLine = () => {
  const s = useSyncStatus();
  useEffect(() => {
    if (resumed) return;
    resumed = true;
    api
      .me()
      .then((me) => {
        if (me.user) resumePending(me.user.id);
      })
      .catch(() => {
        // Offline at load: the documents are resumed when their drafts are opened.
        resumed = false;
      });
  }, []);

  let text = '';
  if (s.active) {
    if (s.pending === 0)
      text =
        s.connection === 'offline'
          ? t('sync.offline')
          : s.connection === 'online'
            ? t('sync.saved')
            : t('sync.connecting');
    else text = tn(s.connection === 'online' ? 'sync.saving' : 'sync.offlineWaiting', s.pending);
  }
  const stopped = s.stopped[0];
  const reset = s.resets[0];
  return (
    <span
      className="sync-status"
      data-testid="sync-status"
      data-saved={s.active && s.saved ? 'true' : 'false'}
    >
      <span role="status" aria-live="polite">
        {text}
      </span>
      {stopped && (
        <span role="alert" className="error">
          {' '}
          {t(`sync.stopped.${stopped.why}` as MessageKey, { reason: stopped.reason })}
        </span>
      )}
      {!stopped && reset && (
        <span role="alert" className="note">
          {' '}
          {t('sync.reset', { reason: reset.reason || String(reset.code) })}
        </span>
      )}
    </span>
  );
};
