// The QR code of a decision record's digest on the printed summary: scanning it gives the `sha256:…` string to
// look the filed record up by. The modules come from `uqr` (unjs, MIT); they are drawn as one SVG path (one
// rectangle per run of dark modules in a row), bound as an attribute, never as markup.
import { encode } from 'uqr';

export interface QrPath {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** The dark modules, in module units from the top-left corner. */
  d: string;
}

export function qrPath(text: string): QrPath {
  const { data, size } = encode(text, { ecc: 'M', border: 0 });
  let d = '';
  for (let y = 0; y < size; y++) {
    const row = data[y]!;
    for (let x = 0; x < size; x++) {
      if (!row[x]) continue;
      let run = 1;
      while (x + run < size && row[x + run]) run++;
      d += `M${x} ${y}h${run}v1h-${run}z`;
      x += run - 1;
    }
  }
  return { size, d };
}
