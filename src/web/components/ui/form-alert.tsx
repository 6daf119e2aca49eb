import type { ReactNode } from 'react';
import { cn } from '../../lib/cn.ts';
import { problemMessage, type ApiProblem } from '../../lib/api/problem.ts';

type FormAlertProps = {
  problem: ApiProblem | null | undefined;
  /** The fields this form shows inline; their errors are not repeated here. */
  fields?: readonly string[];
  className?: string;
};

/**
 * The form-level error, announced at once. Field errors the form shows beside their fields are summarised
 * in one sentence; any the form has no place for are listed, so nothing the server said is lost.
 */
export function FormAlert({ problem, fields = [], className }: FormAlertProps) {
  if (!problem) return null;
  const unplaced = problem.unplacedFieldErrors(fields);
  const placedCount = Object.keys(problem.fieldErrors).length - unplaced.length;
  const message =
    problem.code === 'ValidationException' && placedCount > 0 && unplaced.length === 0
      ? 'Please review the highlighted details.'
      : problemMessage(problem);
  return (
    <div role="alert" className={cn('border-l-2 border-danger bg-sand px-5 py-4 text-sm leading-relaxed text-ink', className)}>
      <p>{message}</p>
      {unplaced.length > 0 && message !== unplaced[0] && (
        <ul className="mt-2 list-disc space-y-1 pl-5 text-ink-soft">
          {unplaced.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A calm confirmation or note above a form (gold rule instead of red). */
export function Notice({
  title,
  children,
  className,
  tone = 'gold',
}: {
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
  tone?: 'gold' | 'ink';
}) {
  return (
    <div
      role="status"
      className={cn(
        'border-l-2 bg-sand px-5 py-4 text-sm leading-relaxed text-ink',
        tone === 'gold' ? 'border-gold-deep' : 'border-ink',
        className,
      )}
    >
      {title && <p className="font-display text-xl leading-snug text-ink">{title}</p>}
      {children && <div className={cn('text-ink-soft', title ? 'mt-1' : undefined)}>{children}</div>}
    </div>
  );
}
