import { describe, expect, it } from 'vitest';
import { isExclusionViolation, isUniqueViolation, pgCode } from './errors.ts';

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
});
