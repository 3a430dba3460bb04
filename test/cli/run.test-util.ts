/** Running the real `bis` command in the CLI tests: paths of the repository and its fixtures. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const bin = join(root, 'apps/server/bin/bis.mjs');
export const ohchr = join(root, 'fixtures/ohchr-standard-setting-report.txt');
export const au = join(root, 'fixtures/au-wsis20-written-amendments.txt');

/** What a finished command printed, and its exit code. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `file` with `args` in `cwd`; never rejects (a failure is a non-zero `code`). */
export const exec = (file: string, args: string[], cwd: string, timeout = 120_000): Promise<Run> =>
  new Promise((resolve) => {
    execFile(file, args, { cwd, maxBuffer: 64 * 1024 * 1024, timeout }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });

/** Runs `bis <args>` in `cwd` with this Node. */
export const bis = (args: string[], cwd: string): Promise<Run> => exec(process.execPath, [bin, ...args], cwd);
