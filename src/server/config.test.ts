import { describe, expect, it } from 'vitest';
import { loadConfig, publicOrigin, readyAddress } from './config.ts';

describe('loadConfig', () => {
  it('needs nothing: every default works', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', DATA_DIR: './data', DEMO_DATA: true, CORS_ORIGINS: [] });
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).PORT).toBe(3000);
  });

  it.each([
    [{ PORT: 'abc' }, /^Invalid configuration: PORT .*"abc"/],
    [{ PORT: '70000' }, /^Invalid configuration: PORT /],
    [{ LOG_LEVEL: 'loud' }, /^Invalid configuration: LOG_LEVEL .*"loud"/],
    [{ DATABASE_URL: 'mysql://u:secret@h/db' }, /^Invalid configuration: DATABASE_URL invalid URL$/],
    [{ REDIS_URL: 'http://localhost' }, /^Invalid configuration: REDIS_URL /],
    [{ DEMO_DATA: 'maybe' }, /^Invalid configuration: DEMO_DATA /],
    [{ METRICS_TOKEN: 'short' }, /^Invalid configuration: METRICS_TOKEN /],
  ])('rejects %o with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never echoes credentials from a bad database URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:secret@h/db' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('secret') }),
    );
  });

  it('parses lists and booleans', () => {
    const config = loadConfig({ CORS_ORIGINS: 'https://a.example, https://b.example', DEMO_DATA: 'no', TRUST_PROXY: '1' });
    expect(config.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
    expect(config.DEMO_DATA).toBe(false);
    expect(config.TRUST_PROXY).toBe(1);
  });
});

describe('trust (#11)', () => {
  it('reads TRUST_PROXY as a hop count or proxy ranges, and refuses "true" (#11.4)', () => {
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, fd00::/8,192.0.2.1' }).TRUST_PROXY).toEqual(['10.0.0.0/8', 'fd00::/8', '192.0.2.1']);
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY must say which proxies/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/40' })).toThrow(/TRUST_PROXY .*"10.0.0.0\/40" is not one/);
  });

  it('defaults DEMO_DATA to false in production unless set (#11.9)', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).DEMO_DATA).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', DEMO_DATA: 'true' }).DEMO_DATA).toBe(true);
    expect(loadConfig({}).DEMO_DATA).toBe(true);
  });

  it('names the public URL people should open: PUBLIC_URL, else localhost, never 127.0.0.1 (#11.6)', () => {
    expect(publicOrigin(loadConfig({ HOST: '127.0.0.1', PORT: '3000' }))).toBe('http://localhost:3000');
    expect(publicOrigin(loadConfig({ PUBLIC_URL: 'https://stylebyzaga.com/' }))).toBe('https://stylebyzaga.com');
    expect(publicOrigin(loadConfig({}), 4123)).toBe('http://localhost:4123');
  });

  it('prints that address on the ready line, whatever loopback or wildcard address the server binds (#11.6)', () => {
    for (const HOST of ['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost']) {
      expect(readyAddress(loadConfig({ HOST, PORT: '3000' })), HOST).toBe('http://localhost:3000');
    }
    expect(readyAddress(loadConfig({ HOST: '0.0.0.0', PUBLIC_URL: 'https://stylebyzaga.com' }))).toBe('https://stylebyzaga.com');
    expect(readyAddress(loadConfig({ HOST: '192.168.1.20' }), 4123)).toBe('http://192.168.1.20:4123');
    expect(readyAddress(loadConfig({ HOST: 'fd00::20' }), 4123)).toBe('http://[fd00::20]:4123');
  });
});
