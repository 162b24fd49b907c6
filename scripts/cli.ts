/** Shared ending of the command-line scripts, so they report failures the same way. */

/** Runs `main`: what it returns is the exit code; what it throws is one `error:` line on stderr and exit code 1. */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`error: ${(error as Error)?.message ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
