import type { ReactNode } from 'react';

/** A dialog title kept clear of the dialog's Close control, which sits in the top corner, on narrow screens. */
export function DialogTitleText({ children }: { children: ReactNode }) {
  return <span className="block pr-16">{children}</span>;
}
