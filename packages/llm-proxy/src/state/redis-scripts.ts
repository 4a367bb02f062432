// The Lua scripts of the Redis store. Each runs atomically on the server, so processes sharing
// one Redis see every check and its increments as one step. Counters are hashes with the fields
// requests, tokensIn, tokensOut, cost (settled), reservedTokens and reservedCost (costs in
// billionths, see cost-units.ts); a reservation is a hash (tokens, cost, at, the three counter
// keys, state = held | expired) and its id is in the tenant's sorted set of held reservations,
// scored by `at`.

const helpers = `
local function num(value)
  return tonumber(value) or 0
end

-- An integer as HINCRBY takes it: no exponent, and never '-0' (which it refuses).
local function integer(value)
  return string.format('%.0f', value)
end

local function unreserve(key, tokens, cost)
  if key and redis.call('EXISTS', key) == 1 then
    redis.call('HINCRBY', key, 'reservedTokens', integer(0 - tokens))
    redis.call('HINCRBY', key, 'reservedCost', integer(0 - cost))
  end
end

local function release(reservationKey)
  local r = redis.call('HMGET', reservationKey, 'tokens', 'cost', 'minuteKey', 'dayKey', 'monthKey')
  local tokens, cost = num(r[1]), num(r[2])
  unreserve(r[3], tokens, cost)
  unreserve(r[4], tokens, cost)
  unreserve(r[5], tokens, cost)
end

-- Releases the held reservations admitted before \`before\`, keeping each as expired for
-- retainMs so that a late settle still counts the real use.
local function expireHeld(heldKey, reservationPrefix, before, retainMs)
  local ids = redis.call('ZRANGEBYSCORE', heldKey, '-inf', '(' .. before)
  for _, id in ipairs(ids) do
    local reservationKey = reservationPrefix .. id
    if redis.call('HGET', reservationKey, 'state') == 'held' then
      release(reservationKey)
      redis.call('HSET', reservationKey, 'state', 'expired')
      redis.call('PEXPIRE', reservationKey, retainMs)
    end
    redis.call('ZREM', heldKey, id)
  end
end
`;

/**
 * Checks every limit and reserves, in one step. KEYS: minute, day and month counters, the
 * tenant's held reservations, the new reservation. ARGV: reservation key prefix, expire before,
 * retain expired (ms), tokens, cost, the six limits in `limitCheckOrder` ('' = none, costs in
 * billionths), ms to keep the minute, day and month counters, reservation id, at. Returns `{1}`,
 * or `{0, i}` where i (from 1) is the refusing limit's place in `limitCheckOrder`.
 *
 * @example
 * redis.defineCommand('proxyAdmit', { numberOfKeys: 5, lua: admitScript })
 */
export const admitScript = `${helpers}
expireHeld(KEYS[4], ARGV[1], ARGV[2], ARGV[3])
local fields = {'tokensIn', 'tokensOut', 'reservedTokens', 'cost', 'reservedCost', 'requests'}
local minute = redis.call('HMGET', KEYS[1], unpack(fields))
local day = redis.call('HMGET', KEYS[2], unpack(fields))
local month = redis.call('HMGET', KEYS[3], unpack(fields))
local tokens, cost = tonumber(ARGV[4]), tonumber(ARGV[5])
local function tokensAfter(w) return num(w[1]) + num(w[2]) + num(w[3]) + tokens end
local function costAfter(w) return num(w[4]) + num(w[5]) + cost end
local after = {
  tokensAfter(month), costAfter(month), tokensAfter(day), costAfter(day),
  tokensAfter(minute), num(minute[6]) + 1,
}
for i = 1, 6 do
  local limit = ARGV[5 + i]
  if limit ~= '' and after[i] > tonumber(limit) then
    return {0, i}
  end
end
for i = 1, 3 do
  redis.call('HINCRBY', KEYS[i], 'requests', 1)
  redis.call('HINCRBY', KEYS[i], 'reservedTokens', ARGV[4])
  redis.call('HINCRBY', KEYS[i], 'reservedCost', ARGV[5])
  redis.call('PEXPIRE', KEYS[i], ARGV[11 + i])
end
redis.call('HSET', KEYS[5], 'tokens', ARGV[4], 'cost', ARGV[5], 'at', ARGV[16],
  'minuteKey', KEYS[1], 'dayKey', KEYS[2], 'monthKey', KEYS[3], 'state', 'held')
redis.call('PEXPIRE', KEYS[5], ARGV[14])
redis.call('ZADD', KEYS[4], ARGV[16], ARGV[15])
redis.call('PEXPIRE', KEYS[4], ARGV[14])
return {1}
`;

