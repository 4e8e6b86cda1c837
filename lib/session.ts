import "server-only";
import { auth } from "@/lib/next-auth";

export interface SessionClaims {
  userId: string;
  sessionVersion: number;
}

/**
 * What the session cookie says, nothing more: verified, not yet trusted.
 * lib/auth.ts turns it into a user by asking the database. (Integration tests
 * replace this one function to act as a given staff member.)
 */
export async function readSession(): Promise<SessionClaims | null> {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId || session.sessionVersion === undefined) return null;
  return { userId, sessionVersion: session.sessionVersion };
}
