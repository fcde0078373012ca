// The choropleth's classes: zero on its own, then up to four ranges of whole numbers of equal width, each with
// a colour of a sequential blue scale (ColorBrewer Blues); the legend shows every range with its bounds.
export interface ColorClass {
  from: number;
  to: number;
  color: string;
}

const BLUES = ['#eef3f9', '#c6dbef', '#6baed6', '#3182bd', '#08519c'];

export function classify(max: number): ColorClass[] {
  const classes: ColorClass[] = [{ from: 0, to: 0, color: BLUES[0]! }];
  if (max < 1) return classes;
  const n = Math.min(4, max);
  let from = 1;
  for (let k = 1; k <= n; k++) {
    const to = k === n ? max : Math.max(from, Math.round((max * k) / n));
    classes.push({ from, to, color: BLUES[Math.round((k * 4) / n)]! });
    from = to + 1;
    if (from > max) break;
  }
  return classes;
}

export function colorOf(classes: ColorClass[], count: number): string {
  return (classes.find((c) => count >= c.from && count <= c.to) ?? classes.at(-1)!).color;
}
