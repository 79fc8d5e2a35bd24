/**
 * A chart's SVG rasterised to PNG with resvg (@resvg/resvg-js, its binary shipped in the npm package), for the Word
 * report's fallback image: Word 2016 and later draw the SVG, other programs (LibreOffice among them) the PNG.
 * Fonts are the system's; the SVG names a list ending in a generic family, so some font always draws the text.
 */
import { Resvg } from "@resvg/resvg-js";

/** The PNG of `svg` at `scale` times its size (2: sharp when printed). */
export function svgToPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
    background: "#ffffff",
  });
  return Buffer.from(resvg.render().asPng());
}
