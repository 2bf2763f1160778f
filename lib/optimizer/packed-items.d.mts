/** Types of packed-items.mjs (plain JavaScript for the worker thread). */
export interface PackedItems {
  ratings: Uint8Array<ArrayBuffer>;
  deltas: Uint32Array<ArrayBuffer>;
  historyEnds: Uint32Array<ArrayBuffer>;
  itemHistory: Uint32Array<ArrayBuffer>;
  itemLength: Uint32Array<ArrayBuffer>;
}

export function unpackItems<Review, Item>(
  packed: PackedItems,
  makeReview: (rating: number, deltaT: number) => Review,
  makeItem: (reviews: Review[]) => Item,
): Item[];
