/**
 * Request and response shapes of the stylist marketplace, named after the spec (stylebyzaga.smithy) where it has a
 * name. Times in the API are UTC ISO-8601 instants; the stylist's IANA zone is part of the profile and schedule.
 */
import { z } from 'zod';
import { CURRENCY_CODES } from '../../../shared/money.ts';
import { Money, MoneyInput } from '../../../shared/money-schema.ts';
import { SPECIALTIES, STYLE_TAGS } from '../../../shared/stylist-vocabulary.ts';
import { BOOKING_STATUSES, REQUEST_STATUSES, SERVICE_KINDS, STYLIST_STATUSES, WEEK_DAYS, WINDOW_KINDS } from './schema.ts';

// ───────────────────────────── vocabularies ─────────────────────────────

// One list with the web's (shared/stylist-vocabulary.ts): the enums of the API are made from it.
export { SPECIALTIES, STYLE_TAGS };
export const Specialty = z.enum(SPECIALTIES).meta({ id: 'Specialty' });
export const StyleTag = z.enum(STYLE_TAGS).meta({ id: 'StyleTag' });

export { SERVICE_KINDS };
export const ServiceKind = z.enum(SERVICE_KINDS).meta({ id: 'StylistServiceKind' });

export const StylistStatus = z.enum(STYLIST_STATUSES).meta({ id: 'StylistStatus' });
export const SlotStatus = z.enum(['AVAILABLE', 'BOOKED', 'BLOCKED']).meta({ id: 'SlotStatus' });
export const RequestStatus = z.enum(REQUEST_STATUSES).meta({ id: 'RequestStatus' });
export const BookingStatus = z.enum(BOOKING_STATUSES).meta({ id: 'BookingStatus' });
export const WeekDay = z.enum(WEEK_DAYS).meta({ id: 'WeekDay' });

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz.includes('/') || tz === 'UTC';
  } catch {
    return false;
  }
};
export const TimeZone = z.string().trim().min(1).max(64).refine(isTimeZone, 'Not an IANA time zone, e.g. Europe/Paris');
const instant = z.iso.datetime({ offset: true, message: 'Use an ISO-8601 date-time, e.g. 2026-05-04T09:00:00Z' });
const uuid = (what: string) => z.uuid(`Not a valid ${what} id`);
const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);
const language = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2}$/, 'Use a two-letter ISO 639-1 code, e.g. fr');

// ───────────────────────────── stylists ─────────────────────────────

export const PortfolioItem = z
  .object({
    itemId: z.string(),
    title: z.string(),
    imageUrl: z.string(),
    mediaId: z.string().optional(),
    description: z.string().optional(),
    clientName: z.string().optional(),
    date: z.iso.datetime().optional(),
    tags: z.array(z.string()).optional(),
  })
  .meta({ id: 'PortfolioItem' });
export type PortfolioItem = z.infer<typeof PortfolioItem>;

