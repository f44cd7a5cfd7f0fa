/**
 * ISO 4217 list one: the active currency codes, by minor-unit exponent (JPY 0, EUR 2, KWD 3).
 * Precious metals, test and special-drawing codes (XAU, XTS, XDR, …) are not money an order can
 * be priced in, so they are left out. Kept as data rather than read from Intl so the answer does
 * not change with the ICU build of the runtime.
 */
const CODES_BY_MINOR_UNITS: Readonly<Record<number, string>> = {
  0: 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF',
  2: `AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP
      BYN BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD
      FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD
      KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD
      NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP
      SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED
      VES WST XCD XCG YER ZAR ZMW ZWG`,
  3: 'BHD IQD JOD KWD LYD OMR TND',
  4: 'CLF UYW',
};

export const ISO_4217_MINOR_UNITS: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(CODES_BY_MINOR_UNITS).flatMap(([units, codes]) =>
    codes.split(/\s+/).map((code) => [code, Number(units)]),
  ),
);

export const CURRENCY_CODES: readonly string[] = Object.keys(ISO_4217_MINOR_UNITS).sort();

export const isCurrencyCode = (code: unknown): boolean =>
  typeof code === 'string' && Object.hasOwn(ISO_4217_MINOR_UNITS, code);
