import { ButtonLink } from '../../../components/ui/button.tsx';
import { cn } from '../../../lib/cn.ts';

/**
 * What a visitor who is not a private client sees where a VIP collection would be: an invitation, not a wall.
 * It shows nothing of the pieces themselves: their names and pictures never leave the server for them.
 */
export function VipLock({ title, signedIn, className }: { title: string; signedIn: boolean; className?: string }) {
  return (
    <section
      aria-labelledby="vip-lock-title"
      className={cn('relative overflow-hidden bg-ink py-24 text-center text-ivory sm:py-32', className)}
    >
      <div aria-hidden="true" className="absolute inset-x-0 top-0 h-px bg-gradient-to-r from-transparent via-gold to-transparent" />
      <div className="mx-auto max-w-xl px-6">
        <span
          aria-hidden="true"
          className="mx-auto flex size-14 items-center justify-center rounded-full border border-gold/70 font-display text-2xl text-gold-light"
        >
          ✦
        </span>
        <p className="eyebrow mt-10 text-gold-light">For private clients</p>
        <h2 id="vip-lock-title" className="display mt-6 text-4xl sm:text-5xl">
          {title} is shown <em className="italic">by invitation</em>
        </h2>
        <p className="mx-auto mt-8 max-w-md leading-relaxed text-ivory/80">
          Some pieces are offered first, and sometimes only, to the private clients of the house. Membership is granted by our client
          advisers after a short conversation.
        </p>
        <div className="mt-12 flex flex-col items-center justify-center gap-4 sm:flex-row">
          {signedIn ? (
            <ButtonLink to="/account/membership" variant="inverse">
              Apply for membership
            </ButtonLink>
          ) : (
            <>
              <ButtonLink to="/sign-in" variant="inverse">
                Sign in
              </ButtonLink>
              <ButtonLink to="/sign-up" variant="ghost" className="border-ivory/40! text-ivory! hover:border-ivory!">
                Become a client
              </ButtonLink>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
