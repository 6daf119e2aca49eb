import { describe, expect, it } from 'vitest';
import { isExclusionViolation, isTransientDbError, isUniqueViolation, pgCode, retryTransient } from './errors.ts';

const driver = (code: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error('duplicate key value violates unique constraint "products_slug_key"'), { code, ...extra });

describe('Postgres errors', () => {
  it('reads the SQLSTATE bare or wrapped by Drizzle, and ignores Node error codes', () => {
    expect(pgCode(driver('23505'))).toBe('23505');
    expect(pgCode(new Error('query failed', { cause: new Error('wrapped', { cause: driver('23P01') }) }))).toBe('23P01');
    expect(pgCode(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBeUndefined();
    expect(pgCode(undefined)).toBeUndefined();
  });

  it('tells unique violations apart by constraint, named on the error or only in its message', () => {
    expect(isUniqueViolation(driver('23505'))).toBe(true);
    expect(isUniqueViolation(driver('23505', { constraint: 'users_email_key' }), 'users_email_key')).toBe(true);
    expect(isUniqueViolation(driver('23505'), 'products_slug_key')).toBe(true);
    expect(isUniqueViolation(driver('23505', { constraint: 'a' }), 'product_variants_sku_key')).toBe(false);
    expect(isUniqueViolation(driver('23503'))).toBe(false);
    expect(isExclusionViolation(new Error('wrapped', { cause: driver('23P01') }))).toBe(true);
  });

  it('takes deadlock victims, serialization failures and an exhausted pool for transient, and nothing else', () => {
    expect(isTransientDbError(new Error('wrapped', { cause: driver('40P01') }))).toBe(true);
    expect(isTransientDbError(driver('40001'))).toBe(true);
    expect(isTransientDbError(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isTransientDbError(driver('23505'))).toBe(false);
    expect(isTransientDbError(new Error('connection terminated'))).toBe(false);
  });

  it('runs a deadlock victim again, and gives up after the attempts or on any other error', async () => {
    let calls = 0;
    await expect(retryTransient(async () => (++calls < 3 ? Promise.reject(driver('40P01')) : 'done'))).resolves.toBe('done');
    expect(calls).toBe(3);
    calls = 0;
    await expect(retryTransient(async () => Promise.reject(driver(++calls ? '40001' : '')), 2)).rejects.toMatchObject({ code: '40001' });
    expect(calls).toBe(2);
    calls = 0;
    await expect(retryTransient(async () => Promise.reject(driver(String(23505 + 0 * ++calls))))).rejects.toMatchObject({ code: '23505' });
    expect(calls).toBe(1);
  });
});
