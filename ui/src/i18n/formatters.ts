// Intl formatters are costly to build (tens of microseconds each, more for dates) and a list
// formats every cell of every row on each render; one formatter per language and option set is
// kept and reused.

const numbers = new Map<string, Intl.NumberFormat>();
const dates = new Map<string, Intl.DateTimeFormat>();

function cached<F>(cache: Map<string, F>, language: string, options: object, make: () => F): F {
  const key = `${language}\u0000${JSON.stringify(options)}`;
  let formatter = cache.get(key);
  if (formatter === undefined) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

/** The number formatter of `language` with `options`, built once. */
export function numberFormat(language: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached(numbers, language, options, () => new Intl.NumberFormat(language, options));
}

/** The date formatter of `language` with `options`, built once. */
export function dateFormat(language: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return cached(dates, language, options, () => new Intl.DateTimeFormat(language, options));
}

/** Stands for the value in a translation made once for many values (see `fillIn`). */
export const HOLE = "\u0000";

/**
 * A translation with one value in it, made once and filled in per row. A long list labels each
 * row it draws (a box's or a button's accessible name), and a fast scroll draws a few dozen rows
 * a frame; `t(key, { tag })` for each of them costs a lookup and an interpolation every time,
 * 15–25 µs under WebKit's JIT, where joining the row's value into the parts of
 * `t(key, { tag: HOLE })` costs under one.
 */
export function fillIn(translated: string): (value: string) => string {
  const parts = translated.split(HOLE);
  return (value) => parts.join(value);
}
