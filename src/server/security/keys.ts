import { generateKeyPairSync, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type Config } from '../config.ts';

export interface Keys {
  /** AES-256-GCM key for personal data at rest. */
  encryption: Buffer;
  /** HMAC-SHA256 key for lookups of encrypted values (email) and for hashing attempt keys. */
  lookup: Buffer;
  /** Ed25519 private and public JWKs for access tokens. */
  jwtPrivate: JsonWebKey;
  jwtPublic: JsonWebKey;
  /** Short fingerprint of the data key, kept in ciphertexts so a rotation can tell keys apart. */
  dataKeyId: string;
}

/**
 * Keys from DATA_KEY / JWT_PRIVATE_KEY, or, when those are unset, generated once into DATA_DIR/keys
 * (mode 600) so the demo needs no setup. Several instances must share the env values.
 */
export function loadKeys(config: Pick<Config, 'DATA_KEY' | 'JWT_PRIVATE_KEY' | 'dataDir'>): Keys {
  const dir = join(config.dataDir, 'keys');
  const dataKey = config.DATA_KEY
    ? decodeDataKey(config.DATA_KEY)
    : readOrCreate(join(dir, 'data-key'), () => randomBytes(32).toString('base64'), decodeDataKey);
  const jwtPrivate = config.JWT_PRIVATE_KEY
    ? parseJwk(config.JWT_PRIVATE_KEY)
    : readOrCreate(
        join(dir, 'jwt-ed25519.jwk'),
        () => JSON.stringify(generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' })),
        parseJwk,
      );
  const { d: _d, ...jwtPublic } = jwtPrivate;
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), info, 32));
  return {
    encryption: derive('stylebyzaga/personal-data/aes-256-gcm'),
    lookup: derive('stylebyzaga/lookup/hmac-sha256'),
    jwtPrivate,
    jwtPublic,
    dataKeyId: derive('stylebyzaga/key-id').subarray(0, 4).toString('hex'),
  };
}

function decodeDataKey(value: string): Buffer {
  const key = Buffer.from(value.trim(), 'base64');
  if (key.length !== 32)
    throw new ConfigError('Invalid configuration: DATA_KEY must be 32 random bytes, base64-encoded (openssl rand -base64 32)');
  return key;
}

function parseJwk(value: string): JsonWebKey {
  try {
    const jwk = JSON.parse(value) as JsonWebKey;
    if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && typeof jwk.d === 'string' && typeof jwk.x === 'string') return jwk;
  } catch {
    // fall through to the one clear message below
  }
  throw new ConfigError(
    'Invalid configuration: JWT_PRIVATE_KEY must be an Ed25519 private key as a JWK (kty OKP, crv Ed25519, with d and x)',
  );
}

function readOrCreate<T>(file: string, create: () => string, parse: (value: string) => T): T {
  if (!existsSync(file)) {
    mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
    // 'wx': if another process created it a moment ago, keep theirs.
    try {
      writeFileSync(file, create(), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    chmodSync(file, 0o600);
  }
  return parse(readFileSync(file, 'utf8'));
}
