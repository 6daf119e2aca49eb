import type { ReactNode } from 'react';
import { ResponsiveImage } from '../../../components/media/responsive-image.tsx';
import { Container } from '../../../components/ui/container.tsx';

type AuthFrameProps = {
  eyebrow: string;
  title: ReactNode;
  lede?: ReactNode;
  /** Generated editorial composition beside the form on wide screens. */
  image: string;
  caption?: ReactNode;
  children: ReactNode;
  /** Quiet links under the form: "New to the house? Join". */
  footer?: ReactNode;
};

/**
 * The threshold pages (sign in, join, reset): a serif title and one form on ivory, a tall picture beside
 * it on wide screens. On a phone the picture is left out; the form is the whole page.
 */
export function AuthFrame({ eyebrow, title, lede, image, caption, children, footer }: AuthFrameProps) {
  return (
    <Container className="grid gap-16 pt-12 pb-24 sm:pt-16 lg:grid-cols-12 lg:items-start lg:pt-20 lg:pb-32">
      <div className="animate-rise-in lg:col-span-5">
        <p className="eyebrow text-gold-deep">{eyebrow}</p>
        <h1 className="display mt-6 text-5xl text-ink sm:text-6xl">{title}</h1>
        <div aria-hidden="true" className="mt-8 h-px w-16 bg-gold" />
        {lede && <div className="mt-8 max-w-md space-y-4 text-lg leading-relaxed text-ink-soft">{lede}</div>}
        <div className="mt-12 max-w-md">{children}</div>
        {footer && <div className="mt-14 max-w-md border-t border-line pt-8 text-sm leading-relaxed text-ink-soft">{footer}</div>}
      </div>
      <figure className="hidden lg:sticky lg:top-10 lg:col-span-6 lg:col-start-7 lg:block">
        <ResponsiveImage
          kind="editorial"
          name={image}
          alt=""
          width={1280}
          height={1600}
          sizes="(min-width: 1024px) 45vw, 0px"
          priority
          className="aspect-[4/5]"
        />
        {caption && <figcaption className="eyebrow mt-5 text-stone">{caption}</figcaption>}
      </figure>
    </Container>
  );
}
