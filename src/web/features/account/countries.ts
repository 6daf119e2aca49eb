/** Countries the house delivers to most, by ISO 3166-1 alpha-2 code (what the API stores). */
export const COUNTRY_CODES = [
  'AE', 'AR', 'AT', 'AU', 'BE', 'BR', 'CA', 'CH', 'CN', 'CZ', 'DE', 'DK', 'EG', 'ES', 'FI', 'FR', 'GB', 'GR', 'HK', 'IE', 'IL', 'IN', 'IT',
  'JP', 'KR', 'KW', 'LB', 'LU', 'MA', 'MC', 'MX', 'MY', 'NG', 'NL', 'NO', 'NZ', 'PL', 'PT', 'QA', 'RO', 'SA', 'SE', 'SG', 'TH', 'TR',
  'TW', 'US', 'ZA',
].sort((a, b) => countryName(a).localeCompare(countryName(b), 'en'));

let names: Intl.DisplayNames | undefined;

export function countryName(code: string): string {
  names ??= new Intl.DisplayNames(['en'], { type: 'region' });
  return names.of(code) ?? code;
}
