/** What a call threw (a loader's Response, say), failing the test if it did not throw. */
export async function caught(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (thrown) {
    return thrown;
  }
  throw new Error("expected the call to throw");
}
