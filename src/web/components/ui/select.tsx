import type { SelectHTMLAttributes } from 'react';
import { fieldControlClasses } from './input.tsx';
import { cn } from '../../lib/cn.ts';

/** A native select drawn like the house's underlined fields. */
export function Select({ className, ...rest }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={cn(fieldControlClasses, 'cursor-pointer', className)} {...rest} />;
}
