import { expect } from 'vitest';
import type { TestApp } from '../../test/app.ts';
import { accountOf, type TestAccount } from '../../test/identity.ts';
import { wallClock, zonedToInstant } from './availability.ts';

export interface TestStylist extends TestAccount {
  stylistId: string;
  serviceId: string;
}

const EVERY_DAY = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;

export const profile = {
  bio: 'Paris-trained stylist for red carpets and discreet wardrobes.',
  specialties: ['red-carpet', 'wardrobe-edit'],
  styleTags: ['minimalist', 'tailored'],
  languages: ['fr', 'en'],
  experienceYears: 12,
  rate: { amount: 250, currency: 'EUR' },
  city: 'Paris',
  country: 'FR',
  latitude: 48.8566,
  longitude: 2.3522,
  travelRadiusKm: 50,
  timeZone: 'Europe/Paris',
};

/** An APPROVED stylist with a schedule (every day 08:00–20:00 Paris unless given) and one 60-minute service. */
export async function approvedStylist(
  app: TestApp,
  admin: TestAccount,
  opts: { schedule?: object; profile?: Record<string, unknown> } = {},
): Promise<TestStylist> {
  const account = await accountOf(app, 'STYLIST');
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/stylists',
    headers: account.auth,
    payload: { userId: account.userId, ...profile, ...opts.profile },
  });
  expect(created.statusCode, created.body).toBe(201);
  const stylistId = created.json().stylistId as string;
  const approved = await app.inject({
    method: 'POST',
    url: `/api/v1/stylists/${stylistId}/review`,
    headers: admin.auth,
    payload: { decision: 'APPROVE', notes: 'Portfolio checked' },
  });
  expect(approved.statusCode, approved.body).toBe(200);
  const schedule = await app.inject({
    method: 'PUT',
    url: `/api/v1/stylists/${stylistId}/schedule`,
    headers: account.auth,
    payload: opts.schedule ?? {
      timeZone: 'Europe/Paris',
      weekly: EVERY_DAY.map((day) => ({ day, start: '08:00', end: '20:00' })),
      bufferMinutes: 30,
      minNoticeHours: 0,
      horizonDays: 90,
    },
  });
  expect(schedule.statusCode, schedule.body).toBe(200);
  const service = await app.inject({
    method: 'POST',
    url: `/api/v1/stylists/${stylistId}/services`,
    headers: account.auth,
    payload: { kind: 'IN_PERSON_SESSION', name: 'Private session', durationMinutes: 60, price: { amount: 250, currency: 'EUR' } },
  });
  expect(service.statusCode, service.body).toBe(201);
  return { ...account, stylistId, serviceId: service.json().service.serviceId };
}

/** `hour`:00 Paris time on the Paris date `days` days from now, as an ISO instant. */
export function parisMorning(days: number, hour = 10): string {
  const wall = wallClock(Date.now() + days * 86_400_000, 'Europe/Paris');
  const midnight = Math.floor(wall / 86_400_000) * 86_400_000;
  return new Date(zonedToInstant(midnight + hour * 3_600_000, 'Europe/Paris')).toISOString();
}

export const requestPayload = (client: TestAccount, stylist: TestStylist, requestedDate: string, extra: Record<string, unknown> = {}) => ({
  clientId: client.userId,
  stylistId: stylist.stylistId,
  requestedDate,
  serviceId: stylist.serviceId,
  ...extra,
});
