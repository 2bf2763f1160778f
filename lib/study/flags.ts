/**
 * Flag colours, as numbers in CardState.flag (0 is no flag). Kept apart from lib/validations
 * (zod) so the study page shows them without zod in its first-load JavaScript.
 */
export const FLAGS = [
  { value: 1, name: "Red" },
  { value: 2, name: "Orange" },
  { value: 3, name: "Green" },
  { value: 4, name: "Blue" },
] as const;

export const flagName = (flag: number) => FLAGS.find((f) => f.value === flag)?.name ?? "None";
