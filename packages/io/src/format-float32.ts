/**
 * The shortest decimal text that reads back (through `Math.fround`) as the same float32, e.g.
 * `0.1` rather than `0.10000000149011612`; for CSV output. 9 significant digits always
 * round-trip a float32, and if p digits do then p + 1 do, so the search starts at 8 (enough for
 * most values) and steps down only while fewer digits still round-trip: 2–3 `toPrecision` calls
 * for typical coordinates.
 */
export function formatFloat32(value: number): string {
  const f = Math.fround(value);
  if (!Number.isFinite(f) || f === 0) return String(f);
  let best = f.toPrecision(8);
  if (Math.fround(Number(best)) !== f) return String(Number(f.toPrecision(9)));
  for (let digits = 7; digits >= 1; digits--) {
    const text = f.toPrecision(digits);
    if (Math.fround(Number(text)) !== f) break;
    best = text;
  }
  return String(Number(best));
}
