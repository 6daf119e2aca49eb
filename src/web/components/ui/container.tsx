import type { ElementType, HTMLAttributes } from 'react';
import { cn } from '../../lib/cn.ts';

type ContainerProps = HTMLAttributes<HTMLElement> & { as?: ElementType; width?: 'default' | 'narrow' };

/** The page measure: wide margins that grow with the viewport, a narrower one for reading. */
export function Container({ as: Tag = 'div', width = 'default', className, ...rest }: ContainerProps) {
  return (
    <Tag className={cn('mx-auto w-full px-6 sm:px-10 lg:px-16', width === 'narrow' ? 'max-w-3xl' : 'max-w-[90rem]', className)} {...rest} />
  );
}
