/** Line diff (longest common subsequence) between two versions' texts, for the version history. Pure. */

export interface DiffLine {
  op: 'same' | 'added' | 'removed';
  text: string;
}

/** Lines beyond this on either side are compared as one block (a diff of a whole book would cost too much). */
const MAX_LINES = 3_000;

export function diffLines(before: string, after: string): DiffLine[] {
  const a = before ? before.split('\n') : [];
  const b = after ? after.split('\n') : [];
  if (a.length > MAX_LINES || b.length > MAX_LINES) {
    return [...a.map((text) => ({ op: 'removed' as const, text })), ...b.map((text) => ({ op: 'added' as const, text }))];
  }
  // Trim the common head and tail first: most edits touch a few lines in the middle.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const n = midA.length;
  const m = midB.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = midA[i] === midB[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const middle: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (midA[i] === midB[j]) {
      middle.push({ op: 'same', text: midA[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) middle.push({ op: 'removed', text: midA[i++]! });
    else middle.push({ op: 'added', text: midB[j++]! });
  }
  while (i < n) middle.push({ op: 'removed', text: midA[i++]! });
  while (j < m) middle.push({ op: 'added', text: midB[j++]! });
  return [
    ...a.slice(0, head).map((text) => ({ op: 'same' as const, text })),
    ...middle,
    ...a.slice(a.length - tail).map((text) => ({ op: 'same' as const, text })),
  ];
}