export const PortfolioItemInput = z
  .strictObject({
    title: text(120).min(1, 'Required'),
    mediaId: uuid('media').optional().describe('An image uploaded through POST /api/v1/media'),
    imageUrl: z
      .string()
      .max(500)
      .regex(/^\/(media|api\/v1\/media)\//, 'Use an image uploaded through the media API')
      .optional(),
    description: text(1000).optional(),
    clientName: text(120).optional(),
    date: instant.optional(),
    tags: z.array(text(40).min(1)).max(12).optional(),
  })
  .refine((v) => v.mediaId !== undefined || v.imageUrl !== undefined, { message: 'Give mediaId (or imageUrl)', path: ['mediaId'] })
  .meta({ id: 'NewPortfolioItem' });
export type PortfolioItemInput = z.infer<typeof PortfolioItemInput>;

export const StylistService = z
  .object({
    serviceId: z.string(),
    kind: ServiceKind,
    name: z.string(),
    description: z.string(),
    durationMinutes: z.number().int(),
    price: Money,
    active: z.boolean(),
  })
  .meta({ id: 'StylistService' });
export type StylistService = z.infer<typeof StylistService>;

export const StylistServiceInput = z
  .strictObject({
    kind: ServiceKind,
    name: text(120).min(1, 'Required'),
    description: text(1000).optional(),
    durationMinutes: z.number().int().min(15, 'At least 15 minutes').max(720, 'At most 12 hours').multipleOf(15, 'Use steps of 15 minutes'),
    price: MoneyInput,
    active: z.boolean().optional(),
  })
  .meta({ id: 'StylistServiceFields' });
export type StylistServiceInput = z.infer<typeof StylistServiceInput>;

export const CancellationPolicy = z
  .object({
    freeCancellationHours: z
      .number()
      .int()
      .min(0)
      .max(720)
      .describe('Free cancellation or rescheduling until this many hours before the start'),
  })
  .meta({ id: 'CancellationPolicy' });
export type CancellationPolicy = z.infer<typeof CancellationPolicy>;

export const Stylist = z
  .object({
    stylistId: z.string(),
    userId: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    headline: z.string(),
    bio: z.string(),
    specialties: z.array(z.string()),
    styleTags: z.array(z.string()),
    languages: z.array(z.string()),
    experienceYears: z.number().int(),
    rate: Money.describe('Hourly rate'),
    portfolio: z.array(PortfolioItem).optional(),
    services: z.array(StylistService),
    rating: z.number().optional().describe('Plain average of the stars (1–5); absent without reviews'),
    reviewCount: z.number().int(),
    responseRate: z.number().describe('Share of requests answered before they expired, 0–1'),
    city: z.string(),
    country: z.string(),
    latitude: z.number().optional(),
    longitude: z.number().optional(),
    travelRadiusKm: z.number().int(),
    offersVirtual: z.boolean(),
    timeZone: z.string(),
    portraitUrl: z.string().optional(),
    cancellationPolicy: CancellationPolicy,
    status: StylistStatus,
    vettingNotes: z.string().optional().describe('Only for the stylist and admins'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime().optional(),
  })
  .meta({ id: 'Stylist' });
export type Stylist = z.infer<typeof Stylist>;

const profileFields = {
  headline: text(140).optional(),
  bio: text(4000).min(1, 'Required'),
  specialties: z.array(Specialty).min(1, 'Pick at least one specialty').max(12),
  styleTags: z.array(StyleTag).max(12).optional(),
  languages: z.array(language).min(1, 'Give at least one language').max(12).optional(),
  portfolio: z.array(PortfolioItemInput).max(40).optional(),
  experienceYears: z.number().int().min(0).max(80).optional(),
  rate: MoneyInput.optional(),
  city: text(80).optional(),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'Use a two-letter ISO 3166 code, e.g. FR')
    .optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  travelRadiusKm: z.number().int().min(0).max(20000).optional(),
  offersVirtual: z.boolean().optional(),
  timeZone: TimeZone.optional(),
};

export const CreateStylistInput = z
  .strictObject({ userId: uuid('user'), ...profileFields, rate: MoneyInput.describe('Hourly rate') })
  .meta({ id: 'CreateStylistInput' });
export type CreateStylistInput = z.infer<typeof CreateStylistInput>;
export const CreateStylistOutput = z.object({ stylistId: z.string(), stylist: Stylist }).meta({ id: 'CreateStylistOutput' });

export const UpdateStylistInput = z
  .strictObject({ ...profileFields, bio: profileFields.bio.optional(), specialties: profileFields.specialties.optional() })
  .meta({ id: 'UpdateStylistInput' });
export type UpdateStylistInput = z.infer<typeof UpdateStylistInput>;
export const GetStylistOutput = z.object({ stylist: Stylist }).meta({ id: 'GetStylistOutput' });
export const UpdateStylistOutput = z.object({ stylist: Stylist }).meta({ id: 'UpdateStylistOutput' });
export const DeleteStylistOutput = z.object({ success: z.boolean() }).meta({ id: 'DeleteStylistOutput' });
export const StylistIdParams = z.strictObject({ stylistId: uuid('stylist') });

/** `a,b` or repeated `?x=a&x=b`. */
const listParam = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(20));

export const ListStylistsQuery = z.strictObject({
  nextToken: z.string().max(200).optional(),
  maxResults: z.coerce.number().int().min(1).max(100).default(20),
  specialties: listParam(Specialty).optional(),
  minExperienceYears: z.coerce.number().int().min(0).max(80).optional(),
  maxRate: z.coerce.number().positive().max(1e9).optional().describe('Hourly rate ceiling, in `currency`'),
  currency: z.enum(CURRENCY_CODES).default('EUR'),
  language: language.optional(),
  city: text(80).optional(),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  availableFrom: instant.optional(),
  availableTo: instant.optional(),
});
export type ListStylistsQuery = z.infer<typeof ListStylistsQuery>;
export const ListStylistsOutput = z
  .object({ stylists: z.array(Stylist), nextToken: z.string().optional() })
  .meta({ id: 'ListStylistsOutput' });

