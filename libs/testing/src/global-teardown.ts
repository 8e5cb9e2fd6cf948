/** Stops whatever the global setup started (containers or the local broker); environment-provided infra stays. */
export default async function globalTeardown(): Promise<void> {
  const started =
    (globalThis as { __complaintsTestInfra?: { stop(): Promise<void> }[] }).__complaintsTestInfra ?? [];
  for (const item of started.reverse()) {
    await item.stop();
  }
}
