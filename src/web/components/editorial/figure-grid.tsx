import type { GeneratedKind } from '../../../shared/media.ts';
import { cn } from '../../lib/cn.ts';
import { ResponsiveImage } from '../media/responsive-image.tsx';

export type FigureItem = { title: string; body: string; image: { kind: GeneratedKind; name: string } };

/** Images with a title and a line of text, for describing what a part of the house offers. */
export function FigureGrid({ items, columns = 4, className }: { items: readonly FigureItem[]; columns?: 3 | 4; className?: string }) {
  return (
    <ul className={cn('grid gap-x-8 gap-y-14 sm:grid-cols-2', columns === 4 ? 'lg:grid-cols-4' : 'lg:grid-cols-3', className)}>
      {items.map((item) => (
        <li key={item.title}>
          <ResponsiveImage
            kind={item.image.kind}
            name={item.image.name}
            alt=""
            width={960}
            height={1280}
            sizes={
              columns === 4
                ? '(min-width: 1024px) 23vw, (min-width: 640px) 50vw, 100vw'
                : '(min-width: 1024px) 30vw, (min-width: 640px) 50vw, 100vw'
            }
            className="aspect-[3/4]"
          />
          <h3 className="display mt-6 text-2xl text-ink">{item.title}</h3>
          <p className="mt-3 text-sm leading-relaxed text-ink-soft">{item.body}</p>
        </li>
      ))}
    </ul>
  );
}
