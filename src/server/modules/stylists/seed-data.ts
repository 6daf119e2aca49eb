/** The fixed cast of the demo marketplace: cities with their zones, currencies and languages, names and words. */
import type { Currency } from '../../../shared/money.ts';
import type { SPECIALTIES } from './models.ts';

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

/**
 * A stylist's tagline speaks of what they do: one per specialty, so the headline a client reads first always agrees
 * with the specialties listed under it (the seeder takes the headline of the stylist's first specialty).
 */
export const HEADLINES: Record<(typeof SPECIALTIES)[number], readonly string[]> = {
  'red-carpet': ['Red carpets and the moments before them', 'Premieres, galas and the walk to the car'],
  bridal: ['Bridal styling with a couture eye', 'From the first fitting to the last dance'],
  menswear: ['Menswear, cut with intent', 'Tailoring for men who notice the details'],
  'capsule-wardrobe': ['Capsule wardrobes for very full lives', 'Fewer, finer pieces that all work together'],
  'personal-shopping': ['Personal shopping, from the salons to the archives', 'The right piece, found before it is gone'],
  'event-styling': ['Evening dressing, from gala to after-party', 'Dressed for the occasion, whatever it is'],
  'wardrobe-edit': ['A wardrobe edited down to what you love', 'Keep, alter, let go: wardrobe edits with care'],
  'image-consulting': ['An image that says what you mean', 'Presence for the boardroom and the stage'],
  'sustainable-fashion': ['Sustainable luxury without compromise', 'Archive pieces, repairs and craft that lasts'],
  'haute-couture': ['Couture, commissioned and fitted', 'Quiet luxury, impeccably tailored'],
  jewellery: ['Jewels chosen for the life you lead', 'High jewellery, worn every day'],
  'travel-wardrobe': ['Wardrobes that travel as well as you do', 'One suitcase, every climate, every dinner'],
};

export const BIO_OPENINGS = [
  'Trained in the ateliers of the Avenue Montaigne, I dress clients for the moments they will remember.',
  'Former fashion editor; I edit wardrobes the way I once edited collections: ruthlessly, lovingly.',
  'I have dressed clients for state dinners and quiet Sundays alike, and I keep every secret.',
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

/** Review texts by stars: what a client writes agrees with the rating they give. */
export const REVIEW_TEXTS: Record<1 | 2 | 3 | 4 | 5, readonly string[]> = {
  5: [
    'Understood exactly what I needed before I did. Every piece worked.',
    'Discreet, precise and a pleasure to work with.',
    'My wardrobe finally makes sense. Worth every minute.',
    'The fitting was flawless and the advice honest.',
    'Elegant choices, perfectly timed for the event.',
  ],
  4: [
    'Lovely session and great pieces, though we ran a little over time.',
    'Very good eye; one of the three looks was not quite me, the other two were perfect.',
    'Thoughtful and well prepared. I would book again for the next season.',
  ],
  3: [
    'Good ideas, but the session felt rushed and two pieces had to go back.',
    'Pleasant and knowledgeable, though the selection missed my brief in places.',
  ],
  2: ['The pieces were beautiful but not what I asked for, and the follow-up was slow.'],
  1: ['The session started late and the selection ignored my sizes. Disappointing.'],
};

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
