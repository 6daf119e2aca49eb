/**
 * Places, not zone ids. A time zone is the rule a clock follows; people name a city. Copy never prints an IANA id
 * ("Asia/Kolkata", "Europe/Rome"): a stylist's own city names their clock, and where no city is known the zone's
 * principal city does (the first entry of the zone below, chosen as the city a reader would recognise). The stylist's
 * zone picker offers these cities by region. Pure data and functions, for the server's mails and the web app alike.
 */

export const ZONE_REGIONS = ['Europe', 'The Americas', 'Middle East & Africa', 'Asia', 'Oceania'] as const;
export type ZoneRegion = (typeof ZONE_REGIONS)[number];

export interface ZoneCity {
  city: string;
  /** ISO 3166 alpha-2. */
  country: string;
  zone: string;
  region: ZoneRegion;
}

const europe: [string, string, string][] = [
  ['London', 'GB', 'Europe/London'],
  ['Edinburgh', 'GB', 'Europe/London'],
  ['Dublin', 'IE', 'Europe/Dublin'],
  ['Lisbon', 'PT', 'Europe/Lisbon'],
  ['Paris', 'FR', 'Europe/Paris'],
  ['Cannes', 'FR', 'Europe/Paris'],
  ['Nice', 'FR', 'Europe/Paris'],
  ['Saint-Tropez', 'FR', 'Europe/Paris'],
  ['Courchevel', 'FR', 'Europe/Paris'],
  ['Monaco', 'MC', 'Europe/Monaco'],
  ['Madrid', 'ES', 'Europe/Madrid'],
  ['Barcelona', 'ES', 'Europe/Madrid'],
  ['Marbella', 'ES', 'Europe/Madrid'],
  ['Ibiza', 'ES', 'Europe/Madrid'],
  ['Milan', 'IT', 'Europe/Rome'],
  ['Rome', 'IT', 'Europe/Rome'],
  ['Florence', 'IT', 'Europe/Rome'],
  ['Venice', 'IT', 'Europe/Rome'],
  ['Capri', 'IT', 'Europe/Rome'],
  ['Brussels', 'BE', 'Europe/Brussels'],
  ['Antwerp', 'BE', 'Europe/Brussels'],
  ['Amsterdam', 'NL', 'Europe/Amsterdam'],
  ['Luxembourg', 'LU', 'Europe/Luxembourg'],
  ['Geneva', 'CH', 'Europe/Zurich'],
  ['Zurich', 'CH', 'Europe/Zurich'],
  ['Gstaad', 'CH', 'Europe/Zurich'],
  ['St. Moritz', 'CH', 'Europe/Zurich'],
  ['Berlin', 'DE', 'Europe/Berlin'],
  ['Munich', 'DE', 'Europe/Berlin'],
  ['Düsseldorf', 'DE', 'Europe/Berlin'],
  ['Hamburg', 'DE', 'Europe/Berlin'],
  ['Vienna', 'AT', 'Europe/Vienna'],
  ['Copenhagen', 'DK', 'Europe/Copenhagen'],
  ['Stockholm', 'SE', 'Europe/Stockholm'],
  ['Oslo', 'NO', 'Europe/Oslo'],
  ['Helsinki', 'FI', 'Europe/Helsinki'],
  ['Prague', 'CZ', 'Europe/Prague'],
  ['Warsaw', 'PL', 'Europe/Warsaw'],
  ['Budapest', 'HU', 'Europe/Budapest'],
  ['Athens', 'GR', 'Europe/Athens'],
  ['Mykonos', 'GR', 'Europe/Athens'],
  ['Istanbul', 'TR', 'Europe/Istanbul'],
  ['Bodrum', 'TR', 'Europe/Istanbul'],
];

