/**
 * Editorial API shapes (Zod): the Smithy model's Content, CreateContentInput, UpdateContentInput, ListContentInput…
 * with the house's additions (slug, standfirst, SEO, audience, scheduling, event details), all optional on input.
 */
import { z } from 'zod';
import { CONTENT_AUDIENCES, CONTENT_STATUSES, CONTENT_TYPES, EVENT_ATTENDANCES, RSVP_STATUSES } from './schema.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/;

export const ContentType = z.enum(CONTENT_TYPES).meta({ id: 'ContentType' });
export type ContentType = z.infer<typeof ContentType>;
export const ContentStatus = z.enum(CONTENT_STATUSES).meta({ id: 'ContentStatus' });
export type ContentStatus = z.infer<typeof ContentStatus>;
export const ContentAudience = z.enum(CONTENT_AUDIENCES).meta({
  id: 'ContentAudience',
  description: 'EVERYONE, or VIP: private clients only (and the house); invisible to anybody else, everywhere.',
});
export const EventAttendance = z
  .enum(EVENT_ATTENDANCES)
  .meta({ id: 'EventAttendance', description: 'Who may reply to an event: anyone signed in, clients, or private clients only.' });

export const ContentSlug = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(SLUG, 'Lowercase letters, digits and single dashes, e.g. "the-quiet-season"');
const Tag = z.string().trim().min(1, 'A tag cannot be empty').max(40, 'At most 40 characters per tag');
const Tags = z.array(Tag).max(12, 'At most 12 tags');
const LocalTime = z.string().regex(LOCAL_TIME, 'A local date and time such as "2026-03-29T09:00"');
const Zone = z.string().trim().min(1).max(64);

export const EventInput = z
  .strictObject({
    startsAt: LocalTime.meta({ description: 'Wall-clock start at the place, e.g. "2026-03-12T18:30".' }),
    endsAt: LocalTime.meta({ description: 'Wall-clock end at the place.' }),
    timeZone: Zone.meta({ description: 'IANA zone of the place, e.g. "Europe/Paris".' }),
    place: text(160).min(1, 'Required'),
    address: text(300).optional(),
    attendance: EventAttendance.default('CLIENTS'),
    capacity: z.number('Enter the number of seats').int('Whole seats only').min(1, 'At least one seat').max(10_000),
  })
  .meta({ description: 'The event part of an EVENT piece.' });

const editable = {
  slug: ContentSlug.optional().meta({ description: 'Defaults to one made from the title.' }),
  dek: text(400).optional().meta({ description: 'The standfirst under the title.' }),
  featuredImage: z.string().max(300).nullable().optional().meta({ description: 'A media path (`/media/…`) from the media library.' }),
  featuredImageAlt: text(300).optional(),
  author: text(120)
    .optional()
    .meta({ description: 'Byline for house pieces (an editor’s name or "The House"); a stylist’s pieces carry their own name.' }),
  authorStylistId: z.uuid().nullable().optional().meta({ description: 'A stylist writing in their own name.' }),
  seoTitle: text(70).optional(),
  seoDescription: text(170).optional(),
  audience: ContentAudience.optional(),
  featured: z.boolean().optional(),
  publishAt: LocalTime.optional().meta({ description: 'With status SCHEDULED: when to publish, as a wall-clock time in `timeZone`.' }),
  timeZone: Zone.optional().meta({ description: 'The editor’s zone for `publishAt` (default UTC).' }),
  event: EventInput.optional().meta({ description: 'Required for EVENT pieces.' }),
};

export const CreateContentInput = z
  .strictObject({
    title: text(200).min(1, 'Required'),
    contentType: ContentType,
    body: z.string().meta({ description: 'The editor’s Tiptap JSON document as a string (or plain prose).' }),
    tags: Tags.optional(),
    status: ContentStatus.default('DRAFT'),
    ...editable,
  })
  .meta({ id: 'CreateContentInput' });
export type CreateContentInput = z.infer<typeof CreateContentInput>;

export const UpdateContentInput = z
  .strictObject({
    title: text(200).min(1, 'Required').optional(),
    body: z.string().optional(),
    tags: Tags.optional(),
    status: ContentStatus.optional(),
    ...editable,
    expectedVersion: z
      .number()
      .int()
      .min(1)
      .optional()
      .meta({ description: 'The version this edit was made from; a newer save answers 409 with it.' }),
    submitForReview: z.boolean().optional().meta({ description: 'A stylist hands the piece to the house editors.' }),
    note: text(200).optional().meta({ description: 'What changed, shown in the version history.' }),
  })
  .meta({ id: 'UpdateContentInput' });
export type UpdateContentInput = z.infer<typeof UpdateContentInput>;

export const ContentEvent = z
  .object({
    startsAt: z.string(),
    endsAt: z.string(),
    timeZone: z.string(),
    localStartsAt: z.string().meta({ description: 'Start as the place’s wall clock.' }),
    localEndsAt: z.string(),
    place: z.string(),
    address: z.string().optional(),
    attendance: EventAttendance,
    capacity: z.number().int(),
    seatsLeft: z.number().int(),
  })
  .meta({ id: 'ContentEvent' });

