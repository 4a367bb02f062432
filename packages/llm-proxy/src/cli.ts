#!/usr/bin/env node
import { runCli } from './cli/run-cli.js';

/**
 * `ondevice-proxy`: the proxy's command line (see `runCli` for the commands). Stops gracefully
 * on SIGINT / SIGTERM: running streams get up to 10 s to finish.
 *
 * @example
 * // npx ondevice-proxy --dev --model ./models/llama2.c-stories260K
 */
async function main(): Promise<void> {
  const outcome = await runCli(
    process.argv.slice(2),
    {
      stdout: (text) => void process.stdout.write(text),
      stderr: (text) => void process.stderr.write(text),
      environment: process.env,
    },
    async () => {
      let text = '';
      for await (const chunk of process.stdin) text += String(chunk);
      return text;
    },
  );
  if ('exitCode' in outcome) {
    process.exitCode = outcome.exitCode;
    return;
  }
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void outcome.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();
