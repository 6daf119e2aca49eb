import type { TextareaHTMLAttributes } from 'react';
import { cn } from '../../lib/cn.ts';
import { fieldControlClasses } from './input.tsx';

export function Textarea({ className, rows = 4, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea rows={rows} className={cn(fieldControlClasses, 'resize-y leading-relaxed', className)} {...rest} />;
}
