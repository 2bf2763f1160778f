// Unpacking the training items run-optimizer.ts `pack` sends to the worker. Plain JavaScript, like
// the worker that imports it; the unit test imports it too.

/**
 * Review histories lie end to end (history h is [historyEnds[h-1], historyEnds[h]) of `ratings`
 * and `deltas`); item i is the first itemLength[i] reviews of history itemHistory[i]. One review
 * object per review, shared by the items of its history.
 * @template Review, Item
 * @param {{ ratings: Uint8Array, deltas: Uint32Array, historyEnds: Uint32Array, itemHistory: Uint32Array, itemLength: Uint32Array }} packed
 * @param {(rating: number, deltaT: number) => Review} makeReview
 * @param {(reviews: Review[]) => Item} makeItem
 * @returns {Item[]}
 */
export function unpackItems(packed, makeReview, makeItem) {
  const histories = [];
  let start = 0;
  for (const end of packed.historyEnds) {
    const reviews = [];
    for (let r = start; r < end; r++) reviews.push(makeReview(packed.ratings[r], packed.deltas[r]));
    histories.push(reviews);
    start = end;
  }
  return Array.from(packed.itemHistory, (h, i) => makeItem(histories[h].slice(0, packed.itemLength[i])));
}
