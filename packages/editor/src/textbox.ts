/**
 * `textboxAttributes`: the ARIA attributes every Bis editor view carries.
 */

/** What an editor tells assistive technology about itself. */
export interface TextboxProps {
  readonly ariaLabel: string;
  readonly editable?: boolean;
  readonly describedBy?: string;
}

/** The editor's root attributes: a multi-line textbox, labelled, read-only when not editable. */
export const textboxAttributes = (p: TextboxProps): Record<string, string> => ({
  role: 'textbox',
  'aria-multiline': 'true',
  'aria-label': p.ariaLabel,
  'aria-readonly': p.editable === false ? 'true' : 'false',
  ...(p.describedBy ? { 'aria-describedby': p.describedBy } : {}),
});