export const AdminListStylistsQuery = z.strictObject({
  status: StylistStatus.default('PENDING_REVIEW'),
  nextToken: z.string().max(200).optional(),
  maxResults: z.coerce.number().int().min(1).max(100).default(20),
});

export const ReviewStylistInput = z
  .strictObject({ decision: z.enum(['APPROVE', 'REJECT', 'SUSPEND']), notes: text(2000).optional() })
  .meta({ id: 'ReviewStylistInput' });
export type ReviewStylistInput = z.infer<typeof ReviewStylistInput>;

// ───────────────────────────── schedule and availability ─────────────────────────────

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Use HH:MM, 00:00–24:00');
export const WeeklyRange = z
  .strictObject({ day: WeekDay, start: clock, end: clock })
  .refine((r) => r.end > r.start, { message: 'The end must come after the start', path: ['end'] })
  .meta({ id: 'WeeklyRange' });

export const Schedule = z
  .object({
    timeZone: z.string(),
    weekly: z.array(z.object({ day: WeekDay, start: z.string(), end: z.string() })),
    bufferMinutes: z.number().int(),
    minNoticeHours: z.number().int(),
    horizonDays: z.number().int(),
  })
  .meta({ id: 'Schedule' });
export type Schedule = z.infer<typeof Schedule>;

export const UpdateScheduleInput = z
  .strictObject({
    timeZone: TimeZone,
    weekly: z.array(WeeklyRange).max(70),
    bufferMinutes: z.number().int().min(0).max(240).default(30),
    minNoticeHours: z.number().int().min(0).max(720).default(24),
    horizonDays: z.number().int().min(1).max(365).default(90),
  })
  .meta({ id: 'UpdateScheduleInput' });
export type UpdateScheduleInput = z.infer<typeof UpdateScheduleInput>;

export const AvailabilitySlot = z
  .object({ slotId: z.string(), startTime: z.iso.datetime(), endTime: z.iso.datetime(), status: SlotStatus })
  .meta({ id: 'AvailabilitySlot' });
export type AvailabilitySlot = z.infer<typeof AvailabilitySlot>;

export const AvailabilityWindowInput = z
  .strictObject({
    slotId: z.string().max(100).optional(),
    startTime: instant,
    endTime: instant,
    status: z.enum(WINDOW_KINDS, 'A window is AVAILABLE (adds time) or BLOCKED (removes it)'),
  })
  .refine((w) => Date.parse(w.endTime) > Date.parse(w.startTime), { message: 'The end must come after the start', path: ['endTime'] });

export const UpdateStylistAvailabilityInput = z
  .strictObject({ availability: z.array(AvailabilityWindowInput).max(500) })
  .meta({ id: 'UpdateStylistAvailabilityInput', description: 'Replaces the upcoming date-specific windows (past ones stay).' });
export type UpdateStylistAvailabilityInput = z.infer<typeof UpdateStylistAvailabilityInput>;
export const UpdateStylistAvailabilityOutput = z
  .object({ availability: z.array(AvailabilitySlot) })
  .meta({ id: 'UpdateStylistAvailabilityOutput' });

export const ScheduleOutput = z
  .object({ schedule: Schedule, windows: z.array(AvailabilitySlot), cancellationPolicy: CancellationPolicy })
  .meta({ id: 'ScheduleOutput' });

export const GetStylistAvailabilityQuery = z.strictObject({
  startDate: instant,
  endDate: instant,
  slotMinutes: z.coerce
    .number()
    .int()
    .min(15)
    .max(720)
    .multipleOf(15)
    .optional()
    .describe('Slot length; default the service duration or 60'),
  serviceId: uuid('service').optional(),
});
export const GetStylistAvailabilityOutput = z
  .object({ availability: z.array(AvailabilitySlot), timeZone: z.string().describe("The stylist's zone (slots are UTC instants)") })
  .meta({ id: 'GetStylistAvailabilityOutput' });

// ───────────────────────────── matching ─────────────────────────────

