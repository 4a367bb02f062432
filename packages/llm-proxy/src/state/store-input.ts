import { InvalidInputError } from '@ondevice/errors';

import type { AdmitRequest, TenantLimits, Usage } from './proxy-store.js';

function assertCount(value: unknown, parameter: string): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new InvalidInputError({
      message: `${parameter} must be a whole number ≥ 0, got ${String(value)}.`,
      parameter,
    });
  }
}

function assertAmount(value: unknown, parameter: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidInputError({
      message: `${parameter} must be a finite number ≥ 0, got ${String(value)}.`,
      parameter,
    });
  }
}

function assertLimits(limits: TenantLimits): void {
  for (const [name, value] of Object.entries(limits)) {
    if (value !== undefined) assertAmount(value, `limits.${name}`);
  }
}

/**
 * Checks what a store is asked to admit: a tenant id, whole tokens, a cost and limits ≥ 0, a
 * finite `now`; throws {@link InvalidInputError} naming the field otherwise.
 *
 * @example
 * assertAdmitRequest(request) // before any counter is touched
 */
export function assertAdmitRequest(request: AdmitRequest): void {
  if (typeof request.tenantId !== 'string' || request.tenantId === '') {
    throw new InvalidInputError({
      message: 'tenantId must be a non-empty string.',
      parameter: 'tenantId',
    });
  }
  assertCount(request.tokens, 'tokens');
  assertAmount(request.cost, 'cost');
  assertAmount(request.now, 'now');
  assertLimits(request.limits);
}

/**
 * Checks what a request is settled with: whole tokens in and out and a cost, all ≥ 0.
 *
 * @example
 * assertUsage({ tokensIn: 812, tokensOut: 240, cost: 0.0011 })
 */
export function assertUsage(used: Usage): void {
  assertCount(used.tokensIn, 'tokensIn');
  assertCount(used.tokensOut, 'tokensOut');
  assertAmount(used.cost, 'cost');
}
