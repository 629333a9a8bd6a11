/** Runs a CLI action: a failure prints one clear line on stderr and exits non-zero. */
export function runCli(action: () => Promise<void>): Promise<void> {
  return action().catch((e: unknown) => {
    const err = e as Error & { code?: string };
    process.stderr.write(`error: ${err.message ?? String(e)}\n`);
    if (process.env.DG_DEBUG) process.stderr.write(`${err.stack}\n`);
    process.exitCode = typeof err.code === 'number' ? err.code : 1;
  });
}
