// Test helper (named *.test.* so the package never ships it), run as its own process by
// redis-store.test.ts: opens a Redis store, says "ready", waits for a line on stdin, then admits
// as fast as it can and prints what it was granted as JSON.
//   node --import tsx --conditions=@ondevice/source hammer-admits.test.support.ts \
//     <url> <keyPrefix> <tenantId> <dailyTokens> <tokensPerAdmit> <attempts> <now>
import { createInterface } from 'node:readline';

import { openRedisStore } from './redis-store.js';

const [url = '', keyPrefix, tenantId = 'acme', budget, tokensText, attemptsText, nowText] =
  process.argv.slice(2);
const tokens = Number(tokensText);
const attempts = Number(attemptsText);
const now = Number(nowText);
const limits = { dailyTokens: Number(budget) };

const store = await openRedisStore({ url, keyPrefix });
const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
await new Promise((resolve) => lines.once('line', resolve));
lines.close();

let admitted = 0;
let refused = 0;
let next = 0;
// Eight admits in flight at a time, like a busy proxy.
await Promise.all(
  Array.from({ length: 8 }, async () => {
    while (next < attempts) {
      next += 1;
      const decision = await store.admit({ tenantId, tokens, cost: 0, limits, now });
      if (decision.admitted) admitted += 1;
      else refused += 1;
    }
  }),
);
await store.close();
process.stdout.write(`${JSON.stringify({ admitted, refused, tokens: admitted * tokens })}\n`);
