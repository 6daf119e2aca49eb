import type { ReactNode } from 'react';
import type { GeneratedKind } from '../../../shared/media.ts';
import { ResponsiveImage } from '../media/responsive-image.tsx';
import { Container } from '../ui/container.tsx';

type PageHeroProps = {
  eyebrow: string;
  title: ReactNode;
  lede: ReactNode;
  image: { kind: GeneratedKind; name: string; alt: string };
  children?: ReactNode;
};

/** Opening of a landing page: serif title and lede on ivory beside one tall image, which loads first. */
export function PageHero({ eyebrow, title, lede, image, children }: PageHeroProps) {
  return (
    <Container className="grid items-center gap-12 pt-12 pb-20 sm:pt-16 lg:grid-cols-12 lg:gap-16 lg:pt-20 lg:pb-32">
      <div className="animate-rise-in lg:col-span-5">
        <p className="eyebrow text-gold-deep">{eyebrow}</p>
        <h1 className="display mt-8 text-5xl text-ink sm:text-6xl xl:text-7xl">{title}</h1>
        <div aria-hidden="true" className="mt-10 h-px w-16 bg-gold" />
        <div className="mt-10 max-w-md space-y-5 text-lg leading-relaxed text-ink-soft">{lede}</div>
        {children && <div className="mt-12 flex flex-wrap items-center gap-6">{children}</div>}
      </div>
      <ResponsiveImage
        kind={image.kind}
        name={image.name}
        alt={image.alt}
        width={1280}
        height={1600}
        sizes="(min-width: 1024px) 55vw, 100vw"
        priority
        className="aspect-[4/5] lg:col-span-7 lg:aspect-[5/6]"
      />
    </Container>
  );
}
