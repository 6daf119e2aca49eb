/** The fixed cast of the demo marketplace: cities with their zones, currencies and languages, names and words. */
import type { Currency } from '../../../shared/money.ts';

export interface City {
  city: string;
  country: string;
  timeZone: string;
  currency: Currency;
  languages: string[];
  latitude: number;
  longitude: number;
  /** Typical hourly rate in the local currency */
  rate: number;
}

export const CITIES: readonly City[] = [
  { city: 'Paris', country: 'FR', timeZone: 'Europe/Paris', currency: 'EUR', languages: ['fr', 'en'], latitude: 48.8566, longitude: 2.3522, rate: 280 },
  { city: 'London', country: 'GB', timeZone: 'Europe/London', currency: 'GBP', languages: ['en', 'fr'], latitude: 51.5072, longitude: -0.1276, rate: 240 },
  { city: 'Milan', country: 'IT', timeZone: 'Europe/Rome', currency: 'EUR', languages: ['it', 'en'], latitude: 45.4642, longitude: 9.19, rate: 260 },
  { city: 'New York', country: 'US', timeZone: 'America/New_York', currency: 'USD', languages: ['en', 'es'], latitude: 40.7128, longitude: -74.006, rate: 320 },
  { city: 'Los Angeles', country: 'US', timeZone: 'America/Los_Angeles', currency: 'USD', languages: ['en', 'es'], latitude: 34.0522, longitude: -118.2437, rate: 300 },
  { city: 'Dubai', country: 'AE', timeZone: 'Asia/Dubai', currency: 'AED', languages: ['ar', 'en'], latitude: 25.2048, longitude: 55.2708, rate: 1200 },
  { city: 'Tokyo', country: 'JP', timeZone: 'Asia/Tokyo', currency: 'JPY', languages: ['ja', 'en'], latitude: 35.6762, longitude: 139.6503, rate: 45000 },
  { city: 'Mumbai', country: 'IN', timeZone: 'Asia/Kolkata', currency: 'INR', languages: ['hi', 'en'], latitude: 19.076, longitude: 72.8777, rate: 18000 },
  { city: 'Sydney', country: 'AU', timeZone: 'Australia/Sydney', currency: 'AUD', languages: ['en'], latitude: -33.8688, longitude: 151.2093, rate: 380 },
  { city: 'Hong Kong', country: 'HK', timeZone: 'Asia/Hong_Kong', currency: 'HKD', languages: ['zh', 'en'], latitude: 22.3193, longitude: 114.1694, rate: 2200 },
  { city: 'Geneva', country: 'CH', timeZone: 'Europe/Zurich', currency: 'CHF', languages: ['fr', 'de', 'en'], latitude: 46.2044, longitude: 6.1432, rate: 300 },
  { city: 'São Paulo', country: 'BR', timeZone: 'America/Sao_Paulo', currency: 'BRL', languages: ['pt', 'en'], latitude: -23.5558, longitude: -46.6396, rate: 1100 },
  { city: 'Doha', country: 'QA', timeZone: 'Asia/Qatar', currency: 'QAR', languages: ['ar', 'en'], latitude: 25.2854, longitude: 51.531, rate: 1100 },
  { city: 'Seoul', country: 'KR', timeZone: 'Asia/Seoul', currency: 'KRW', languages: ['ko', 'en'], latitude: 37.5665, longitude: 126.978, rate: 350000 },
];

export const FIRST_NAMES = [
  'Camille', 'Amara', 'Leonor', 'Sofia', 'Inès', 'Yara', 'Hana', 'Priya', 'Chloé', 'Mei', 'Noor', 'Beatriz', 'Aiko', 'Jiwoo',
  'Elena', 'Olivia', 'Léa', 'Zara', 'Isabela', 'Saanvi', 'Nadia', 'Ingrid', 'Valentina', 'Farah', 'Rafael', 'Matteo', 'Julien',
  'Kenji', 'Omar', 'Arjun', 'Lucas', 'Theo', 'Malik', 'Hugo', 'Daniel', 'Minho', 'Gabriel', 'Luca', 'Adrian', 'Samuel', 'Victor',
  'Elliot', 'Anaïs', 'Margaux', 'Solène', 'Céleste',
];
export const LAST_NAMES = [
  'Laurent', 'Okafor', 'Vasconcelos', 'Marchetti', 'Benali', 'Haddad', 'Takahashi', 'Raman', 'Dubois', 'Chen', 'Al-Mansouri',
  'Ferreira', 'Sato', 'Park', 'Rossi', 'Whitfield', 'Moreau', 'Karimi', 'Costa', 'Iyer', 'Farouk', 'Lindqvist', 'Greco', 'Nasser',
  'Almeida', 'Conti', 'Mercier', 'Watanabe', 'Saleh', 'Mehta', 'Fontaine', 'Ashworth', 'Diallo', 'Girard', 'Levy', 'Kang',
  'Santos', 'Bianchi', 'Novak', 'Reyes', 'Delacroix', 'Hale', 'Roux', 'Aubert', 'Vidal', 'Marceau',
];