export const MatchClientWithStylistsQuery = z.strictObject({
  clientId: uuid('client'),
  specialties: listParam(Specialty).optional(),
  maxRate: z.coerce.number().positive().max(1e9).optional(),
  currency: z.enum(CURRENCY_CODES).default('EUR'),
  locationPreference: text(80).optional().describe('A city name, or "virtual"'),
  stylePreferences: listParam(text(40)).optional().describe("Default: the client's saved style preferences"),
  languages: listParam(language).optional(),
  availableFrom: instant.optional().describe('Default: now'),
  availableTo: instant.optional().describe('Default: 14 days after availableFrom'),
  maxResults: z.coerce.number().int().min(1).max(30).default(10),
  timeZone: TimeZone.optional().describe("The client's zone, for wording like “Available Thursday” (default UTC)"),
});
export type MatchClientWithStylistsQuery = z.infer<typeof MatchClientWithStylistsQuery>;
/** The quiz's answers from a visitor: the same filters without an account (style words are given, not read). */
export const IntroduceStylistsQuery = MatchClientWithStylistsQuery.omit({ clientId: true });
export type IntroduceStylistsQuery = z.infer<typeof IntroduceStylistsQuery>;

export const StylistMatch = z
  .object({
    stylist: Stylist,
    matchScore: z.number().min(0).max(1),
    availability: z.array(AvailabilitySlot).describe('The next available slots in the requested window'),
    reasons: z.array(z.string()),
  })
  .meta({ id: 'StylistMatch' });
export type StylistMatch = z.infer<typeof StylistMatch>;
export const MatchClientWithStylistsOutput = z.object({ matches: z.array(StylistMatch) }).meta({ id: 'MatchClientWithStylistsOutput' });

// ───────────────────────────── booking ─────────────────────────────

export const BookingDetails = z
  .object({
    bookingId: z.string(),
    clientId: z.string(),
    stylistId: z.string(),
    startTime: z.iso.datetime(),
    endTime: z.iso.datetime(),
    status: BookingStatus,
    location: z.string().optional(),
    notes: z.string().optional(),
  })
  .meta({ id: 'BookingDetails' });
export type BookingDetails = z.infer<typeof BookingDetails>;

export const RequestStylistInput = z
  .strictObject({
    clientId: uuid('client'),
    stylistId: uuid('stylist'),
    requestedDate: instant,
    requestedDuration: z.number().int().min(15).max(720).optional().describe('Minutes; default the service duration, else 60'),
    serviceId: uuid('service').optional(),
    message: text(2000).optional(),
  })
  .meta({ id: 'RequestStylistInput' });
export type RequestStylistInput = z.infer<typeof RequestStylistInput>;
export const RequestStylistOutput = z.object({ requestId: z.string(), status: RequestStatus }).meta({ id: 'RequestStylistOutput' });

export const AcceptClientRequestInput = z
  .strictObject({ requestId: uuid('request'), stylistId: uuid('stylist'), message: text(2000).optional(), location: text(300).optional() })
  .meta({ id: 'AcceptClientRequestInput' });
export const AcceptClientRequestOutput = z
  .object({ requestId: z.string(), status: RequestStatus, bookingDetails: BookingDetails })
  .meta({ id: 'AcceptClientRequestOutput' });

export const DeclineClientRequestInput = z
  .strictObject({
    requestId: uuid('request'),
    stylistId: uuid('stylist'),
    reason: text(1000).optional(),
    alternativeDates: z.array(instant).max(10).optional(),
  })
  .meta({ id: 'DeclineClientRequestInput' });
export const DeclineClientRequestOutput = z
  .object({ requestId: z.string(), status: RequestStatus })
  .meta({ id: 'DeclineClientRequestOutput' });

