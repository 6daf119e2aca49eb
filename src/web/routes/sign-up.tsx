import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Route } from './+types/sign-up';
import { ButtonLink } from '../components/ui/button.tsx';
import { AuthFrame } from '../features/auth/components/auth-frame.tsx';
import { SignUpForm, type JoinAs } from '../features/auth/components/sign-up-form.tsx';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) =>
  pageMeta(args, {
    title: 'Join the house',
    description:
      'Create your StyleByZaga account: as a client, for a personal stylist and private previews; or as a stylist, to dress our clients.',
    image: 'private-client-atelier',
  });

export default function SignUp() {
  const [params] = useSearchParams();
  const [joined, setJoined] = useState<{ email: string; joinAs: JoinAs } | null>(null);
  const defaultJoinAs: JoinAs = params.get('as') === 'stylist' ? 'STYLIST' : 'CLIENT';

  if (joined) {
    return (
      <AuthFrame
        eyebrow="Almost there"
        title={
          <>
            Check your <em className="italic">inbox</em>
          </>
        }
        image="private-client-atelier"
      >
        <div role="status" className="space-y-5 text-lg leading-relaxed text-ink-soft">
          <p>
            We have sent a confirmation link to <strong className="font-medium text-ink">{joined.email}</strong>. It stays valid for thirty
            minutes.
          </p>
          {joined.joinAs === 'STYLIST' && (
            <p>When you first sign in we will ask you to set up two-step verification, as for every stylist of the house.</p>
          )}
        </div>
        <div className="mt-12">
          <ButtonLink to="/sign-in" state={{ notice: 'joined', email: joined.email }}>
            Continue to sign in
          </ButtonLink>
        </div>
      </AuthFrame>
    );
  }

  return (
    <AuthFrame
      eyebrow="Join the house"
      title={
        <>
          An account, <em className="italic">in confidence</em>
        </>
      }
      lede={<p>One account for your stylist, your sizes and your appointments, or for the clients you dress.</p>}
      image="private-client-atelier"
      caption="The fitting rooms, by appointment"
      footer={
        <p>
          Already a client?{' '}
          <Link to="/sign-in" className="link-underline text-ink">
            Sign in
          </Link>
        </p>
      }
    >
      <SignUpForm defaultJoinAs={defaultJoinAs} onJoined={(email, joinAs) => setJoined({ email, joinAs })} />
    </AuthFrame>
  );
}
