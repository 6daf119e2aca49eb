// A platform instance in a child process, for crash.test.ts. `commit`: two accounts, a conversation, a message and 20
// notices committed, then SIGKILL at once (nothing delivered yet). `serve`: runs the job workers until SIGTERM.
import type { Actor } from '../../../http/auth.ts';
import { bootChild, exitOnSigterm } from '../../../test/crash-child.ts';
import { createUser, SYSTEM_OPERATOR } from '../../identity/service.ts';
import { notify } from '../../notifications/service.ts';
import { openBookingConversation, sendMessage } from '../service.ts';

const mode = process.argv[2];
const { app, database } = await bootChild({}, { runJobs: mode === 'serve' });

if (mode === 'commit') {
  const password = 'velvet-orchid-sunrise-47';
  const client = await createUser(
    app.ctx,
    { email: 'crash.client@crash.test', password, firstName: 'Ines', lastName: 'Moreau', userType: 'CLIENT', acceptTerms: true } as never,
    SYSTEM_OPERATOR,
  );
  const stylist = await createUser(
    app.ctx,
    {
      email: 'crash.stylist@crash.test',
      password,
      firstName: 'Camille',
      lastName: 'Laurent',
      userType: 'STYLIST',
      acceptTerms: true,
    } as never,
    SYSTEM_OPERATOR,
  );
  const as = (userId: string, userType: Actor['userType']): Actor => ({
    userId,
    userType,
    tier: 'STANDARD',
    sessionId: 'crash',
    mfaEnabled: true,
    mfaVerifiedAt: null,
  });
  const conversationId = await app.db.transaction((tx) =>
    openBookingConversation(app.ctx, tx, {
      clientId: client.userId,
      stylistUserId: stylist.userId,
      bookingRequestId: crypto.randomUUID(),
      startTime: new Date().toISOString(),
      durationMinutes: 60,
    }),
  );
  await sendMessage(app.ctx, as(stylist.userId, 'STYLIST'), {
    senderId: stylist.userId,
    recipientId: client.userId,
    conversationId,
    content: 'Your ivory gown is ready.',
  });
  await app.db.transaction(async (tx) => {
    for (let i = 0; i < 20; i++)
      await notify(tx, app.ctx, {
        userId: client.userId,
        kind: 'order.status',
        title: `Your order number ${i} moved`,
        body: `Order ${i}.`,
        link: '/account/orders',
      });
  });
  process.stdout.write('committed\n');
  process.kill(process.pid, 'SIGKILL');
} else {
  exitOnSigterm({ app, database });
  process.stdout.write('serving\n');
}
