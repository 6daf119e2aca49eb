import { Link } from 'react-router';
import { cn } from '../../../lib/cn.ts';
import { contentPath, formatDate, formatLocal, TYPE_LABEL, type Content } from '../api.ts';
import { ContentImage } from './content-image.tsx';

/** One piece in a list: picture, kind, title, standfirst; the whole card is one link. */
export function ContentCard({
  content,
  sizes,
  large = false,
  className,
  priority = false,
  headingLevel = 3,
}: {
  content: Content;
  sizes: string;
  large?: boolean;
  className?: string;
  priority?: boolean;
  /** 2 for a card that stands under the page's h1 with no section heading between (the Journal's lead piece). */
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className={cn('group relative', className)}>
      <ContentImage
        src={content.featuredImage}
        alt=""
        sizes={sizes}
        priority={priority}
        className={large ? 'aspect-[16/10]' : 'aspect-[4/3]'}
      />
      <p className="eyebrow mt-6 text-gold-deep">
        {TYPE_LABEL[content.contentType]}
        {content.audience === 'VIP' ? ' · Private clients' : ''}
      </p>
      <Heading className={cn('display mt-3 text-ink', large ? 'text-4xl sm:text-5xl' : 'text-2xl sm:text-3xl')}>
        <Link
          to={contentPath(content)}
          className="after:absolute after:inset-0 focus-visible:outline-none after:focus-visible:outline-2 after:focus-visible:outline-offset-4 after:focus-visible:outline-focus"
        >
          {content.title}
        </Link>
      </Heading>
      {content.dek && <p className={cn('mt-4 leading-relaxed text-ink-soft', large ? 'text-lg' : 'text-base')}>{content.dek}</p>}
      <p className="mt-4 text-xs tracking-wide text-stone">
        {content.event
          ? `${formatLocal(content.event.localStartsAt)} · ${content.event.place}`
          : `${formatDate(content.publishedAt)} · ${content.readingMinutes} min read`}
      </p>
    </article>
  );
}
