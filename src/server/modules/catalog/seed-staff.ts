/**
 * Demo seeder `demo-staff`: the two accounts that run the house beside the clients and stylists — a house-office
 * administrator and a brand partner acting for Maison Aurelle — so every area of the platform can be tried at once.
 * They sign in with the demo password; the administrator enrols two-factor authentication at first sign-in.
 */
import { eq } from 'drizzle-orm';
import { createContext } from '../../adapters.ts';
import { loadConfig } from '../../config.ts';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { loadKeys } from '../../security/keys.ts';
import type { Seeder } from '../../seed/seeder.ts';
import { accountIdsByEmail, createUser, DEMO_ADMIN_EMAIL, markEmailVerified } from '../identity/service.ts';
import { brands } from './schema.ts';
import { setPartnerBrand } from './taxonomy.ts';

export const DEMO_STAFF = [
  { email: DEMO_ADMIN_EMAIL, firstName: 'Hélène', lastName: 'Marchal', userType: 'ADMIN' as const },
  {
    email: 'bastien.roche@demo.stylebyzaga.test',
    firstName: 'Bastien',
    lastName: 'Roche',
    userType: 'BRAND_PARTNER' as const,
    house: 'maison-aurelle',
  },
];

/** The seeder creates accounts as the operator would (`npm run create-admin`): an administrator nobody signed in as. */
const OPERATOR = {
  userId: 'operator',
  userType: 'ADMIN',
  tier: 'STANDARD',
  sessionId: 'operator',
  mfaEnabled: true,
  mfaVerifiedAt: null,
} as const;

export const demoStaffSeeder: Seeder = {
  name: 'demo-staff',
  dependsOn: ['catalog-taxonomy'],
  async run(tx: Tx) {
    const { DEMO_PASSWORD } = await import('../stylists/seed.ts');
    const config = loadConfig();
    const ctx: AppContext = { ...createContext(tx, config, loadKeys(config)), mailer: { send: async () => undefined } };
    for (const staff of DEMO_STAFF) {
      let userId: string;
      try {
        userId = (
          await createUser(
            ctx,
            { email: staff.email, password: DEMO_PASSWORD, firstName: staff.firstName, lastName: staff.lastName, userType: staff.userType },
            OPERATOR,
          )
        ).userId;
      } catch (err) {
        if (!(err instanceof ApiError) || err.code !== 'ConflictException') throw err;
        const [id] = await accountIdsByEmail(ctx, [staff.email]);
        if (!id) throw err;
        userId = id;
      }
      await markEmailVerified(tx, userId);
      const house = 'house' in staff ? staff.house : undefined;
      if (house) {
        const [brand] = await tx.select({ id: brands.id }).from(brands).where(eq(brands.slug, house));
        if (!brand) throw new Error(`the demo house ${house} must be seeded first`);
        await setPartnerBrand(tx, userId, brand.id);
      }
    }
    return DEMO_STAFF.length;
  },
};
