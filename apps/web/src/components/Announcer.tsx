/**
 * One polite live region for the whole app: `announce(message)` tells screen-reader users what
 * changed (a command done, a filter result, the compilation updated).
 */
import { useEffect, useState } from 'react';

const listeners = new Set<(m: string) => void>();

/** Announces `message` to assistive technology. */
export const announce = (message: string): void => {
  for (const fn of listeners) fn(message);
};

/** The live region; render once. */
export const Announcer = () => {
  const [message, setMessage] = useState('');
  useEffect(() => {
    // Clearing first makes a repeated message be read again.
    const fn = (m: string): void => {
      setMessage('');
      window.setTimeout(() => setMessage(m), 50);
    };
    listeners.add(fn);
    return () => void listeners.delete(fn);
  }, []);
  return (
    <div className="sr-only" role="status" aria-live="polite" data-testid="announcer">
      {message}
    </div>
  );
};
