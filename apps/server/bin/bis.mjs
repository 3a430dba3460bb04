#!/usr/bin/env node
// The `bis` command. Workspace packages are consumed from source (TypeScript), so the
// command registers tsx's loader before importing the CLI entry.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
