/**
 * The benchmark corpus's photos (issue 14): deterministic stand-ins for news photos, made with
 * sharp. A photo is a sky-to-ground gradient with a few dozen overlapping shapes, softened, with
 * a camera's grain on top, saved as a JPEG at quality 85: about as costly to decode and encode
 * as a real photo of its size (flat synthetic images would compress and encode far faster than
 * a newsroom's photos do, and pure noise far slower).
 *
 * Their sizes follow the archive's years, as a real news archive's do: small photos in its
 * oldest articles, full-width ones in its newest.
 */
import sharp from 'sharp';

/** A photo's size by the year of its article. */
export function photoSize(year: number): { width: number; height: number } {
  if (year <= 2010) return { width: 640, height: 427 };
  if (year <= 2016) return { width: 1024, height: 683 };
  return { width: 1920, height: 1080 };
}

const GRAIN_SIZE = 256;
let grain: Promise<Buffer> | undefined;

/** A tile of sensor grain around mid-grey (neutral under the `overlay` blend), the same in every run. */
function grainTile(): Promise<Buffer> {
  grain ??= (() => {
    // xorshift32: the grain needs no better randomness than this, and no seed from the corpus.
    let x = 0x5eed;
    const pixels = Buffer.alloc(GRAIN_SIZE * GRAIN_SIZE * 3);
    for (let i = 0; i < pixels.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      pixels[i] = 108 + ((x >>> 0) % 41);
    }
    return sharp(pixels, { raw: { width: GRAIN_SIZE, height: GRAIN_SIZE, channels: 3 } }).png().toBuffer();
  })();
  return grain;
}

/** The JPEG bytes of a photo at this size, drawn from the random stream `r`: the same stream gives the same bytes. */
export async function photoBytes(r: () => number, width: number, height: number): Promise<Buffer> {
  const hue = Math.floor(r() * 360);
  let shapes = '';
  for (let i = 0; i < 40; i++) {
    const colour = `hsl(${((hue + r() * 120) % 360).toFixed(0)},${(30 + r() * 50).toFixed(0)}%,${(20 + r() * 60).toFixed(0)}%)`;
    const opacity = (0.4 + r() * 0.6).toFixed(2);
    if (r() < 0.5) {
      shapes += `<circle cx="${(r() * width).toFixed(0)}" cy="${(r() * height).toFixed(0)}" r="${((0.01 + r() * 0.15) * width).toFixed(0)}" fill="${colour}" opacity="${opacity}"/>`;
    } else {
      const angle = (r() * 40 - 20).toFixed(1);
      shapes += `<rect x="${(r() * width).toFixed(0)}" y="${(r() * height).toFixed(0)}" width="${((0.03 + r() * 0.3) * width).toFixed(0)}" height="${((0.05 + r() * 0.4) * height).toFixed(0)}" fill="${colour}" opacity="${opacity}" transform="rotate(${angle})"/>`;
    }
  }
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue},40%,70%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},30%,30%)"/></linearGradient></defs>` +
    `<rect width="100%" height="100%" fill="url(#g)"/>${shapes}</svg>`;
  return sharp(Buffer.from(svg))
    .blur(Math.max(1, width / 600))
    .composite([{ input: await grainTile(), tile: true, blend: 'overlay' }])
    .removeAlpha()
    .jpeg({ quality: 85 })
    .toBuffer();
}
