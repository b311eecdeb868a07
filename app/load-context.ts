export type LoadContext = { cspNonce?: string; clientIp?: string };

declare module "@remix-run/node" {
  interface AppLoadContext extends LoadContext {}
}
