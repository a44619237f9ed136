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