const americas: [string, string, string][] = [
  ['New York', 'US', 'America/New_York'],
  ['Miami', 'US', 'America/New_York'],
  ['Palm Beach', 'US', 'America/New_York'],
  ['Boston', 'US', 'America/New_York'],
  ['Washington', 'US', 'America/New_York'],
  ['Atlanta', 'US', 'America/New_York'],
  ['Toronto', 'CA', 'America/Toronto'],
  ['Montreal', 'CA', 'America/Toronto'],
  ['Chicago', 'US', 'America/Chicago'],
  ['Dallas', 'US', 'America/Chicago'],
  ['Houston', 'US', 'America/Chicago'],
  ['Denver', 'US', 'America/Denver'],
  ['Aspen', 'US', 'America/Denver'],
  ['Phoenix', 'US', 'America/Phoenix'],
  ['Los Angeles', 'US', 'America/Los_Angeles'],
  ['San Francisco', 'US', 'America/Los_Angeles'],
  ['Las Vegas', 'US', 'America/Los_Angeles'],
  ['Seattle', 'US', 'America/Los_Angeles'],
  ['Vancouver', 'CA', 'America/Vancouver'],
  ['Honolulu', 'US', 'Pacific/Honolulu'],
  ['Mexico City', 'MX', 'America/Mexico_City'],
  ['Cancún', 'MX', 'America/Cancun'],
  ['Nassau', 'BS', 'America/Nassau'],
  ['St. Barths', 'BL', 'America/St_Barthelemy'],
  ['Bogotá', 'CO', 'America/Bogota'],
  ['Lima', 'PE', 'America/Lima'],
  ['Santiago', 'CL', 'America/Santiago'],
  ['Buenos Aires', 'AR', 'America/Argentina/Buenos_Aires'],
  ['São Paulo', 'BR', 'America/Sao_Paulo'],
  ['Rio de Janeiro', 'BR', 'America/Sao_Paulo'],
];

const middleEastAfrica: [string, string, string][] = [
  ['Dubai', 'AE', 'Asia/Dubai'],
  ['Abu Dhabi', 'AE', 'Asia/Dubai'],
  ['Doha', 'QA', 'Asia/Qatar'],
  ['Riyadh', 'SA', 'Asia/Riyadh'],
  ['Jeddah', 'SA', 'Asia/Riyadh'],
  ['Kuwait City', 'KW', 'Asia/Kuwait'],
  ['Manama', 'BH', 'Asia/Bahrain'],
  ['Muscat', 'OM', 'Asia/Muscat'],
  ['Tel Aviv', 'IL', 'Asia/Jerusalem'],
  ['Beirut', 'LB', 'Asia/Beirut'],
  ['Cairo', 'EG', 'Africa/Cairo'],
  ['Marrakech', 'MA', 'Africa/Casablanca'],
  ['Casablanca', 'MA', 'Africa/Casablanca'],
  ['Lagos', 'NG', 'Africa/Lagos'],
  ['Nairobi', 'KE', 'Africa/Nairobi'],
  ['Johannesburg', 'ZA', 'Africa/Johannesburg'],
  ['Cape Town', 'ZA', 'Africa/Johannesburg'],
  ['Mauritius', 'MU', 'Indian/Mauritius'],
  ['Seychelles', 'SC', 'Indian/Mahe'],
];

const asia: [string, string, string][] = [
  ['Mumbai', 'IN', 'Asia/Kolkata'],
  ['New Delhi', 'IN', 'Asia/Kolkata'],
  ['Bengaluru', 'IN', 'Asia/Kolkata'],
  ['Kolkata', 'IN', 'Asia/Kolkata'],
  ['Maldives', 'MV', 'Indian/Maldives'],
  ['Colombo', 'LK', 'Asia/Colombo'],
  ['Almaty', 'KZ', 'Asia/Almaty'],
  ['Bangkok', 'TH', 'Asia/Bangkok'],
  ['Phuket', 'TH', 'Asia/Bangkok'],
  ['Jakarta', 'ID', 'Asia/Jakarta'],
  ['Bali', 'ID', 'Asia/Makassar'],
  ['Ho Chi Minh City', 'VN', 'Asia/Ho_Chi_Minh'],
  ['Singapore', 'SG', 'Asia/Singapore'],
  ['Kuala Lumpur', 'MY', 'Asia/Kuala_Lumpur'],
  ['Hong Kong', 'HK', 'Asia/Hong_Kong'],
  ['Macau', 'MO', 'Asia/Macau'],
  ['Shanghai', 'CN', 'Asia/Shanghai'],
  ['Beijing', 'CN', 'Asia/Shanghai'],
  ['Taipei', 'TW', 'Asia/Taipei'],
  ['Manila', 'PH', 'Asia/Manila'],
  ['Seoul', 'KR', 'Asia/Seoul'],
  ['Tokyo', 'JP', 'Asia/Tokyo'],
  ['Osaka', 'JP', 'Asia/Tokyo'],
  ['Kyoto', 'JP', 'Asia/Tokyo'],
];

