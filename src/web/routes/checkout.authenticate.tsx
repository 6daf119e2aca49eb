import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { Route } from './+types/checkout.authenticate';
import { ButtonLink } from '../components/ui/button.tsx';
import { Container } from '../components/ui/container.tsx';
import { FormAlert, Notice } from '../components/ui/form-alert.tsx';
import { ListError, ListLoading } from '../components/ui/list-state.tsx';
import { RequireAuth } from '../features/auth/require-auth.tsx';
import { usePaymentStatus, type ProcessPaymentOutput } from '../features/payments/api/payments.ts';
import { SandboxAuthentication } from '../features/payments/payment-step.tsx';
import type { ApiProblem } from '../lib/api/problem.ts';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, {
    title: 'Confirm your payment',
    description: 'Secure verification of a card payment.',
    image: 'private-client-salon',
  }),
  { name: 'robots', content: 'noindex' },
];

/** The 3-D Secure step: where a card that asks for authentication sends the client, and back to their order. */
export default function CheckoutAuthenticateRoute() {
  return (
    <RequireAuth>
      <Container width="narrow" className="py-16 sm:py-24">
        <Authenticate />
      </Container>
    </RequireAuth>
  );
}

function Authenticate() {
  const { paymentId = '' } = useParams();
  const [params] = useSearchParams();
  const payment = usePaymentStatus(paymentId);
  const [result, setResult] = useState<{ out: ProcessPaymentOutput | null; problem: ApiProblem | null } | null>(null);
  if (payment.isPending) return <ListLoading rows={3} />;
  if (payment.isError) return <ListError error={payment.error} />;
  const p = payment.data;
  const orderLink = <ButtonLink to={`/account/orders/${p.orderId}`}>See your order</ButtonLink>;
  if (result?.problem) {
    return (
      <div className="space-y-8">
        <FormAlert problem={result.problem} />
        <p className="text-ink-soft">Nothing was taken. You may try again with this card or another one from your order.</p>
        {orderLink}
      </div>
    );
  }
  const status = result?.out?.status ?? p.status;
  if (status === 'REQUIRES_ACTION') {
    return (
      <SandboxAuthentication
        paymentId={paymentId}
        challenge={params.get('challenge') ?? ''}
        amount={p.amount}
        onFinished={(out, problem) => setResult({ out, problem })}
      />
    );
  }
  const title =
    status === 'SUCCEEDED'
      ? 'Thank you — your payment is confirmed'
      : status === 'AUTHORIZED'
        ? 'Your payment is held'
        : `This payment is ${status.toLowerCase().replace('_', ' ')}`;
  return (
    <div className="space-y-8">
      <Notice title={title}>
        {status === 'AUTHORIZED'
          ? 'Our house office reviews orders of this value personally; nothing is taken until it is approved.'
          : status === 'SUCCEEDED'
            ? 'A receipt is on its way to you by email.'
            : 'Nothing more is needed on this page.'}
      </Notice>
      {orderLink}
    </div>
  );
}
