import { data } from 'react-router';
import type { Route } from './+types/newsletter';
import { ButtonLink } from '../components/ui/button.tsx';
import { Container } from '../components/ui/container.tsx';
import { readSubscription } from '../features/newsletter/subscription.ts';
import { createApiClient } from '../lib/api/client.ts';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, { title: 'The Letter', description: 'Sign up to The Letter from StyleByZaga.', image: 'journal-hero' }),
  { name: 'robots', content: 'noindex' },
];

/**
 * Receives the footer sign-up (also without JavaScript) and records it through the API, which stores the
 * address encrypted and sends the welcome note. It runs on the server, so it calls this process over loopback.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const result = readSubscription(await request.formData());
  if (!result.ok) return data(result, { status: 400 });
  const api = createApiClient(context.apiOrigin);
  const { error, response } = await api.POST('/api/v1/newsletter/subscriptions', {
    body: { email: result.email },
    headers: { 'x-forwarded-for': context.clientIp },
  });
  if (error) {
    const message =
      response.status === 429
        ? 'Too many sign-ups from your connection. Please try again in a little while.'
        : response.status === 400
          ? 'That email address does not look complete.'
          : 'We could not record your address just now. Please try again.';
    return data({ ok: false as const, error: message }, { status: response.status });
  }
  return data(result, { status: 200 });
}

/** Shown only when the form was posted without JavaScript (the footer's fetcher stays on its page). */
export default function Newsletter({ actionData }: Route.ComponentProps) {
  const ok = actionData?.ok === true;
  return (
    <Container width="narrow" className="py-24 text-center sm:py-32">
      <p className="eyebrow text-gold-deep">The Letter</p>
      <h1 className="display mt-8 text-5xl text-ink sm:text-6xl">{ok ? 'Thank you' : 'Sign up to The Letter'}</h1>
      <p className="mx-auto mt-8 max-w-md text-lg leading-relaxed text-ink-soft">
        {ok
          ? 'Your address is noted. The Letter arrives once a month with new collections and private previews.'
          : actionData && !actionData.ok
            ? actionData.error
            : 'Use the form at the foot of any page to receive The Letter.'}
      </p>
      <div className="mt-12">
        <ButtonLink to="/">Return home</ButtonLink>
      </div>
    </Container>
  );
}
