import { generateSecret, generateURI, verify } from 'otplib';

const ISSUER = 'StyleByZaga';

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, label: string): string {
  return generateURI({ issuer: ISSUER, label, secret });
}

/**
 * Checks a 6-digit code with ±1 step (30 s) of clock drift. Returns the matched time step, which must be
 * stored: a code at or before the last accepted step is refused, so each code works once.
 */
export async function checkTotp(secret: string, code: string, lastStep: number | null): Promise<number | undefined> {
  if (!/^\d{6}$/.test(code)) return undefined;
  const result = await verify({ secret, token: code, epochTolerance: 30, ...(lastStep !== null ? { afterTimeStep: lastStep } : {}) });
  return result.valid && 'timeStep' in result ? result.timeStep : undefined;
}
