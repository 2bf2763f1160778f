/** The value after `name` on the command line (`--seconds 30`), or undefined. */
export function optionValue(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}
