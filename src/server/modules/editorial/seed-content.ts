/**
 * The demo Journal, in the house's voice: articles, lookbooks, brand stories, events and the house's own pages.
 * Bodies are written as a short list of blocks; `shop` and `look` blocks take pieces of the demo catalogue by
 * department at seeding time, `stylist` blocks one of the demo stylists, so every embed is live.
 */

export type SeedBlock =
  | { p: string }
  | { h: string }
  | { quote: string }
  | { list: string[] }
  | { image: string; caption: string }
  | { gallery: string[]; caption: string }
  | { shop: string; count: number; title: string }
  | { look: string; from: string; caption: string }
  | { stylist: 'card' | 'book'; label?: string };

export interface SeedPiece {
  slug: string;
  type: 'ARTICLE' | 'LOOKBOOK' | 'BRAND_STORY' | 'EVENT' | 'PAGE';
  title: string;
  dek: string;
  image: string;
  tags: string[];
  /** Written by a demo stylist in their own name (the n-th approved stylist). */
  byStylist?: number;
  author?: string;
  featured?: boolean;
  audience?: 'EVERYONE' | 'VIP';
  /** Days before the seeding day it was published. */
  daysAgo: number;
  event?: {
    inDays: number;
    hour: number;
    hours: number;
    timeZone: string;
    place: string;
    address: string;
    attendance: 'EVERYONE' | 'CLIENTS' | 'VIP';
    capacity: number;
  };
  body: SeedBlock[];
}

