/**
 * Where the draft editor plugs in (contract: src/drafting/README.md). The editor — ProseMirror,
 * y-prosemirror and packages/editor — is a chunk of its own: readers, observers and
 * co-facilitators never download it, and everyone gets the text on screen sooner. A workspace
 * starts loading it as soon as it shows a draft, so it is there before anyone presses "Edit",
 * and still there if the connection then drops.
 */
import { type ComponentType, useEffect, useState } from 'react';
import type { DraftEditorProps } from '../drafting';

export type { DraftEditorProps };

let loading: Promise<ComponentType<DraftEditorProps>> | null = null;

/** Loads the editor chunk (once; a failed load is tried again on the next call). */
export const loadDraftEditor = (): Promise<ComponentType<DraftEditorProps>> => {
  loading ??= import('../drafting').then(
    (m) => m.DraftEditor,
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
};

/** The draft editor once its chunk has loaded; `failed` when it could not be (offline); `retry`. */
export const useDraftEditor = (): {
  Editor: ComponentType<DraftEditorProps> | null;
  failed: boolean;
  retry: () => void;
} => {
  const [Editor, setEditor] = useState<ComponentType<DraftEditorProps> | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger.
  useEffect(() => {
    let live = true;
    loadDraftEditor().then(
      (E) => live && setEditor(() => E),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  return {
    Editor,
    failed,
    retry: () => {
      setFailed(false);
      setAttempt((a) => a + 1);
    },
  };
};