export const ClientIdentityShape = z.object({
  displayName: z.string(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  email: z.string().optional(),
  phoneNumber: z.string().optional(),
  isAlias: z.boolean(),
});

export const BookingEvent = z
  .object({ type: z.string(), at: z.iso.datetime(), actorId: z.string().optional(), details: z.record(z.string(), z.unknown()) })
  .meta({ id: 'BookingEvent' });

/** A request as either party sees it, with its booking once accepted. */
export const BookingRequest = z
  .object({
    requestId: z.string(),
    status: RequestStatus,
    clientId: z.string(),
    client: ClientIdentityShape.describe('As the viewer may see the client (alias while a VIP hides)'),
    stylistId: z.string(),
    stylist: z.object({
      stylistId: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      timeZone: z.string(),
      city: z.string().describe('Where the stylist works; copy names the place, not the zone id'),
      portraitUrl: z.string().optional(),
    }),
    serviceId: z.string().optional(),
    serviceName: z.string().optional(),
    requestedDate: z.iso.datetime(),
    requestedDuration: z.number().int(),
    message: z.string().optional(),
    expiresAt: z.iso.datetime(),
    declineReason: z.string().optional(),
    alternativeDates: z.array(z.iso.datetime()),
    booking: BookingDetails.optional(),
    cancellation: z
      .object({ cancelledAt: z.iso.datetime(), cancelledBy: z.string().optional(), reason: z.string().optional(), late: z.boolean() })
      .optional(),
    freeCancellationUntil: z.iso.datetime().describe('Until then cancelling or rescheduling is free'),
    reviewed: z.boolean(),
    history: z.array(BookingEvent).optional(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'BookingRequest' });
export type BookingRequest = z.infer<typeof BookingRequest>;

export const RequestIdParams = z.strictObject({ requestId: uuid('request') });
export const GetBookingRequestOutput = z.object({ request: BookingRequest }).meta({ id: 'GetBookingRequestOutput' });

export const ListBookingsQuery = z.strictObject({
  status: listParam(RequestStatus).optional(),
  from: instant.optional().describe('Requested start at or after'),
  to: instant.optional().describe('Requested start before'),
  order: z
    .enum(['asc', 'desc'])
    .default('asc')
    .describe('By start: `asc` soonest first (what is ahead), `desc` latest first (what is past)'),
  nextToken: z.string().max(200).optional(),
  maxResults: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListBookingsQuery = z.infer<typeof ListBookingsQuery>;
export const ListBookingsOutput = z
  .object({ requests: z.array(BookingRequest), nextToken: z.string().optional() })
  .meta({ id: 'ListBookingsOutput' });

export const CancelBookingInput = z.strictObject({ reason: text(1000).optional() }).meta({ id: 'CancelBookingInput' });
export const RescheduleBookingInput = z
  .strictObject({ requestedDate: instant, requestedDuration: z.number().int().min(15).max(720).optional() })
  .meta({ id: 'RescheduleBookingInput' });
export const CompleteBookingInput = z.strictObject({ outcome: z.enum(['COMPLETED', 'NO_SHOW']) }).meta({ id: 'CompleteBookingInput' });

// ───────────────────────────── reviews ─────────────────────────────

export const StylistReview = z
  .object({
    reviewId: z.string(),
    stylistId: z.string(),
    bookingId: z.string(),
    rating: z.number().int(),
    text: z.string(),
    author: z.string().describe('First name and initial, or an alias'),
    reply: z.string().optional(),
    repliedAt: z.iso.datetime().optional(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'StylistReview' });
export type StylistReview = z.infer<typeof StylistReview>;
export const CreateReviewInput = z
  .strictObject({ rating: z.number().int().min(1, '1 to 5 stars').max(5, '1 to 5 stars'), text: text(4000).min(1, 'Required') })
  .meta({ id: 'CreateReviewInput' });
export const ReplyReviewInput = z.strictObject({ reply: text(2000).min(1, 'Required') }).meta({ id: 'ReplyReviewInput' });
export const ReviewIdParams = z.strictObject({ reviewId: uuid('review') });
export const ReviewOutput = z.object({ review: StylistReview }).meta({ id: 'ReviewOutput' });
export const ListReviewsQuery = z.strictObject({
  nextToken: z.string().max(200).optional(),
  maxResults: z.coerce.number().int().min(1).max(100).default(20),
});
export const ListReviewsOutput = z
  .object({ reviews: z.array(StylistReview), nextToken: z.string().optional() })
  .meta({ id: 'ListReviewsOutput' });

// ───────────────────────────── services, portfolio, policy, calendar ─────────────────────────────

export const ServiceIdParams = z.strictObject({ stylistId: uuid('stylist'), serviceId: uuid('service') });
export const PortfolioItemParams = z.strictObject({ stylistId: uuid('stylist'), itemId: uuid('portfolio item') });
export const StylistServiceOutput = z.object({ service: StylistService }).meta({ id: 'StylistServiceOutput' });
export const PortfolioItemOutput = z.object({ item: PortfolioItem }).meta({ id: 'PortfolioItemOutput' });
export const SuccessOutput = z.object({ success: z.boolean() });
export const CalendarFeedOutput = z
  .object({ url: z.string().describe('Secret .ics URL; anyone with it can read your bookings'), createdAt: z.iso.datetime() })
  .meta({ id: 'CalendarFeedOutput' });