export const SEED_PIECES: readonly SeedPiece[] = [
  // ───────────────────────────── articles ─────────────────────────────
  {
    slug: 'the-quiet-season',
    type: 'ARTICLE',
    title: 'The quiet season',
    dek: 'Cashmere, grey flannel and the art of saying less: how our stylists dress for the months when nobody is looking.',
    image: 'journal-quiet-season',
    tags: ['wardrobe', 'knitwear'],
    featured: true,
    author: 'Hélène Marchal',
    daysAgo: 2,
    body: [
      {
        p: 'There is a moment, usually in the second week of January, when the invitations stop. The parties are over, the collections have not yet shown, and a wardrobe is finally asked to do the thing it was bought for: to be worn, every day, by someone who is busy thinking about something else.',
      },
      {
        p: 'Our stylists call it the quiet season, and they plan for it the way others plan for Cannes. The pieces are few, heavy and soft. Nothing is new for the sake of it; everything is chosen to be reached for without a second thought.',
      },
      { h: 'Three pieces, worn hard' },
      {
        list: [
          'A coat with a real shoulder, long enough to cover a jacket.',
          'Two knits in a weight you can feel through the hand: one crew, one high neck.',
          'Trousers in grey flannel that crease, and are pressed again.',
        ],
      },
      { shop: 'ready-to-wear', count: 4, title: 'Shop the quiet season' },
      { quote: 'A good winter wardrobe is one you stop noticing by February. That is the compliment.' },
      {
        p: 'Colour comes in small doses — a scarf the shade of cognac, a glove lined in oxblood — and texture does the rest. If you would like a second pair of eyes on what you already own, a wardrobe edit takes an afternoon and usually saves a season of shopping.',
      },
      { stylist: 'book', label: 'Book a wardrobe edit' },
    ],
  },
  {
    slug: 'inside-the-saddlery-at-delaunay-sellier',
    type: 'ARTICLE',
    title: 'Inside the saddlery at Delaunay Sellier',
    dek: 'Two needles, one thread and forty hours: we spent a morning with the leather workers who still stitch every bag by hand.',
    image: 'journal-saddlery',
    tags: ['craft', 'leather'],
    author: 'The House',
    daysAgo: 6,
    body: [
      {
        p: 'The workshop is on the second floor of a building that used to make harnesses for the omnibus companies of Paris. The benches are the same; so, in most respects, is the stitch. It is called the saddle stitch, and it is made with two needles working the same thread from either side of the leather, so that if one stitch breaks the seam holds.',
      },
      {
        p: 'A bag of medium size takes between eighteen and forty hours, and one person makes it from the first cut to the last polish of the edges. Their initials and the year are stamped under the flap. Nobody is in a hurry, and nobody apologises for it.',
      },
      {
        image: 'journal-saddlery-bench',
        caption: 'The clam, a wooden vice held between the knees, keeps both hands free for the needles.',
      },
      { h: 'What to look for' },
      {
        p: 'Run a thumb along the edge: it should be smooth, rounded and lacquered in several coats, never raw. Look at the stitches on the gusset — slanted, even, and slightly tighter where the handle will pull.',
      },
      { shop: 'bags', count: 3, title: 'Pieces from the workshop' },
    ],
  },
  {
    slug: 'a-watch-for-the-rest-of-your-life',
    type: 'ARTICLE',
    title: 'A watch for the rest of your life',
    dek: 'Complications, cases and straps explained by the collectors who advise our clients — and the questions worth asking before you buy.',
    image: 'journal-horlogerie',
    tags: ['watches', 'collecting'],
    author: 'The House',
    daysAgo: 9,
    body: [
      {
        p: 'Most of the watches our clients keep for decades share one quality that has nothing to do with price: they were bought to be worn. A perpetual calendar that lives in a safe is a beautiful machine; a time-only piece in steel that has been to every meeting for twenty years is a companion.',
      },
      { h: 'Start with the case' },
      {
        p: 'Diameter matters less than the distance from lug to lug. Lay the watch on the wrist and look at it from the side: the lugs should end before the wrist curves away. Thirty-eight millimetres suits more wrists than fashion suggests.',
      },
      { h: 'Then the movement' },
      {
        p: 'A manual winding calibre asks for thirty seconds each morning and repays it with a thinner case. An automatic forgives a busy week. Ask how often it should be serviced, and by whom; the best houses will tell you without looking it up.',
      },
      { shop: 'watches', count: 4, title: 'Considered pieces' },
      { quote: 'Buy the watch you would be sorry to lose, not the one you would be sorry to be seen without.' },
    ],
  },
  {
    slug: 'how-to-pack-for-the-riviera',
    type: 'ARTICLE',
    title: 'How to pack for the Riviera',
    dek: 'Ten days, one case, and evenings that run from a beach lunch to a yacht dinner. Our stylist’s list, item by item.',
    image: 'journal-riviera',
    tags: ['travel', 'summer'],
    byStylist: 0,
    daysAgo: 12,
    body: [
      {
        p: 'The Riviera punishes overpacking. Staircases are steep, boats have no wardrobes and the best restaurants are reached on foot. I pack one case for ten days, and I have never regretted what I left behind.',
      },
      {
        list: [
          'Linen in two colours that go with each other and nothing else.',
          'One evening dress that travels rolled, not folded.',
          'Flat sandals you can climb in, and espadrilles you can dance in.',
          'A silk scarf: a belt, a shawl, a headscarf on the tender.',
        ],
      },
      { shop: 'accessories', count: 4, title: 'In my case this year' },
      {
        p: 'Jewellery stays simple by day — a chain, a ring — and comes out properly at night. Leave the heavy watch at home; the sea air and the sun do it no favours.',
      },
      { stylist: 'card' },
    ],
  },
  {
    slug: 'the-return-of-the-tailored-suit',
    type: 'ARTICLE',
    title: 'The return of the tailored suit',
    dek: 'Softer shoulders, higher waists and cloth with some weight to it: why the suit is back, and how it is being worn.',
    image: 'journal-tailoring',
    tags: ['tailoring', 'wardrobe'],
    author: 'The House',
    daysAgo: 15,
    body: [
      {
        p: 'For a decade the suit was the uniform of people who had no choice. Now it is chosen again, and chosen differently: a jacket with a natural shoulder, trousers with a higher rise and a single pleat, and cloth heavy enough to drape rather than cling.',
      },
      {
        p: 'Worn with a knit instead of a shirt, or a T-shirt in fine cotton, the suit becomes something you wear to dinner rather than to the office. Worn with a shirt and tie, it still does what it always did, only better.',
      },
      { shop: 'men', count: 4, title: 'Tailoring this season' },
      { h: 'Made to measure, or bespoke?' },
      {
        p: 'Made to measure adjusts a house pattern to your figure in two fittings. Bespoke cuts a pattern that is yours alone and takes three or four. Our stylists can tell you in one conversation which you need.',
      },
      { stylist: 'book', label: 'Arrange a fitting' },
    ],
  },
  {
    slug: 'jewellery-that-is-worn-every-day',
    type: 'ARTICLE',
    title: 'Jewellery that is worn every day',
    dek: 'The pieces our clients never take off, and why the most valuable jewellery is often the least spectacular.',
    image: 'journal-jewellery',
    tags: ['jewellery', 'collecting'],
    byStylist: 1,
    daysAgo: 19,
    body: [
      {
        p: 'When I ask clients which piece they would save from a fire, the answer is almost never the tiara. It is a signet ring, a thin bracelet, a pair of studs they have worn so long they forget they are there.',
      },
      {
        p: 'Everyday jewellery has to survive hand-washing, sleeves and sleep. That means solid gold rather than plate, settings that hold their stones low, and clasps you can close with one hand.',
      },
      { shop: 'fine-jewellery', count: 4, title: 'Pieces to live in' },
      { quote: 'The best jewellery is the piece people describe you by.' },
    ],
  },
  {
    slug: 'the-art-of-the-private-fitting',
    type: 'ARTICLE',
    title: 'The art of the private fitting',
    dek: 'What happens in the hour between the first pin and the last chalk mark, and how to get the most from it.',
    image: 'journal-fitting',
    tags: ['tailoring', 'service'],
    author: 'The House',
    daysAgo: 23,
    body: [
      {
        p: 'A private fitting is a conversation with a mirror in it. The fitter watches how you stand, how you sit, how you reach for a glass; the pins follow your habits, not a chart.',
      },
      {
        list: [
          'Wear the shoes you will wear with the piece.',
          'Bring the watch: sleeves are finished around it.',
          'Say what you dislike about clothes you already own — it is the most useful thing a fitter can hear.',
        ],
      },
      { p: 'Our stylists accompany clients to fittings in Paris, London and Milan, and arrange fittings at home anywhere we work.' },
      { stylist: 'book', label: 'Book a private fitting' },
    ],
  },
  {
    slug: 'a-weekend-in-geneva',
    type: 'ARTICLE',
    title: 'A weekend in Geneva',
    dek: 'Watchmakers’ ateliers, a lake swim at dawn and the best fondue in the old town — a stylist’s forty-eight hours.',
    image: 'journal-geneva',
    tags: ['travel', 'watches'],
    byStylist: 2,
    daysAgo: 27,
    body: [
      {
        p: 'Geneva rewards the early riser. By seven the Bains des Pâquis are open and the lake is glass; by nine you can be at a workbench in a watchmaker’s atelier, watching a balance wheel being poised by hand.',
      },
      { p: 'Pack for weather that changes its mind: a light coat, a knit, shoes that can walk the hill of the old town on cobbles.' },
      { shop: 'watches', count: 3, title: 'Souvenirs worth the name' },
      { stylist: 'card' },
    ],
  },
  {
    slug: 'colour-in-small-doses',
    type: 'ARTICLE',
    title: 'Colour in small doses',
    dek: 'Oxblood, racing green, old gold: how to wear the colours of the house without looking costumed.',
    image: 'journal-colour',
    tags: ['wardrobe', 'colour'],
    author: 'The House',
    daysAgo: 31,
    body: [
      {
        p: 'Deep colours are easier to wear than bright ones, and richer for it. Oxblood reads as a neutral beside navy; racing green sits with grey flannel as if it had always been there.',
      },
      {
        p: 'Begin with accessories — a bag, a belt, a scarf — and move to a knit when you are sure. Keep to one strong colour at a time, and let the texture do the talking.',
      },
      { shop: 'bags', count: 4, title: 'A touch of colour' },
    ],
  },
  {
    slug: 'caring-for-cashmere',
    type: 'ARTICLE',
    title: 'Caring for cashmere',
    dek: 'Wash it less, fold it always, and never hang it: the routine that keeps a sweater for twenty winters.',
    image: 'journal-cashmere',
    tags: ['knitwear', 'care'],
    byStylist: 0,
    daysAgo: 35,
    body: [
      {
        p: 'Cashmere is more robust than its reputation, provided you treat it as hair rather than fabric. Air it after wearing, brush it with a soft brush, and wash it by hand in cool water only when it needs it — two or three times a winter.',
      },
      {
        list: [
          'Dry it flat on a towel, away from the radiator.',
          'Fold it; a hanger stretches the shoulders for good.',
          'Store it clean, with cedar, in a cotton bag.',
        ],
      },
      { p: 'Pilling in the first weeks is the loose fibre leaving; a cashmere comb takes it off in a minute and it stops.' },
      { shop: 'women', count: 3, title: 'Knits to keep' },
    ],
  },
  {
    slug: 'dressing-for-the-red-carpet',
    type: 'ARTICLE',
    title: 'Dressing for the red carpet',
    dek: 'Six weeks, three fittings and one very long staircase: what goes into the ninety seconds a photograph remembers.',
    image: 'journal-red-carpet',
    tags: ['red carpet', 'service'],
    byStylist: 1,
    daysAgo: 40,
    body: [
      {
        p: 'The red carpet is mostly logistics. The dress is chosen six weeks out, fitted three times, and tested on stairs, in a car and sitting down for three hours. The jewellery arrives with its own security and leaves the same night.',
      },
      {
        p: 'The photographs are taken in ninety seconds. Everything we do in the six weeks before is about being relaxed in those ninety seconds.',
      },
      { shop: 'fine-jewellery', count: 3, title: 'Red-carpet jewellery' },
      { stylist: 'book', label: 'Plan an appearance' },
    ],
  },
  {
    slug: 'notes-on-a-private-collection',
    type: 'ARTICLE',
    title: 'Notes on a private collection',
    dek: 'For private clients: a first look at the pieces the ateliers are setting aside this season, before they are shown anywhere else.',
    image: 'journal-private-collection',
    tags: ['private clients', 'collecting'],
    audience: 'VIP',
    author: 'The House',
    daysAgo: 4,
    body: [
      {
        p: 'Each season a handful of pieces never reach the boutique. They are made in numbers you can count on one hand, and the houses offer them first to the clients who have followed their work for years.',
      },
      {
        p: 'This season that means a sapphire set in platinum in the old cushion cut, a travelling case lined in oxblood calf, and a watch whose dial was enamelled three times before the maker was satisfied.',
      },
      { shop: 'fine-jewellery', count: 3, title: 'Set aside for you' },
      { p: 'Your adviser will arrange a private viewing at home or in our salon; simply ask.' },
    ],
  },

  // ───────────────────────────── lookbooks ─────────────────────────────
  {
    slug: 'lookbook-the-cannes-edit',
    type: 'LOOKBOOK',
    title: 'The Cannes edit',
    dek: 'Six looks for twelve days on the Croisette, from the morning screening to the last party on the boat.',
    image: 'lookbook-cannes',
    tags: ['red carpet', 'summer'],
    featured: true,
    author: 'The House',
    daysAgo: 3,
    body: [
      { p: 'Styled by the house for a festival that starts at breakfast and ends at dawn. Tap a look to see the pieces.' },
      { look: 'lookbook-cannes-1', from: 'women', caption: 'Look one — the morning screening.' },
      { look: 'lookbook-cannes-2', from: 'fine-jewellery', caption: 'Look two — lunch on the beach at the Martinez.' },
      { look: 'lookbook-cannes-3', from: 'accessories', caption: 'Look three — the steps.' },
    ],
  },
  {
    slug: 'lookbook-city-tailoring',
    type: 'LOOKBOOK',
    title: 'City tailoring',
    dek: 'Four looks for the working week, cut soft and worn without a tie.',
    image: 'lookbook-tailoring',
    tags: ['tailoring'],
    author: 'The House',
    daysAgo: 14,
    body: [
      { p: 'Tailoring for a week of meetings, dinners and one long flight.' },
      { look: 'lookbook-tailoring-1', from: 'men', caption: 'Monday — grey flannel and a navy knit.' },
      { look: 'lookbook-tailoring-2', from: 'shoes', caption: 'Wednesday — the brown suit, the brown shoe.' },
      { look: 'lookbook-tailoring-3', from: 'watches', caption: 'Friday — the jacket comes off.' },
    ],
  },
  {
    slug: 'lookbook-riviera-summer',
    type: 'LOOKBOOK',
    title: 'Riviera summer',
    dek: 'Linen, raffia and gold: the looks of a long summer between Saint-Tropez and Portofino.',
    image: 'lookbook-riviera',
    tags: ['summer', 'travel'],
    author: 'The House',
    daysAgo: 21,
    body: [
      { look: 'lookbook-riviera-1', from: 'women', caption: 'The harbour at noon.' },
      { look: 'lookbook-riviera-2', from: 'bags', caption: 'The walk up to the old town.' },
      { look: 'lookbook-riviera-3', from: 'fine-jewellery', caption: 'Dinner on the terrace.' },
    ],
  },
  {
    slug: 'lookbook-evening',
    type: 'LOOKBOOK',
    title: 'After dark',
    dek: 'Black, midnight and old gold: evening looks for the opera, the gala and the late supper after.',
    image: 'lookbook-evening',
    tags: ['evening'],
    author: 'The House',
    daysAgo: 33,
    body: [
      { look: 'lookbook-evening-1', from: 'women', caption: 'The opera.' },
      { look: 'lookbook-evening-2', from: 'fine-jewellery', caption: 'The gala.' },
      { look: 'lookbook-evening-3', from: 'shoes', caption: 'The late supper.' },
    ],
  },

  // ───────────────────────────── brand stories ─────────────────────────────
  {
    slug: 'maison-aurelle-a-century-of-silk',
    type: 'BRAND_STORY',
    title: 'Maison Aurelle: a century of silk',
    dek: 'From a weaving loft in Lyon to the carrés our clients collect: the story of a house that still prints by hand.',
    image: 'brand-aurelle',
    tags: ['craft', 'houses'],
    author: 'The House',
    daysAgo: 8,
    body: [
      {
        p: 'Maison Aurelle began in 1921 in a weaving loft on the slopes of the Croix-Rousse, where the silk workers of Lyon once lived above their looms. The looms are gone; the screens are not. Each carré is still printed by hand, one colour at a time, up to forty screens for a single design.',
      },
      {
        p: 'A design takes two years from the first drawing to the first square. The engraver separates every colour by hand; the printers lay each screen on a table sixty metres long and pull the colour across with a squeegee in one stroke.',
      },
      { quote: 'We do not chase the season. The season comes back to us.' },
      { shop: 'accessories', count: 4, title: 'From the house' },
    ],
  },
  {
    slug: 'verdier-geneve-time-kept-by-hand',
    type: 'BRAND_STORY',
    title: 'Verdier Genève: time, kept by hand',
    dek: 'Twelve watchmakers, one street in Geneva and fewer than three hundred watches a year.',
    image: 'brand-verdier',
    tags: ['watches', 'houses'],
    author: 'The House',
    daysAgo: 17,
    body: [
      {
        p: 'Verdier Genève makes fewer than three hundred watches a year, and every one of them is assembled, regulated and cased by a single watchmaker whose name is engraved inside the caseback.',
      },
      {
        p: 'The house finishes even the parts nobody will see: bevelled bridges, polished screw heads, a Geneva stripe on the plate under the dial. Asked why, the head of the atelier shrugs: “Because we know they are there.”',
      },
      { shop: 'watches', count: 3, title: 'Verdier and its neighbours' },
    ],
  },
  {
    slug: 'oriane-joaillerie-the-setters-bench',
    type: 'BRAND_STORY',
    title: 'Oriane Joaillerie: at the setter’s bench',
    dek: 'A stone, a claw and a steady hand — inside the Place Vendôme workshop where every stone is set under a microscope.',
    image: 'brand-oriane',
    tags: ['jewellery', 'houses', 'craft'],
    author: 'The House',
    daysAgo: 26,
    body: [
      {
        p: 'The setters at Oriane work under a microscope, with gravers they sharpen themselves. A pavé bracelet may hold four hundred stones, each raised on its own bead of gold pushed up from the metal around it.',
      },
      {
        p: 'It is slow work, and it cannot be hurried without it showing. The house sets no more than a dozen high-jewellery pieces a year.',
      },
      { shop: 'fine-jewellery', count: 4, title: 'From the workshop' },
    ],
  },

  // ───────────────────────────── events ─────────────────────────────
  {
    slug: 'trunk-show-maison-aurelle-paris',
    type: 'EVENT',
    title: 'Trunk show: Maison Aurelle in Paris',
    dek: 'The new carrés and the house’s printers, for one evening in our Paris salon.',
    image: 'event-aurelle',
    tags: ['events', 'paris'],
    featured: true,
    author: 'The House',
    daysAgo: 1,
    event: {
      inDays: 18,
      hour: 18,
      hours: 3,
      timeZone: 'Europe/Paris',
      place: 'The StyleByZaga salon, Paris',
      address: '31 rue Cambon, 75001 Paris',
      attendance: 'CLIENTS',
      capacity: 40,
    },
    body: [
      {
        p: 'Maison Aurelle brings its new season to our Paris salon for one evening, with two of its printers and the engraver of this year’s carrés.',
      },
      {
        p: 'Champagne from six; the printers demonstrate at seven. Seats are limited and given in the order replies arrive; once they are taken, replies join a waiting list.',
      },
      { shop: 'accessories', count: 3, title: 'A preview' },
    ],
  },
  {
    slug: 'private-viewing-high-jewellery-geneva',
    type: 'EVENT',
    title: 'A private viewing of high jewellery in Geneva',
    dek: 'For private clients: twelve pieces from Oriane Joaillerie, shown by appointment over one afternoon.',
    image: 'event-geneva',
    tags: ['events', 'jewellery'],
    audience: 'VIP',
    author: 'The House',
    daysAgo: 5,
    event: {
      inDays: 30,
      hour: 14,
      hours: 4,
      timeZone: 'Europe/Zurich',
      place: 'A private residence, Cologny',
      address: 'Given on confirmation',
      attendance: 'VIP',
      capacity: 12,
    },
    body: [
      {
        p: 'Twelve pieces of high jewellery, shown one client at a time in a private residence above the lake. Each appointment lasts half an hour; the address is given on confirmation.',
      },
      { shop: 'fine-jewellery', count: 3, title: 'Among the pieces' },
    ],
  },
  {
    slug: 'fitting-day-london',
    type: 'EVENT',
    title: 'Fitting day in London',
    dek: 'Our tailors and stylists in Mayfair for a day of made-to-measure fittings.',
    image: 'event-london',
    tags: ['events', 'tailoring'],
    author: 'The House',
    daysAgo: 7,
    event: {
      inDays: 45,
      hour: 10,
      hours: 8,
      timeZone: 'Europe/London',
      place: 'The StyleByZaga rooms, Mayfair',
      address: '14 Albemarle Street, London W1S',
      attendance: 'EVERYONE',
      capacity: 16,
    },
    body: [
      {
        p: 'A day of made-to-measure fittings with our tailors and stylists. Each fitting takes an hour; bring the shoes and the watch you wear most.',
      },
      { stylist: 'book', label: 'Or book a stylist in London' },
    ],
  },

  // ───────────────────────────── the house's pages ─────────────────────────────
  {
    slug: 'about',
    type: 'PAGE',
    title: 'About the house',
    dek: 'A house for people who would rather be advised than sold to.',
    image: 'page-about',
    tags: [],
    author: 'The House',
    daysAgo: 60,
    body: [
      {
        p: 'StyleByZaga brings together the houses we admire and the stylists we trust. We carry pieces from thirty houses — ateliers, jewellers, watchmakers and makers of cars, boats and homes — and we introduce our clients to stylists who know them well.',
      },
      {
        p: 'We are paid by the houses when a client buys, and by clients when a stylist works for them; never for placement. When the Journal writes about a house, it is because our stylists return to it.',
      },
      { h: 'Where we are' },
      { p: 'Our house office is in Paris. Our stylists work in forty-six cities, from Geneva to Tokyo.' },
    ],
  },
  {
    slug: 'contact',
    type: 'PAGE',
    title: 'Contact the house',
    dek: 'Write to us, and a member of the house office answers within one working day.',
    image: 'page-contact',
    tags: [],
    author: 'The House',
    daysAgo: 60,
    body: [
      {
        p: 'For an order, a delivery or a return, please write with your order number. For private client services, tell us how you would like to be contacted; your adviser will answer personally.',
      },
      { p: 'The house office answers from Paris, Monday to Saturday, 9:00 to 19:00 (Paris time).' },
    ],
  },
  {
    slug: 'delivery-and-returns',
    type: 'PAGE',
    title: 'Delivery and returns',
    dek: 'Delivered by hand where we can, insured always, and returned without questions within thirty days.',
    image: 'page-delivery',
    tags: [],
    author: 'The House',
    daysAgo: 60,
    body: [
      { h: 'Delivery' },
      {
        p: 'Every order is insured for its full value until it is in your hands. In Paris, London, Milan, Geneva and New York we deliver by hand on the day you choose; elsewhere, by express courier with a signature on delivery.',
      },
      {
        list: [
          'Hand delivery in our cities: complimentary, on the day you choose.',
          'Express courier within Europe: two to three working days.',
          'Express courier worldwide: three to five working days; duties are shown before you pay.',
        ],
      },
      { h: 'Returns' },
      {
        p: 'You may return any piece within thirty days of delivery, unworn and with its tags, for a full refund to the original payment. We collect it from you. Made-to-measure and bespoke pieces, and engraved jewellery, cannot be returned, since they are made for you alone.',
      },
      {
        p: 'Showcase pieces — cars, residences, aircraft and yachts — are sold by their houses on their own terms, which your adviser gives you in writing before any commitment.',
      },
    ],
  },
  {
    slug: 'privacy',
    type: 'PAGE',
    title: 'Privacy notice',
    dek: 'What we keep about you, why, for how long, and what you can ask of us.',
    image: 'page-privacy',
    tags: [],
    author: 'The House',
    daysAgo: 60,
    body: [
      {
        p: 'StyleByZaga keeps the personal data it needs to serve you: your name, your contact details, your sizes and preferences if you give them, your orders and your conversations with stylists. Contact details, sizes and messages are stored encrypted.',
      },
      { h: 'Who sees it' },
      {
        p: 'Stylists see what a booking needs. Private clients may keep their name from stylists until a booking is accepted. Houses see the orders placed with them, never your browsing. We sell nothing to anyone.',
      },
      { h: 'How long' },
      {
        p: 'We keep your account while it is open. When you close it, we erase your personal data and keep only what the law obliges us to keep for orders and payments, under a pseudonym.',
      },
      { h: 'Your rights' },
      {
        p: 'You may see, correct, export or erase your data from your account, and write to the house office about anything else. You may also complain to your data protection authority.',
      },
    ],
  },
  {
    slug: 'terms',
    type: 'PAGE',
    title: 'Terms of service',
    dek: 'The terms on which StyleByZaga serves its clients, stylists and houses (version 2026-01).',
    image: 'page-terms',
    tags: [],
    author: 'The House',
    daysAgo: 60,
    body: [
      { p: 'These terms apply to everyone who opens an account with StyleByZaga. By signing up you accept them and our privacy notice.' },
      { h: 'Orders' },
      {
        p: 'A purchase is a contract between you and the house that makes the piece; StyleByZaga acts as its agent, takes your payment and sees the order through. Prices include the taxes shown at checkout.',
      },
      { h: 'Stylists' },
      {
        p: 'Stylists are independent professionals vetted by us. A booking is a contract between you and the stylist; we hold the payment until the session takes place, and apply the stylist’s cancellation policy shown when you book.',
      },
      { h: 'Your account' },
      {
        p: 'Keep your password and second factor to yourself. We may suspend an account used to harm others. You may close yours at any time.',
      },
      {
        p: 'These terms are governed by French law; the courts of Paris have jurisdiction, without prejudice to the protections of the country where you live.',
      },
    ],
  },
];