export const HEADLINES = [
  'Quiet luxury, impeccably tailored',
  'Red carpets and the moments before them',
  'Wardrobes that travel as well as you do',
  'Bridal styling with a couture eye',
  'Menswear, cut with intent',
  'Capsule wardrobes for very full lives',
  'Evening dressing, from gala to after-party',
  'Sustainable luxury without compromise',
];

export const BIO_OPENINGS = [
  'Trained in the ateliers of the Avenue Montaigne, I dress clients for the moments they will remember.',
  'Former fashion editor; I edit wardrobes the way I once edited collections: ruthlessly, lovingly.',
  'I have styled premieres, state dinners and very private weddings, and I keep every secret.',
  'My work starts with how you live, travel and entertain, and ends with a wardrobe that simply works.',
  'I believe a great wardrobe is built slowly, from fewer, finer pieces.',
];
export const BIO_CLOSINGS = [
  'Sessions in your home, at the maisons I work with, or virtually.',
  'I travel for clients and fittings, and keep a close network of tailors and ateliers.',
  'Expect honest advice, beautiful fittings and absolute discretion.',
];

export const SERVICE_CATALOG = [
  { kind: 'VIRTUAL_CONSULTATION', name: 'Virtual consultation', duration: 60, factor: 0.7 },
  { kind: 'IN_PERSON_SESSION', name: 'Private styling session', duration: 90, factor: 1.5 },
  { kind: 'WARDROBE_EDIT', name: 'Wardrobe edit', duration: 180, factor: 2.6 },
  { kind: 'PERSONAL_SHOPPING_TRIP', name: 'Personal shopping trip', duration: 240, factor: 3.4 },
  { kind: 'RED_CARPET_PREPARATION', name: 'Red-carpet preparation', duration: 120, factor: 2.4 },
  { kind: 'BRIDAL', name: 'Bridal styling', duration: 120, factor: 2.2 },
  { kind: 'EVENT_STYLING', name: 'Event styling', duration: 90, factor: 1.8 },
] as const;

export const PORTFOLIO_TITLES = [
  'Cannes, opening night',
  'A winter wedding in Gstaad',
  'Capsule wardrobe for a year abroad',
  'Gala at the Met',
  'Board-room tailoring',
  'Summer on the Riviera',
  'Monochrome evening edit',
  'Vintage couture, re-cut',
];

export const REVIEW_TEXTS = [
  'Understood exactly what I needed before I did. Every piece worked.',
  'Discreet, precise and a pleasure to work with.',
  'My wardrobe finally makes sense. Worth every minute.',
  'The fitting was flawless and the advice honest.',
  'Elegant choices, perfectly timed for the event.',
  'Good session, though we ran a little over time.',
];

export const CLIENTS = [
  { firstName: 'Isabelle', lastName: 'Fontaine', style: ['classic', 'minimalist'], vip: true, privacy: true },
  { firstName: 'Alexander', lastName: 'Whitmore', style: ['tailored', 'classic'], vip: true, privacy: false },
  { firstName: 'Layla', lastName: 'Rahman', style: ['glamour', 'romantic'], vip: false, privacy: false },
  { firstName: 'Sebastian', lastName: 'Kröger', style: ['minimalist', 'monochrome'], vip: false, privacy: false },
  { firstName: 'Mariko', lastName: 'Ishida', style: ['avant-garde', 'eclectic'], vip: false, privacy: false },
  { firstName: 'Charlotte', lastName: 'Devereux', style: ['vintage', 'romantic'], vip: false, privacy: false },
  { firstName: 'Rohan', lastName: 'Kapoor', style: ['streetwear', 'sporty-chic'], vip: false, privacy: false },
  { firstName: 'Eleanor', lastName: 'Ashby', style: ['bohemian', 'classic'], vip: false, privacy: false },
] as const;
