/**
 * Runs a script's main function and turns a failure into one readable line and exit code 1.
 * (package.json has no "type", so tsx compiles scripts as CommonJS: no top-level await.)
 */
export function runScript(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (process.env.DEBUG ? error.stack : error.message) : error);
    process.exit(1);
  });
}
