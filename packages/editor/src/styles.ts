/**
 * The editor's CSS, injected once per page by the components. Changes are readable without
 * colour: insertions are underlined, deletions struck through, labels bold; logical properties
 * keep the layout right for right-to-left text.
 */

/** The stylesheet of Bis editors (labels, tracked changes, colleagues' cursors). */
export const EDITOR_CSS = `
.bis-editor .ProseMirror { white-space: pre-wrap; word-wrap: break-word; outline: none; min-block-size: 3em;
  padding: 0.5em 0.75em; border: 1px solid #767676; border-radius: 4px; background: #fff; color: #111; line-height: 1.5; }
.bis-editor .ProseMirror:focus-visible, .bis-editor .ProseMirror:focus { outline: 3px solid #1a5fb4; outline-offset: 1px; }
.bis-editor[data-readonly="true"] .ProseMirror { background: #f3f3f3; }
.bis-editor p { margin: 0 0 0.4em; }
.bis-label { font-weight: bold; margin-inline-end: 0.5em; user-select: none; }
.bis-tags { user-select: none; }
.bis-tag { display: inline-block; margin-inline-start: 0.4em; padding: 0 0.4em; border: 1px solid #555; border-radius: 3px;
  font-size: 0.85em; font-weight: normal; background: #f3f3f3; color: #111; }
.bis-editor ins, .bis-ins { text-decoration: underline; text-decoration-thickness: 2px; background: #e6f4ea; color: inherit; }
.bis-editor del, .bis-del { text-decoration: line-through; text-decoration-thickness: 2px; background: #fde8e8; color: #5c0000; }
.bis-cursor { position: relative; margin-inline: -1px; border-inline-start: 2px solid; word-break: normal; pointer-events: none; }
.bis-cursor-name { position: absolute; inset-block-end: 100%; inset-inline-start: -2px; font-size: 0.75em; font-weight: bold;
  line-height: 1.2; padding: 0 0.3em; color: #fff; white-space: nowrap; border-radius: 3px 3px 3px 0; user-select: none; }
.bis-selection { border-radius: 2px; }
`;

/** Adds EDITOR_CSS to `doc` unless it is there already. */
export const injectEditorCss = (doc: Document): void => {
  if (doc.getElementById('bis-editor-css')) return;
  const style = doc.createElement('style');
  style.id = 'bis-editor-css';
  style.textContent = EDITOR_CSS;
  doc.head.append(style);
};
