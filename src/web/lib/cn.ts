/** Joins class names, dropping the falsy ones that conditional styling produces. */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(' ');
}