/**
 * Replaces a reservation by the real use, once. KEYS: the reservation, the tenant's held
 * reservations. ARGV: id, tokens in, tokens out, cost (billionths), ms to keep a counter that
 * had already expired. Returns 1, or 0 when the reservation is unknown (settled already).
 *
 * @example
 * redis.defineCommand('proxySettle', { numberOfKeys: 2, lua: settleScript })
 */
export const settleScript = `${helpers}
local r = redis.call('HMGET', KEYS[1], 'state', 'minuteKey', 'dayKey', 'monthKey')
if not r[1] then
  return 0
end
if r[1] == 'held' then
  release(KEYS[1])
end
for i = 2, 4 do
  local existed = redis.call('EXISTS', r[i])
  redis.call('HINCRBY', r[i], 'tokensIn', ARGV[2])
  redis.call('HINCRBY', r[i], 'tokensOut', ARGV[3])
  redis.call('HINCRBY', r[i], 'cost', ARGV[4])
  if existed == 0 then
    redis.call('PEXPIRE', r[i], ARGV[5])
  end
end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
return 1
`;

/**
 * Expires old reservations and reads a tenant's counters. KEYS: minute, day and month counters,
 * the tenant's held reservations. ARGV: reservation key prefix, expire before, retain expired
 * (ms). Returns the three counters' requests, tokensIn, tokensOut, cost and reservedTokens, then
 * the tokens and cost of every held reservation.
 *
 * @example
 * redis.defineCommand('proxyUsage', { numberOfKeys: 4, lua: usageScript })
 */
export const usageScript = `${helpers}
expireHeld(KEYS[4], ARGV[1], ARGV[2], ARGV[3])
local heldTokens, heldCost = 0, 0
for _, id in ipairs(redis.call('ZRANGE', KEYS[4], 0, -1)) do
  local r = redis.call('HMGET', ARGV[1] .. id, 'tokens', 'cost')
  heldTokens = heldTokens + num(r[1])
  heldCost = heldCost + num(r[2])
end
local fields = {'requests', 'tokensIn', 'tokensOut', 'cost', 'reservedTokens'}
return {
  redis.call('HMGET', KEYS[1], unpack(fields)),
  redis.call('HMGET', KEYS[2], unpack(fields)),
  redis.call('HMGET', KEYS[3], unpack(fields)),
  heldTokens,
  heldCost,
}
`;

/**
 * Appends an audit record only if the chain's head is still the one its hash was computed from
 * (the hash is computed in Node). KEYS: the head, the new record, the tenant's index. ARGV:
 * previous sequence ('0' for none), previous hash, sequence, hash, then the record's field and
 * value pairs. Returns 1, or 0 when another writer appended first (compute again and retry).
 *
 * @example
 * redis.defineCommand('proxyAppendAudit', { numberOfKeys: 3, lua: appendAuditScript })
 */
export const appendAuditScript = `
local head = redis.call('HMGET', KEYS[1], 'sequence', 'hash')
if (head[1] or '0') ~= ARGV[1] or (head[1] and head[2] ~= ARGV[2]) then
  return 0
end
if redis.call('EXISTS', KEYS[2]) == 1 then
  return 0
end
redis.call('HSET', KEYS[2], unpack(ARGV, 5))
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[3])
redis.call('HSET', KEYS[1], 'sequence', ARGV[3], 'hash', ARGV[4])
return 1
`;

/**
 * An ioredis client with the store's scripts defined (EVALSHA, falling back to EVAL after Redis
 * restarts without them); each resolves with the script's reply.
 *
 * @example
 * const redis = withProxyScripts(new Redis(url))
 * await redis.proxySettle(reservationKey, heldKey, id, 812, 240, 1_100_000, 3_600_000)
 */
export interface RedisWithScripts {
  proxyAdmit(...args: (string | number)[]): Promise<[0 | 1, number?]>;
  proxySettle(...args: (string | number)[]): Promise<0 | 1>;
  proxyUsage(...args: (string | number)[]): Promise<unknown[]>;
  proxyAppendAudit(...args: (string | number)[]): Promise<0 | 1>;
}

/**
 * Defines the store's scripts on `redis` as commands.
 *
 * @example
 * const redis = withProxyScripts(new Redis(url, { lazyConnect: true }))
 */
export function withProxyScripts<T extends { defineCommand: DefineCommand }>(
  redis: T,
): T & RedisWithScripts {
  redis.defineCommand('proxyAdmit', { numberOfKeys: 5, lua: admitScript });
  redis.defineCommand('proxySettle', { numberOfKeys: 2, lua: settleScript });
  redis.defineCommand('proxyUsage', { numberOfKeys: 4, lua: usageScript });
  redis.defineCommand('proxyAppendAudit', { numberOfKeys: 3, lua: appendAuditScript });
  return redis as T & RedisWithScripts;
}

type DefineCommand = (name: string, definition: { numberOfKeys: number; lua: string }) => void;
