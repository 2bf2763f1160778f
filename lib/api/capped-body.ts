/**
 * A web request's body, never more than `limit` bytes of it: a declared Content-Length past the
 * limit is refused before a byte is read, and a body without (or lying about) its length is cut
 * off as it passes the limit. `tooLarge` makes the caller's own 413 error.
 */
export async function readCappedBody(
  request: Request,
  limit: number,
  tooLarge: () => Error,
): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (declared > limit) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks, total);
}
