/** Checksums that tell real identifiers from look-alike numbers. Inputs are digit/letter strings. */

function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

function prefixIn(digits: string, length: number, low: number, high: number): boolean {
  const prefix = Number(digits.slice(0, length));
  return prefix >= low && prefix <= high;
}

/** Issuer ranges (IIN) with the lengths each network issues; keeps epoch millis and order ids out. */
function cardNetworkMatches(digits: string): boolean {
  const n = digits.length;
  const first = digits.charCodeAt(0) - 48;
  switch (first) {
    case 4:
      return n === 13 || n === 16 || n === 19;
    case 5:
      return (prefixIn(digits, 2, 51, 55) && n === 16) || (['5018', '5020', '5038', '5893'].includes(digits.slice(0, 4)) && n >= 12);
    case 2:
      return (prefixIn(digits, 4, 2221, 2720) && n === 16) || (prefixIn(digits, 4, 2200, 2204) && n >= 16);
    case 3:
      if (prefixIn(digits, 2, 34, 34) || prefixIn(digits, 2, 37, 37)) return n === 15;
      if (prefixIn(digits, 4, 3528, 3589)) return n >= 16;
      return (prefixIn(digits, 3, 300, 305) || prefixIn(digits, 2, 36, 36) || prefixIn(digits, 2, 38, 39)) && n >= 14;
    case 6:
      return (
        ((digits.startsWith('6011') || prefixIn(digits, 3, 644, 649) || digits.startsWith('65') || digits.startsWith('62')) && n >= 16) ||
        (['6304', '6759', '6761', '6762', '6763'].includes(digits.slice(0, 4)) && n >= 12)
      );
    default:
      return false;
  }
}

export function isPaymentCard(digits: string): boolean {
  return digits.length >= 13 && digits.length <= 19 && cardNetworkMatches(digits) && luhnValid(digits);
}

/** Lengths by country (ISO 13616 registry); an unknown country code is not an IBAN. */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22,
  CY: 28, CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22,
  GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30,
  KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31,
  MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SC: 31, SE: 24,
  SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

/** `compact` is the IBAN without spaces, upper case. */
export function ibanValid(compact: string): boolean {
  if (IBAN_LENGTHS[compact.slice(0, 2)] !== compact.length) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const code = rearranged.charCodeAt(i);
    const value = code >= 65 ? code - 55 : code - 48;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

/**
 * SSA rules: no area 000, 666 or 900-999, no group 00, no serial 0000, and not the numbers
 * the SSA voided after they were printed on sample cards.
 */
export function ssnValid(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  if (a === 0 || a === 666 || a >= 900) return false;
  if (group === '00' || serial === '0000') return false;
  const whole = area + group + serial;
  return whole !== '078051120' && whole !== '219099999';
}
