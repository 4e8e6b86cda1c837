import sharp from "sharp";

/**
 * The fixture story's photo is not ours to ship, so the demo draws its own:
 * dusk over a desert plain, rendered from SVG to JPEG.
 */
export function demoImage(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 1600 900">
    <defs>
      <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
        <stop offset="0" stop-color="#1d2b4a"/><stop offset="0.55" stop-color="#c9774a"/><stop offset="1" stop-color="#f0c27b"/>
      </linearGradient>
      <linearGradient id="land" x1="0" y1="0" x2="0" y2="1">
        <stop offset="0" stop-color="#8a5a3c"/><stop offset="1" stop-color="#3b2618"/>
      </linearGradient>
    </defs>
    <rect width="1600" height="900" fill="url(#sky)"/>
    <circle cx="1180" cy="560" r="70" fill="#f7d9a0" opacity="0.9"/>
    <path d="M0 600 C 300 560 520 640 820 590 C 1100 545 1340 620 1600 580 L1600 900 L0 900 Z" fill="url(#land)"/>
    <path d="M0 700 C 400 660 800 740 1600 690 L1600 900 L0 900 Z" fill="#2a1a10" opacity="0.7"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}
