/**
 * One instance per process, even though the Remix server bundle and server.ts each load
 * their own copy of this module (and across dev rebuilds).
 */
export function singleton<T>(name: string, create: () => T): T {
  const store = globalThis as unknown as { __circleSingletons?: Map<string, unknown> };
  store.__circleSingletons ??= new Map();
  if (!store.__circleSingletons.has(name)) store.__circleSingletons.set(name, create());
  return store.__circleSingletons.get(name) as T;
}

/** Closes a singleton and forgets it, so the next call creates a fresh one. */
export async function disposeSingleton<T>(name: string, close: (instance: T) => Promise<unknown>) {
  const store = globalThis as unknown as { __circleSingletons?: Map<string, unknown> };
  const instance = store.__circleSingletons?.get(name) as T | undefined;
  store.__circleSingletons?.delete(name);
  if (instance !== undefined) await close(instance);
}
