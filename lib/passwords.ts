import "server-only";
import argon2 from "argon2";

/**
 * Staff passwords: argon2id (memory-hard), OWASP's recommended parameters
 * (19 MiB, 2 passes). The parameters travel inside each hash, so raising them
 * later only affects new hashes; `needsRehash` tells sign-in to upgrade old ones.
 */
const options = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, options);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

export function needsRehash(hash: string): boolean {
  return argon2.needsRehash(hash, options);
}

/**
 * Verifying against this when the account does not exist keeps sign-in time
 * the same either way, so timing does not reveal which emails are staff.
 */
let dummyHash: Promise<string> | undefined;
export function verifyAgainstDummy(password: string): Promise<boolean> {
  dummyHash ??= hashPassword("no-such-account-placeholder");
  return dummyHash.then((hash) => verifyPassword(hash, password)).then(() => false);
}