const oceania: [string, string, string][] = [
  ['Perth', 'AU', 'Australia/Perth'],
  ['Brisbane', 'AU', 'Australia/Brisbane'],
  ['Sydney', 'AU', 'Australia/Sydney'],
  ['Melbourne', 'AU', 'Australia/Melbourne'],
  ['Auckland', 'NZ', 'Pacific/Auckland'],
  ['Queenstown', 'NZ', 'Pacific/Auckland'],
  ['Fiji', 'FJ', 'Pacific/Fiji'],
  ['Bora Bora', 'PF', 'Pacific/Tahiti'],
];

const entries = (region: ZoneRegion, rows: [string, string, string][]): ZoneCity[] =>
  rows.map(([city, country, zone]) => ({ city, country, zone, region }));

/** Every city the picker offers, by region, each region in the order people look for it. */
export const ZONE_CITIES: readonly ZoneCity[] = [
  ...entries('Europe', europe),
  ...entries('The Americas', americas),
  ...entries('Middle East & Africa', middleEastAfrica),
  ...entries('Asia', asia),
  ...entries('Oceania', oceania),
];

const principal = new Map<string, string>();
for (const c of ZONE_CITIES) if (!principal.has(c.zone)) principal.set(c.zone, c.city);
// Zones that are other names of a listed zone.
const ALIASES: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'Europe/Kiev': 'Europe/Kyiv',
  'US/Eastern': 'America/New_York',
  'US/Central': 'America/Chicago',
  'US/Mountain': 'America/Denver',
  'US/Pacific': 'America/Los_Angeles',
  GB: 'Europe/London',
};

const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Etc/Zulu']);

/**
 * The city a zone is known by: "Asia/Kolkata" → "Mumbai", "Europe/Rome" → "Milan", "America/Argentina/Buenos_Aires"
 * → "Buenos Aires"; a zone not listed gives its own last part, spaced ("America/Port_of_Spain" → "Port of Spain").
 */
export function zoneCity(zone: string): string {
  if (UTC_NAMES.has(zone)) return 'UTC';
  const known = principal.get(ALIASES[zone] ?? zone);
  if (known) return known;
  return (zone.split('/').at(-1) ?? zone).replace(/_/g, ' ');
}

/** Where a person's clock is, as copy names it: their own city when they gave one, else their zone's city. */
export function placeName(city: string | null | undefined, zone: string): string {
  const own = city?.trim();
  return own ? own : zoneCity(zone);
}

/** The cities of each region, for a grouped picker; `query` keeps those whose city, country code or region match. */
export function zoneCitiesByRegion(query = ''): { region: ZoneRegion; cities: ZoneCity[] }[] {
  const q = fold(query.trim());
  const keep = (c: ZoneCity) => !q || fold(c.city).includes(q) || c.country.toLowerCase() === q || fold(c.region).includes(q);
  return ZONE_REGIONS.map((region) => ({ region, cities: ZONE_CITIES.filter((c) => c.region === region && keep(c)) })).filter(
    (g) => g.cities.length > 0,
  );
}

/** The listed city for a zone and a city name, e.g. a stylist's "Milan" in "Europe/Rome"; else the zone's principal city. */
export function findZoneCity(zone: string, city?: string | null): ZoneCity | undefined {
  const wanted = city ? fold(city) : '';
  return (
    (wanted ? ZONE_CITIES.find((c) => c.zone === zone && fold(c.city) === wanted) : undefined) ?? ZONE_CITIES.find((c) => c.zone === zone)
  );
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The city an address-like place names, when it is one of the zone's listed cities ("The salon, Paris" → "Paris");
 * else the zone's city ("A private residence, Cologny" in Europe/Zurich → "Geneva").
 */
export function cityOfPlace(place: string, zone: string): string {
  const parts = place
    .split(',')
    .map((p) => fold(p.trim()))
    .reverse();
  const listed = ZONE_CITIES.find((c) => c.zone === zone && parts.includes(fold(c.city)));
  return listed?.city ?? zoneCity(zone);
}
