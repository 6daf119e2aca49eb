import { hash, verify, type Options } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
// `algorithm: 2` is Algorithm.Argon2id (a const enum, which isolated modules cannot read).
const ARGON2: Options = { algorithm: 2 as Options['algorithm'], memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

// The list is ordered by frequency; its head is the 10,000 most common passwords.
const MOST_COMMON = new Set(common.dictionary['passwords-common'].slice(0, 10_000));

const zxcvbn = new ZxcvbnFactory({
  translations: english.translations,
  graphs: common.adjacencyGraphs,
  dictionary: { ...common.dictionary, ...english.dictionary },
});

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A fixed hash to verify against when the account does not exist, so both paths cost one argon2 run.
let decoyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  decoyHash ??= hashPassword('decoy-password-for-timing-equality');
  await verifyPassword(await decoyHash, password);
}

/** Why a new password is refused, or undefined when it is acceptable. `personal` are the user's own words. */
export function passwordProblem(password: string, personal: string[] = []): string | undefined {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters`;
  if (MOST_COMMON.has(password.toLowerCase())) return 'This password is among the most common ones; choose another';
  const lower = password.toLowerCase();
  const own = personal.map((w) => w.toLowerCase()).find((w) => w.length >= 4 && lower.includes(w));
  if (own) return 'Do not use your own name or email address in your password';
  const result = zxcvbn.check(password, personal.filter(Boolean));
  if (result.score < 3) {
    const hint = result.feedback.warning ?? result.feedback.suggestions[0];
    return `This password is too easy to guess${hint ? `: ${hint.replace(/\.$/, '')}` : ''}. Try a longer phrase of unrelated words`;
  }
  return undefined;
}
