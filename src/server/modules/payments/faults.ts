/**
 * Named points between the steps of a payment or a refund (after our row commits, after the provider answered…).
 * Nothing happens there in production; the crash tests install a hook that SIGKILLs the process at one of them, to
 * prove that whatever step a crash interrupts, a restart and the reconciler leave no charge without an order, no
 * paid order without a payment, and a balanced ledger.
 */
export type FaultPoint =
  | 'payment.recorded'
  | 'payment.authorized-at-provider'
  | 'payment.captured-at-provider'
  | 'payment.settled'
  | 'refund.recorded'
  | 'refund.refunded-at-provider'
  | 'refund.settled';

let hook: (point: FaultPoint) => void = () => undefined;

export function setFaultHook(next: (point: FaultPoint) => void): void {
  hook = next;
}

export function fault(point: FaultPoint): void {
  hook(point);
}