export const Content = z
  .object({
    contentId: z.string(),
    title: z.string(),
    contentType: ContentType,
    body: z.string().meta({ description: 'The Tiptap JSON document as a string (empty in summary lists).' }),
    status: ContentStatus,
    tags: z.array(z.string()),
    featuredImage: z.string().optional(),
    featuredImageAlt: z.string(),
    author: z.string().optional(),
    authorStylistId: z.string().optional(),
    createdAt: z.string(),
    updatedAt: z.string().optional(),
    slug: z.string(),
    dek: z.string(),
    seoTitle: z.string(),
    seoDescription: z.string(),
    audience: ContentAudience,
    featured: z.boolean(),
    publishAt: z.string().optional(),
    publishZone: z.string().optional(),
    publishedAt: z.string().optional(),
    reviewRequested: z.boolean(),
    readingMinutes: z.number().int(),
    version: z.number().int(),
    event: ContentEvent.optional(),
  })
  .meta({ id: 'Content' });
export type Content = z.infer<typeof Content>;

const ProductEmbed = z
  .object({
    productId: z.string(),
    state: z.enum(['AVAILABLE', 'SOLD_OUT', 'UNAVAILABLE']),
    slug: z.string().optional(),
    name: z.string().optional(),
    brandName: z.string().optional(),
    price: z.object({ amount: z.number(), currency: z.string() }).optional(),
    priceOnRequest: z.boolean().optional(),
    purchaseMode: z.string().optional(),
    sizes: z.array(z.string()).optional(),
    colors: z.array(z.string()).optional(),
    image: z.object({ url: z.string(), alt: z.string() }).optional(),
  })
  .meta({ id: 'ContentProduct' });
const StylistEmbed = z
  .object({
    stylistId: z.string(),
    available: z.boolean(),
    name: z.string().optional(),
    headline: z.string().optional(),
    city: z.string().optional(),
    portrait: z.string().optional(),
  })
  .meta({ id: 'ContentStylist' });
const ImageAttrs = z.object({ src: z.string(), alt: z.string(), caption: z.string() });

export const RenderedBlock = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('html'), html: z.string() }),
    z.object({ kind: z.literal('products'), layout: z.enum(['card', 'row']), title: z.string(), products: z.array(ProductEmbed) }),
    z.object({
      kind: z.literal('look'),
      image: ImageAttrs,
      hotspots: z.array(z.object({ x: z.number(), y: z.number(), product: ProductEmbed })),
    }),
    z.object({ kind: z.literal('stylist'), layout: z.enum(['card', 'book']), label: z.string(), stylist: StylistEmbed }),
  ])
  .meta({ id: 'ContentBlock' });

export const GetContentOutput = z
  .object({
    content: Content,
    bodyHtml: z.string().meta({ description: 'The body rendered through the allowlist: safe to insert as HTML.' }),
    blocks: z.array(RenderedBlock).meta({ description: 'The body as HTML runs and shoppable embeds (live products and stylists).' }),
    related: z.array(Content).meta({ description: 'Other published pieces sharing its tags (summaries).' }),
  })
  .meta({ id: 'GetContentOutput' });

export const ListContentQuery = z.strictObject({
  contentType: ContentType.optional(),
  status: ContentStatus.optional(),
  tags: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? undefined : (Array.isArray(v) ? v : v.split(',')).map((t) => t.trim()).filter(Boolean)))
    .pipe(z.array(Tag).max(12).optional()),
  featured: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  q: text(120).optional().meta({ description: 'Words to find in titles, standfirsts and bodies.' }),
  mine: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .meta({ description: 'Only the pieces you wrote, in every status (writers).' }),
  view: z.enum(['full', 'summary']).default('full').meta({ description: '`summary` leaves the body out (lists and cards).' }),
  nextToken: z.string().max(400).optional(),
  maxResults: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListContentQuery = z.infer<typeof ListContentQuery>;

export const ListContentOutput = z
  .object({ content: z.array(Content), nextToken: z.string().optional() })
  .meta({ id: 'ListContentOutput' });

export const ContentVersion = z
  .object({
    version: z.number().int(),
    savedAt: z.string(),
    savedBy: z.string().optional(),
    savedByName: z.string(),
    note: z.string(),
    status: ContentStatus,
    title: z.string(),
  })
  .meta({ id: 'ContentVersion' });

export const ContentDiffLine = z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() }).meta({ id: 'ContentDiffLine' });
export const ContentDiff = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    fields: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
    body: z.array(ContentDiffLine),
  })
  .meta({ id: 'ContentDiff' });

export const Rsvp = z
  .object({
    contentId: z.string(),
    status: z.enum(RSVP_STATUSES),
    waitlistPosition: z.number().int().optional(),
    createdAt: z.string(),
  })
  .meta({ id: 'ContentRsvp' });
