export const formatCount = (n: number): string =>
  new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }).format(n);

/** Satisfaction averages: two decimals on the 1–5 scale. */
export const formatScore = (score: number | null): string =>
  score === null
    ? '–'
    : new Intl.NumberFormat(undefined, {
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      }).format(score);

export const formatPercent = (percent: number | null, digits = 1): string =>
  percent === null
    ? '–'
    : `${new Intl.NumberFormat(undefined, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(percent)} %`;

/** Digits after the decimal point of a currency's minor unit (2 for EUR, 0 for JPY). */
export const minorDigits = (currency: string): number => {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
};

/** Money arrives as integer minor units and an ISO 4217 code. */
export const formatMoney = (amount: number, currency: string): string => {
  const major = amount / 10 ** minorDigits(currency);
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(major);
  } catch {
    return `${major.toFixed(2)} ${currency}`;
  }
};

/** A sum as the API answers it: `amountExact` is exact, `amount` is null past 2^53 − 1. */
export type ExactMoney = { amount: number | null; amountExact: string; currency: string };

/** Minor units as an exact decimal string of major units: "-12345", 2 → "-123.45". */
const majorDecimal = (minor: string, digits: number): `${number}` => {
  const negative = minor.startsWith('-');
  const units = (negative ? minor.slice(1) : minor).padStart(digits + 1, '0');
  const whole = units.slice(0, units.length - digits);
  const fraction = digits > 0 ? `.${units.slice(units.length - digits)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}` as `${number}`;
};

/**
 * A sum over many orders, formatted from its exact decimal string (Intl formats a numeric
 * string without going through a float), so a total past 2^53 shows every digit.
 */
export const formatExactMoney = ({ amountExact, currency }: ExactMoney): string => {
  const major = majorDecimal(amountExact, minorDigits(currency));
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(major);
  } catch {
    return `${major} ${currency}`;
  }
};

/** A number for charts and bars only (a float is fine for a pixel), from the exact string. */
export const approximateAmount = (money: ExactMoney): number =>
  money.amount ?? Number(money.amountExact);

/** Axis labels: `€1.2K`. */
export const formatMoneyCompact = (amount: number, currency: string): string => {
  const major = amount / 10 ** minorDigits(currency);
  try {
    return new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      notation: 'compact',
      maximumFractionDigits: 1,
    }).format(major);
  } catch {
    return `${major} ${currency}`;
  }
};

export const formatRatio = (ratio: number | null): string =>
  ratio === null || !Number.isFinite(ratio) ? '–' : formatPercent(ratio * 100, 0);

export const formatDateTime = (iso: string | null | undefined): string => {
  if (!iso) return '–';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
    time,
  );
};

/** `2025-03` becomes `Mar 2025` (the month is a UTC calendar month). */
export const formatMonth = (key: string | null): string => {
  const match = key ? /^(\d{4})-(\d{2})$/.exec(key) : null;
  if (!match) return key ?? '–';
  const date = Date.UTC(Number(match[1]), Number(match[2]) - 1, 1);
  return new Intl.DateTimeFormat(undefined, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
};

export const shortId = (id: string): string => (id.length > 8 ? `${id.slice(0, 8)}…` : id);

/** `openTickets` and `cant_lose` become `Open tickets` and `Cant lose`. */
export const humanize = (name: string): string => {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A fixed number of decimals: `-123.46`, `0.71`. */
export const formatDecimal = (n: number, digits: number): string =>
  new Intl.NumberFormat(undefined, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(n);

/** Model parameters: four significant digits, `0.2426`, `4.414`, `12,345`. */
export const formatSignificant = (n: number, digits = 4): string =>
  new Intl.NumberFormat(undefined, { maximumSignificantDigits: digits }).format(n);

/** A decimal string of minor units (`"1099.89"`, `"-5"`) as hundredths of a minor unit. */
const hundredthsOf = (minor: string): bigint => {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(minor);
  // A figure the page cannot read must not show as 0.00: the panel's error state says so.
  if (!match) throw new Error(`not a decimal amount of minor units: ${JSON.stringify(minor)}`);
  const value = BigInt(match[2]!) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -value : value;
};

/** Hundredths of a minor unit back to a decimal string of minor units (`109989n` → `1099.89`). */
const minorOfHundredths = (hundredths: bigint): string => {
  const negative = hundredths < 0n;
  const digits = (negative ? -hundredths : hundredths).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
};

/** Exact sum of integer minor-unit strings (`amountExact` of sums): `"12"`, `"-3"` → `"9"`. */
export const sumExact = (...amounts: string[]): string =>
  amounts.reduce((sum, amount) => sum + BigInt(amount), 0n).toString();

/** Exact sum of decimal minor-unit strings (a weighted amount has hundredths of a minor unit). */
export const addMinor = (...amounts: string[]): string =>
  minorOfHundredths(amounts.reduce((sum, amount) => sum + hundredthsOf(amount), 0n));

/**
 * A weighted sum (`amountExact` in minor units with up to two decimals, exact), shown in the
 * currency's usual precision; Intl rounds the decimal string itself, never a float.
 */
export const formatWeightedMoney = ({
  amountExact,
  currency,
}: {
  amountExact: string;
  currency: string;
}): string => {
  const hundredths = hundredthsOf(amountExact);
  const major = majorDecimal(hundredths.toString(), minorDigits(currency) + 2);
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(major);
  } catch {
    return `${major} ${currency}`;
  }
};

/** The UTC calendar quarter of an instant: its first and last days and a name (`Q4 2026`). */
export const quarterOf = (time: number): { from: string; to: string; name: string } => {
  const date = new Date(time);
  const year = date.getUTCFullYear();
  const quarter = Math.floor(date.getUTCMonth() / 3);
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  return {
    from: day(Date.UTC(year, 3 * quarter, 1)),
    to: day(Date.UTC(year, 3 * quarter + 3, 0)),
    name: `Q${quarter + 1} ${year}`,
  };
};
