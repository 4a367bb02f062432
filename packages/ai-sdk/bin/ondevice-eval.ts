#!/usr/bin/env node
// Entry of `npm run eval`: core's evaluation CLI (packages/core/bin/eval-cli.ts) with core's tasks
// and `escalation`, which runs @ondevice/ai-sdk's policy and so cannot live in core's bin.
import { runEvalCli } from '../../core/bin/eval-cli.js';
import { evalTasks } from './eval-tasks.js';

process.exitCode = await runEvalCli(
  process.argv.slice(2),
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    // A terminal gets a live line; a log file or CI gets a line per tenth of the work.
    progress: process.stderr.isTTY === true ? 'live' : 'lines',
  },
  { tasks: evalTasks },
);
