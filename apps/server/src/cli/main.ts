import { type ParseArgsConfig, parseArgs } from 'node:util';
import { BisInputError } from '@bis/core';
import { runCompare } from './compare';
import { runExport } from './export';
import { runImportProposals, runImportText } from './import';
import { CliError } from './io';

/** Usage text of each command, shown by `--help`. */
export const USAGE: Record<string, string> = {
  bis: `bis — paragraph-numbered negotiation texts

Usage:
  bis import text FILE [--title T] [--out FILE]
  bis import proposals FILE --party NAME [--base DOC.json] [--lenient] [--out FILE]
  bis export VIEW --base DOC.json [--proposals P.json …] --format FMT [--out FILE]
  bis compare OLD NEW --format FMT [--out FILE]
  bis serve [--port N] [--data DIR]
  bis start                      build the web app if needed, then serve with a demo process

Run \`bis COMMAND --help\` for the options of one command. No server is needed except for serve/start.`,
  'import text': `bis import text FILE [--title T] [--out FILE]

Reads a base text (.txt, .md or .docx) and writes its bis.document/2 JSON to stdout or --out.
Recognises headings (I., A., 1. between paragraphs, 2.1, Chapter C, Preamble, capitals), chapeaux
(The General Assembly,), paragraphs numbered (1., 1.Recalling, PP3, OP3, 77 bis, 77 bis A, 5 alt),
lettered (A. We, the Ministers …) or unnumbered (after a chapeau), points ((a), (b) …), footnotes
and status tags ([agreed], [ad ref] …); brackets stay in the text as written. Page furniture
(page numbers, running symbols, job numbers) is dropped. What it decided or dropped is listed on
stderr as notes, one per line (bis: note: FILE:LINE: …); see docs/import-text.md.`,
  'import proposals': `bis import proposals FILE --party NAME [--base DOC.json] [--lenient] [--out FILE]

Reads proposals and writes bis.proposals/2 JSON. FILE is written input (.txt or .md) in any of the
forms delegations write ("§77 → Amend: …", "We urge that preambular paragraphs 2, 4 and 7 be
retained.", a compilation "Paragraph 5 / • Norway, Government: …", edits marked inline
"5. We ~~note~~ **welcome** …"; see docs/import-proposals.md), a .csv with a header row, a .json
file or a .docx. Without --base, targets stay labels; with --base they resolve to paragraph ids, and
a label not in the base is an error naming the line. Every line that names a paragraph but is not
understood is listed on stderr as FILE:LINE; the command then fails unless --lenient is given.`,
  export: `bis export VIEW --base DOC.json [--proposals P.json …] --format FMT [--out FILE]
           [--party NAME …] [--status draft|tabled|withdrawn …] [--lang CODE]
           [--previous OLD.json] [--written-against OLD.json …] [--no-attribution]
           [--changes-as-formatting]

VIEW: comparison (current | proposed with changes | proponent | rationale | status),
      compilation (the text, each paragraph followed by its proposals), revision (the text).
FMT:  docx, html, md, csv, json; txt for the revision (plain text that bis import text reads back).
--previous               for the revision view: mark the changes against an older version
                         (in .docx as Word revisions)
--written-against FILE   the text (document JSON or any importable file) that proposals
                         recording another base were written against: they are re-anchored on
                         --base by content, and what moved, was merged into new wording or
                         could not be placed is listed on stderr and in the export. Without it,
                         such proposals are refused with an error naming both texts.
--no-attribution         leave out who proposed what (compilation)
--changes-as-formatting  in .docx, show changes as bold-underline / strikethrough instead of
                         Word revisions`,
  compare: `bis compare OLD NEW --format FMT [--out FILE]

Aligns two versions of a text paragraph by paragraph (by paragraph id when they share ids, else by
text) and marks the changes. OLD and NEW are document JSON or any importable text file.
FMT: html, md, csv, json.`,
  serve: `bis serve [--port N] [--data DIR]

Starts the server (REST API, WebSocket sync, the web app). Environment: PORT, DATA_DIR,
DATABASE_URL, REDIS_URL, BIS_ADMIN_TOKEN.`,
  start: `bis start

Builds the web app when it is not built, then serves it with a demo process seeded on first start,
printing a sign-in link for each demo role.`,
};

const COMMON = { help: { type: 'boolean', short: 'h' }, out: { type: 'string', short: 'o' } } as const;

type Options = NonNullable<ParseArgsConfig['options']>;

const parse = <T extends Options>(args: string[], options: T) =>
  parseArgs<{ args: string[]; options: T & typeof COMMON; allowPositionals: true; strict: true }>({
    args,
    options: { ...COMMON, ...options },
    allowPositionals: true,
    strict: true,
  });

const help = (key: string): number => {
  process.stdout.write(`${USAGE[key]}\n`);
  return 0;
};

const dispatch = async (argv: string[]): Promise<number> => {
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help')
    return help('bis');
  switch (command) {
    case 'import': {
      const [sub, ...rest] = args;
      if (sub !== 'text' && sub !== 'proposals') {
        throw new CliError(
          `import what? expected "bis import text FILE" or "bis import proposals FILE" (got ${sub ?? 'nothing'})`,
        );
      }
      if (sub === 'text') {
        const { values, positionals } = parse(rest, { title: { type: 'string' } });
        if (values.help) return help('import text');
        return runImportText(positionals, values);
      }
      const { values, positionals } = parse(rest, {
        party: { type: 'string' },
        base: { type: 'string' },
        lenient: { type: 'boolean' },
      });
      if (values.help) return help('import proposals');
      return runImportProposals(positionals, values);
    }
    case 'export': {
      const { values, positionals } = parse(args, {
        base: { type: 'string' },
        proposals: { type: 'string', multiple: true },
        format: { type: 'string', short: 'f' },
        party: { type: 'string', multiple: true },
        status: { type: 'string', multiple: true },
        lang: { type: 'string' },
        previous: { type: 'string' },
        'written-against': { type: 'string', multiple: true },
        'no-attribution': { type: 'boolean' },
        'changes-as-formatting': { type: 'boolean' },
      });
      if (values.help) return help('export');
      return runExport(positionals, values);
    }
    case 'compare': {
      const { values, positionals } = parse(args, {
        format: { type: 'string', short: 'f' },
        lang: { type: 'string' },
      });
      if (values.help) return help('compare');
      return runCompare(positionals, values);
    }
    case 'serve':
    case 'start': {
      const { values } = parse(args, {
        port: { type: 'string', short: 'p' },
        data: { type: 'string' },
        host: { type: 'string' },
      });
      if (values.help) return help(command);
      const { runServe } = await import('./run-serve');
      return runServe(command, values);
    }
    default:
      throw new CliError(`unknown command "${command}" (try bis --help)`);
  }
};

/** Runs the `bis` command with its arguments; resolves to the exit code. */
export const main = async (argv: string[]): Promise<number> => {
  try {
    return await dispatch(argv);
  } catch (e) {
    // Bad input is reported as one line; anything else is a bug and keeps its stack.
    if (e instanceof CliError || e instanceof BisInputError) {
      process.stderr.write(`bis: ${e.message}\n`);
      return 1;
    }
    if (e instanceof TypeError && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`bis: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
};
