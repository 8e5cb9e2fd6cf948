/** Money amounts are decimal strings on the wire; compared as scaled integers so no float rounding decides a rule. */
const DECIMAL = /^(-?)(\d{1,15})(?:\.(\d{1,4}))?$/;
const SCALE_DIGITS = 4;

/** The value times 10^4 as a bigint, or null when it is not a decimal with at most 15 + 4 digits. */
export function parseDecimal(value: string): bigint | null {
  const match = DECIMAL.exec(value);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const scaled = BigInt(whole + fraction.padEnd(SCALE_DIGITS, '0'));
  return sign === '-' ? -scaled : scaled;
}
