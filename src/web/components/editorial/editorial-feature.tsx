import type { ReactNode } from 'react';
import type { GeneratedKind } from '../../../shared/media.ts';
import { cn } from '../../lib/cn.ts';
import { ResponsiveImage } from '../media/responsive-image.tsx';
import { Container } from '../ui/container.tsx';

type EditorialFeatureProps = {
  eyebrow: string;
  title: ReactNode;
  children: ReactNode;
  image: { kind: GeneratedKind; name: string; alt: string };
  /** Puts the image on the right; alternating sides keeps a long page from marching in step. */
  reverse?: boolean;
  id?: string;
  tone?: 'ivory' | 'sand';
};

/** Image and text side by side, the text set narrow and low like a magazine caption block. */
export function EditorialFeature({ eyebrow, title, children, image, reverse = false, id, tone = 'ivory' }: EditorialFeatureProps) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section id={id} aria-labelledby={headingId} className={cn('scroll-mt-8 py-20 lg:py-32', tone === 'sand' && 'bg-sand')}>
      <Container className="grid items-center gap-12 lg:grid-cols-12 lg:gap-16">
        <ResponsiveImage
          kind={image.kind}
          name={image.name}
          alt={image.alt}
          width={1280}
          height={1600}
          sizes="(min-width: 1024px) 50vw, 100vw"
          className={cn('aspect-[4/5] lg:col-span-6', reverse && 'lg:order-2 lg:col-start-7')}
        />
        <div className={cn('lg:col-span-5', reverse ? 'lg:order-1 lg:col-start-1' : 'lg:col-start-8')}>
          <p className="eyebrow text-gold-deep">{eyebrow}</p>
          <h2 id={headingId} className="display mt-6 text-4xl text-ink sm:text-5xl">
            {title}
          </h2>
          <div className="mt-8 space-y-5 leading-relaxed text-ink-soft">{children}</div>
        </div>
      </Container>
    </section>
  );
}
