import { describe, expect, it } from 'vitest';
import { homeFor, safeNextPath, signInPath } from './next-path.ts';

describe('safeNextPath', () => {
  it.each([
    ['/account/security', '/account/security'],
    ['/admin/members/0196?x=1', '/admin/members/0196?x=1'],
    [null, '/account'],
    ['', '/account'],
    // Open redirects: another origin in any spelling falls back.
    ['//evil.example/path', '/account'],
    ['/\\evil.example', '/account'],
    ['https://evil.example', '/account'],
    ['javascript:alert(1)', '/account'],
    ['account', '/account'],
    // Returning to the threshold pages would loop.
    ['/sign-in?next=/account', '/account'],
    ['/secure-account', '/account'],
    ['/sign-up', '/account'],
    ['/sign-inside', '/sign-inside'],
  ])('%s → %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it('uses the given fallback', () => {
    expect(safeNextPath('//x', '/admin')).toBe('/admin');
  });
});

describe('signInPath', () => {
  it('encodes where to return', () => {
    expect(signInPath('/account/security?tab=1')).toBe('/sign-in?next=%2Faccount%2Fsecurity%3Ftab%3D1');
    expect(signInPath()).toBe('/sign-in');
  });
});

describe('homeFor', () => {
  it('lands each role where its work is', () => {
    expect(homeFor('STYLIST')).toBe('/studio');
    expect(homeFor('ADMIN')).toBe('/admin');
    expect(homeFor('BRAND_PARTNER')).toBe('/partner');
    expect(homeFor('CLIENT')).toBe('/account');
    expect(homeFor('CLIENT', true)).toBe('/style-quiz');
    expect(homeFor('STYLIST', true)).toBe('/studio');
  });
});
