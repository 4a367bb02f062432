#!/usr/bin/env node
// Entry of `npm run eval -- <task> --file <path> [--json]` and `npm run eval -- generate …`; see eval-cli.ts.
import { runEvalCli } from './eval-cli.js';

process.exitCode = await runEvalCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // A terminal gets a live line; a log file or CI gets a line per tenth of the work.
  progress: process.stderr.isTTY === true ? 'live' : 'lines',
});
