/**
 * The query of `GET …/exports/:view/:format`: which part of the text (`section`, a heading id)
 * and which proposals (`party`, `action`). Checked here, so a typo is a 400 that says what is
 * accepted rather than an empty file.
 */
import { ACTIONS, type Action } from '@bis/core';
import type { ExportOptions } from '@bis/formats';
import { slug } from '../commands/people';
import { invalid } from './errors';

/** The query parameters, for the OpenAPI document. */
export const EXPORT_QUERY = {
  section: 'Only this section: the id of its heading (the text has them in its JSON export).',
  party: 'Only proposals of this party, as proponent or co-sponsor (the name as the proposals show it).',
  action: `Only proposals of this action: ${ACTIONS.join(', ')}.`,
} as const;

/** A checked export filter. */
export interface ExportFilter {
  readonly section: string | null;
  readonly options: ExportOptions;
  /** What the file name gets for the filter (`-section-h2`, `-party-kenya`), or ''. */
  readonly suffix: string;
}

const MAX = 200;
// File names stay short and ASCII (they go into Content-Disposition).
const part = (s: string): string => slug(s).slice(0, 40);

/** Reads `section`, `party` and `action` from a query; unknown parameters are refused. */
export const exportFilter = (query: Record<string, string>): ExportFilter => {
  for (const [name, value] of Object.entries(query)) {
    if (!(name in EXPORT_QUERY))
      throw invalid(
        `Unknown parameter "${name}"; an export accepts ${Object.keys(EXPORT_QUERY).join(', ')}.`,
        name,
      );
    if (value.trim() === '' || value.length > MAX)
      throw invalid(`"${name}" must be 1 to ${MAX} characters.`, name);
  }
  const { section, party, action } = query;
  if (action !== undefined && !(ACTIONS as readonly string[]).includes(action))
    throw invalid(`Unknown action "${action}"; use one of ${ACTIONS.join(', ')}.`, 'action');
  const suffix = [
    section !== undefined ? `-section-${part(section)}` : '',
    party !== undefined ? `-party-${part(party)}` : '',
    action !== undefined ? `-${action}` : '',
  ].join('');
  return {
    section: section ?? null,
    options: {
      ...(party !== undefined ? { parties: [party] } : {}),
      ...(action !== undefined ? { actions: [action as Action] } : {}),
    },
    suffix,
  };
};
