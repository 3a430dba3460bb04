/**
 * The status line at the bottom of every process screen: the live connection to the server
 * (and the browser's own offline state), the drafts' "saved / offline — N changes waiting"
 * indicator (src/sync), and who else is online on which paragraph.
 */
import { useEffect, useState } from 'react';
import { useProcess } from '../app/process-data';
import { t } from '../i18n';
import { SyncStatusLine } from '../sync/SyncStatusLine';

const useOnline = (): boolean => {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const up = (): void => setOnline(true);
    const down = (): void => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
};

/** Who is online in this process, and where. */
export const PresenceList = () => {
  const { live, paragraphById } = useProcess();
  const others = live.people.filter((p) => !p.self);
  return (
    <div className="presence">
      <span className="presence-title">{t('presence.title')}:</span>{' '}
      {others.length === 0 ? (
        <span className="muted">{t('presence.none')}</span>
      ) : (
        <ul className="plain inline" data-testid="presence">
          {others.map((p) => {
            const para = p.paragraph ? paragraphById.get(p.paragraph) : undefined;
            const name = p.party && p.party !== p.name ? `${p.name} (${p.party})` : p.name;
            return (
              <li key={p.clientId}>
                <span className="dot" style={{ background: p.color }} aria-hidden="true" />
                {para ? t('presence.on', { name, label: para.label }) : t('presence.reading', { name })}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
};

/** The status line. */
export const StatusLine = () => {
  const { live } = useProcess();
  const online = useOnline();
  const state = !online
    ? 'browserOffline'
    : live.state === 'connected'
      ? 'online'
      : live.state === 'connecting'
        ? 'connecting'
        : 'offline';
  return (
    <footer className="statusline">
      <span className={`conn conn-${state}`} data-testid="connection">
        <span className="dot" aria-hidden="true" />
        {t(`status.${state}`)}
        {live.closedReason && <span className="error-text"> — {live.closedReason}</span>}
      </span>
      <span className="sync">
        <SyncStatusLine />
      </span>
      <PresenceList />
    </footer>
  );
};
