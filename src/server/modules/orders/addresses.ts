/** Saved addresses: sealed at rest like every piece of personal data (decision 003), readable only by their owner. */
import { and, asc, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { AppContext } from '../../context.ts';
import type { Db, Tx } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { decryptJson, encryptJson } from '../../security/crypto.ts';
import type { Address } from './models.ts';
import { savedAddresses } from './schema.ts';

const MAX_SAVED = 20;

export interface SavedAddressView {
  addressId: string;
  label: string;
  address: Address;
  createdAt: string;
}

function present(ctx: AppContext, row: typeof savedAddresses.$inferSelect): SavedAddressView {
  return {
    addressId: row.id,
    label: row.label,
    address: decryptJson<Address>(ctx.keys, row.addressEnc),
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listAddresses(ctx: AppContext, clientId: string): Promise<SavedAddressView[]> {
  const rows = await ctx.db
    .select()
    .from(savedAddresses)
    .where(eq(savedAddresses.clientId, clientId))
    .orderBy(asc(savedAddresses.createdAt), asc(savedAddresses.id));
  return rows.map((r) => present(ctx, r));
}

export async function saveAddressInTx(
  ctx: AppContext,
  tx: Tx,
  clientId: string,
  label: string,
  address: Address,
): Promise<SavedAddressView> {
  const existing = await tx.select().from(savedAddresses).where(eq(savedAddresses.clientId, clientId));
  // The same address saved twice is kept once.
  const same = existing.find((r) => JSON.stringify(decryptJson<Address>(ctx.keys, r.addressEnc)) === JSON.stringify(address));
  if (same) return present(ctx, same);
  if (existing.length >= MAX_SAVED)
    throw new ApiError('ConflictException', `You can keep at most ${MAX_SAVED} addresses; remove one first`);
  const [row] = await tx
    .insert(savedAddresses)
    .values({ id: uuidv7(), clientId, label, country: address.country, addressEnc: encryptJson(ctx.keys, address) })
    .returning();
  return present(ctx, row!);
}

export async function saveAddress(ctx: AppContext, clientId: string, label: string, address: Address): Promise<SavedAddressView> {
  return ctx.db.transaction((tx) => saveAddressInTx(ctx, tx, clientId, label, address));
}

export async function deleteAddress(ctx: AppContext, clientId: string, addressId: string): Promise<void> {
  const gone = await ctx.db
    .delete(savedAddresses)
    .where(and(eq(savedAddresses.id, addressId), eq(savedAddresses.clientId, clientId)))
    .returning({ id: savedAddresses.id });
  if (gone.length === 0) throw new ApiError('ResourceNotFoundException', 'No such address');
}

/** A saved address of this client for an order; another client's (or none) is 404 naming the field. */
export async function addressForOrder(ctx: AppContext, db: Db, clientId: string, addressId: string, field: string): Promise<Address> {
  const [row] = await db
    .select()
    .from(savedAddresses)
    .where(and(eq(savedAddresses.id, addressId), eq(savedAddresses.clientId, clientId)));
  if (!row)
    throw new ApiError('ResourceNotFoundException', 'No such saved address', {
      fieldErrors: { [field]: ['No saved address of yours with this id'] },
    });
  return decryptJson<Address>(ctx.keys, row.addressEnc);
}
