/**
 * The demo's houses: all invented, so no real maison seems to partner with the platform. Each house has a voice (its
 * description) and owns its model lines (`seed-lines.ts`); a model is never sold under another house.
 */

export interface BrandSeed {
  slug: string;
  name: string;
  country: string;
  founded: number;
  description: string;
  partner: boolean;
}

export const BRANDS: readonly BrandSeed[] = [
  // Couture, ready-to-wear and leather
  {
    slug: 'maison-aurelle',
    name: 'Maison Aurelle',
    country: 'FR',
    founded: 1911,
    description: 'Couture from the rue Cambon since 1911: the bias-cut evening gown, the bouclé jacket and a quilted flap bag.',
    partner: true,
  },
  {
    slug: 'delaunay-sellier',
    name: 'Delaunay Sellier',
    country: 'FR',
    founded: 1842,
    description: 'Saddlers of the faubourg: saddle-stitched leather, silk carrés and an unhurried sense of craft.',
    partner: true,
  },
  {
    slug: 'orsini-roma',
    name: 'Orsini Roma',
    country: 'IT',
    founded: 1958,
    description: 'Roman couture of grand gestures: the crimson gown, sculpted heels and the palazzo clutch.',
    partner: true,
  },
  {
    slug: 'casa-ferrante',
    name: 'Casa Ferrante',
    country: 'IT',
    founded: 1919,
    description: 'Milanese leather and tailoring from Brera, with an intellectual eye for proportion.',
    partner: false,
  },
  {
    slug: 'lenoir-paris',
    name: 'Lenoir Paris',
    country: 'FR',
    founded: 1962,
    description: 'Rive gauche tailoring: the smoking for women, sharp shoulders and black, always black.',
    partner: false,
  },
  {
    slug: 'vittoria-calvi',
    name: 'Vittoria Calvi',
    country: 'IT',
    founded: 1924,
    description: 'Florentine shoemakers and leather workers of the Oltrarno: the bit loafer, the soft bag.',
    partner: true,
  },
  {
    slug: 'hartwell-crane',
    name: 'Hartwell & Crane',
    country: 'GB',
    founded: 1898,
    description: 'Tailors of Savile Row: structured shoulders, cloth from Yorkshire mills, cut by hand.',
    partner: false,
  },
  {
    slug: 'solenne',
    name: 'Solenne',
    country: 'FR',
    founded: 1971,
    description: 'Parisian minimalism: clean lines, fine wool and a single brass arc.',
    partner: false,
  },
  {
    slug: 'atelier-verano',
    name: 'Atelier Verano',
    country: 'ES',
    founded: 1849,
    description: 'Madrid leather craft: folded geometries, vegetable tans and a quiet curiosity.',
    partner: false,
  },
  {
    slug: 'maison-silvere',
    name: 'Maison Silvère',
    country: 'FR',
    founded: 1887,
    description: 'Lyon silk printers: hand-rolled carrés, cashmere stoles and gloves cut to the hand.',
    partner: false,
  },
  {
    slug: 'ishikawa',
    name: 'Ishikawa',
    country: 'JP',
    founded: 1978,
    description: 'Tokyo tailoring and knitwear: precise, unadorned, made to be worn for decades.',
    partner: false,
  },
  // High jewellery
  {
    slug: 'maison-vendrel',
    name: 'Maison Vendrel',
    country: 'FR',
    founded: 1867,
    description: 'High jewellery from the place Vendôme: the Constellation setting and ivy leaves in gold.',
    partner: true,
  },
  {
    slug: 'oriane-joaillerie',
    name: 'Oriane Joaillerie',
    country: 'FR',
    founded: 1904,
    description: 'Parisian jewellers of the clover and the drop, set by hand in the same workshop since 1904.',
    partner: true,
  },
  {
    slug: 'serravalle',
    name: 'Serravalle',
    country: 'IT',
    founded: 1889,
    description: 'Roman goldsmiths: spirals, domes and colour drawn from the city’s churches.',
    partner: false,
  },
  {
    slug: 'albright-vale',
    name: 'Albright & Vale',
    country: 'US',
    founded: 1851,
    description: 'New York jewellers of the six-claw solitaire, on Fifth Avenue since 1851.',
    partner: false,
  },
  // Watches
  {
    slug: 'verdier-geneve',
    name: 'Verdier Genève',
    country: 'CH',
    founded: 1839,
    description: 'Genevan complications kept for the next generation: perpetual calendars and tourbillons.',
    partner: true,
  },
  {
    slug: 'aubertin-fils',
    name: 'Aubertin & Fils',
    country: 'CH',
    founded: 1868,
    description: 'Watchmakers of the Vallée de Joux: the octagonal Octave and the Joux chronograph.',
    partner: false,
  },
  {
    slug: 'montfort',
    name: 'Montfort',
    country: 'CH',
    founded: 1905,
    description: 'Tool watches from Bienne: the Abysse diver and the Aviateur chronograph.',
    partner: false,
  },
  {
    slug: 'reinholt',
    name: 'Reinholt',
    country: 'DE',
    founded: 1845,
    description: 'Saxon watchmaking: German silver plates, hand-engraved balance cocks and restraint.',
    partner: false,
  },
  // Fragrance
  {
    slug: 'maison-ambrette',
    name: 'Maison Ambrette',
    country: 'FR',
    founded: 1828,
    description: 'Parisian perfumers since 1828: ambers, irises and roses composed in Grasse.',
    partner: false,
  },
  {
    slug: 'atelier-nerolie',
    name: 'Atelier Nérolie',
    country: 'FR',
    founded: 2011,
    description: 'Contemporary haute parfumerie: neroli, smoked woods and a velvet oud.',
    partner: false,
  },
  // Automobiles
  {
    slug: 'vescovi',
    name: 'Vescovi Automobili',
    country: 'IT',
    founded: 1961,
    description: 'Modena supercars: naturally aspirated V12s, carbon tubs and no half measures.',
    partner: true,
  },
  {
    slug: 'ferrandi',
    name: 'Ferrandi',
    country: 'IT',
    founded: 1947,
    description: 'Grand tourers from the shores of Lake Garda, built to cross a continent in an afternoon.',
    partner: false,
  },
  {
    slug: 'ashcombe',
    name: 'Ashcombe Motor Company',
    country: 'GB',
    founded: 1906,
    description: 'Coachbuilt saloons from the Sussex Downs: silence, lambswool and a hand-painted coachline.',
    partner: true,
  },
  // Aviation, yachts, property
  {
    slug: 'meridian-aerospace',
    name: 'Meridian Aerospace',
    country: 'US',
    founded: 1959,
    description: 'Business jets from Savannah: wide cabins, panoramic windows and intercontinental range.',
    partner: true,
  },
  {
    slug: 'van-heerden',
    name: 'Van Heerden Jachtbouw',
    country: 'NL',
    founded: 1951,
    description: 'Dutch superyachts built one at a time, steel hulls and aluminium superstructures.',
    partner: true,
  },
  {
    slug: 'cantiere-lucarno',
    name: 'Cantiere Lucarno',
    country: 'IT',
    founded: 1969,
    description: 'A Viareggio yard of fast motor yachts with low profiles and open decks.',
    partner: false,
  },
  {
    slug: 'maison-azur-estates',
    name: 'Maison Azur Estates',
    country: 'MC',
    founded: 1998,
    description: 'Villas, penthouses and chalets from the Riviera to the Alps, shown by appointment.',
    partner: true,
  },
  {
    slug: 'alder-finch',
    name: 'Alder & Finch Residences',
    country: 'GB',
    founded: 2004,
    description: 'Townhouses, penthouses and country estates in London, the Cotswolds and the Highlands.',
    partner: false,
  },
  // Our own
  {
    slug: 'stylebyzaga-atelier',
    name: 'StyleByZaga Atelier',
    country: 'FR',
    founded: 2024,
    description: 'Our own atelier: bespoke couture, red-carpet preparation and private fittings.',
    partner: false,
  },
];

export const brandName = (slug: string): string => {
  const brand = BRANDS.find((b) => b.slug === slug);
  if (!brand) throw new Error(`no demo house ${slug}`);
  return brand.name;
};
