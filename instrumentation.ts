/**
 * Runs once when a server starts. Checks the environment and the database so a
 * misconfigured deployment stops at once with one line naming the problem,
 * instead of failing on its first visitor.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkStartup } = await import("@/lib/startup");
  await checkStartup();
}
