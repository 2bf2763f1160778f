// Loaded by @open-spaced-repetition/binding on a platform whose native build the registry lacks
// (package.json "overrides" map those packages here; see docs/dependencies.md).
throw new Error(
  `The FSRS optimizer has no native build for ${process.platform}-${process.arch} in this install; ` +
    "optimizing parameters is unavailable here (reviews and scheduling are unaffected).",
);
