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
