/** Polls `check` every 100 ms until it gives something truthy (which it returns), or fails naming `what`. */
export async function waitFor<T>(check: () => Promise<T | undefined | null | false>, what: string, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
