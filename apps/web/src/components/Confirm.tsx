/**
 * A button that runs a server command after confirmation in a modal dialog (native <dialog>:
 * focus moves in and back, Escape cancels). The server's refusal (deadline passed, proposal
 * frozen, no right …) is shown in the dialog as it came; success is announced.
 */
import { useId, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { t } from '../i18n';
import { announce } from './Announcer';

/** Props of `ConfirmButton`. */
export interface ConfirmButtonProps {
  /** The button's text. */
  readonly label: string;
  /** The question asked before running. */
  readonly question: string;
  /** The command; resolves to what to announce when done. */
  readonly run: () => Promise<string>;
  readonly className?: string;
  readonly disabled?: boolean;
}

/** A command button with confirmation and clear errors. */
export const ConfirmButton = ({ label, question, run, className, disabled }: ConfirmButtonProps) => {
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();

  const confirm = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const done = await run();
      dialog.current?.close();
      announce(t('cmd.done', { what: done }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className={className ?? 'btn'}
        disabled={disabled}
        onClick={() => {
          setError(null);
          dialog.current?.showModal();
        }}
      >
        {label}
      </button>
      <dialog ref={dialog} aria-labelledby={titleId} className="confirm">
        <p id={titleId}>{question}</p>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="row">
          <button type="button" className="btn primary" onClick={() => void confirm()} disabled={busy}>
            {busy ? t('cmd.working') : t('cmd.confirm')}
          </button>
          <button type="button" className="btn" onClick={() => dialog.current?.close()}>
            {t('cmd.cancel')}
          </button>
        </div>
      </dialog>
    </>
  );
};
