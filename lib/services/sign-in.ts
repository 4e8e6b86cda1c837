import "server-only";
import { AppError } from "@/lib/errors";
import { countFailure, forgetFailures, secondsUntilAllowed, type LimitCheck } from "@/lib/rate-limit";
import { verifyStaffCredentials, type StaffUser } from "@/lib/services/users";

/**
 * Staff sign-in with limits against password guessing and credential
 * stuffing: at most 5 failed attempts per account and 20 per client address
 * in 15 minutes. Only failures count; a success clears the account's count.
 *
 * The account limit is keyed by the email as typed (normalized), whether or
 * not such an account exists, and every refusal reads the same — so neither
 * the limit nor its message tells a stranger which emails belong to staff.
 */

export const signInLimits = {
  perAccount: { points: 5, durationSeconds: 15 * 60 },
  perAddress: { points: 20, durationSeconds: 15 * 60 },
} as const;

export const signInLimitedMessage = "Too many failed sign-in attempts. Wait 15 minutes, then try again.";

function checksFor(email: string, address: string): [LimitCheck, LimitCheck] {
  return [
    { bucket: "sign-in-account", subject: email, ...signInLimits.perAccount },
    { bucket: "sign-in-ip", subject: address, ...signInLimits.perAddress },
  ];
}

/** The staff member these credentials belong to, null when they are wrong; throws 429 `rate_limited` past a limit. */
export async function signInWithLimits(email: string, password: string, address: string): Promise<StaffUser | null> {
  const checks = checksFor(email, address);
  const wait = await secondsUntilAllowed(checks);
  if (wait > 0) throw new AppError("rate_limited", signInLimitedMessage, undefined, wait);

  const user = await verifyStaffCredentials(email, password);
  if (!user) {
    await countFailure(checks);
    return null;
  }
  await forgetFailures(checks[0]);
  return user;
}
