import { describe, expect, it } from "vitest";
import { mediaNotices, packagePictures } from "./package-media";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]);
const media = { pictures: [], missing: [], tooLarge: [], unshown: 0, sounds: 0 };

describe("package pictures", () => {
  it("keeps pictures by their first bytes, never their names", () => {
    const { byName, unsupported } = packagePictures({
      ...media,
      pictures: [
        { name: "photo.svg", bytes: PNG },
        { name: "photo.png", bytes: new TextEncoder().encode("<svg></svg>") },
        { name: "empty.png", bytes: new Uint8Array() },
      ],
    });
    expect([...byName.keys()]).toEqual(["photo.svg"]);
    expect(byName.get("photo.svg")?.mediaType).toBe("image/png");
    expect(byName.get("photo.svg")?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(unsupported).toEqual(["photo.png", "empty.png"]);
  });

  it("lists what it left out: a few names each, cut short", () => {
    const names = Array.from({ length: 7 }, (_, i) => `${"x".repeat(i === 0 ? 70 : 1)}${i}.tif`);
    const notices = mediaNotices({ ...media, missing: ["a.png"], sounds: 2 }, names, 2);
    expect(notices[0]).toBe(
      `7 pictures were left out because they are not PNG, JPEG, WebP or GIF: “${"x".repeat(59)}…”, “x1.tif”, “x2.tif”, “x3.tif”, “x4.tif” and 2 more.`,
    );
    expect(notices.slice(1)).toEqual([
      "1 pictures the cards show are not in the package and were left out: “a.png”.",
      "2 sounds were left out: Retain cards have no audio.",
    ]);
    expect(mediaNotices(media, [], 2)).toEqual([]);
  });
});
