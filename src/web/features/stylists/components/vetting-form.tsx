import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { toProblem } from '../../../lib/api/problem.ts';
import { useVetStylist, type StylistStatus, type VettingDecision } from '../api/vetting.ts';

const LABELS: Record<VettingDecision, string> = { APPROVE: 'Approve', REJECT: 'Reject', SUSPEND: 'Suspend' };
const DONE: Record<VettingDecision, string> = {
  APPROVE: 'is approved and listed',
  REJECT: 'was not approved',
  SUSPEND: 'is suspended and no longer listed',
};

/** Approve, reject or suspend one stylist, with notes the stylist reads in the studio. */
export function VettingForm({ stylistId, name, status }: { stylistId: string; name: string; status: StylistStatus }) {
  const vet = useVetStylist();
  const { toast } = useToast();
  const [choice, setChoice] = useState<VettingDecision | null>(null);
  const problem = vet.error ? toProblem(vet.error) : null;
  const decisions: VettingDecision[] =
    status === 'APPROVED'
      ? ['SUSPEND']
      : status === 'SUSPENDED'
        ? ['APPROVE']
        : status === 'REJECTED'
          ? ['APPROVE']
          : ['APPROVE', 'REJECT'];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const decision = (submitter?.value as VettingDecision | undefined) ?? decisions[0]!;
    setChoice(decision);
    const notes = String(new FormData(event.currentTarget).get('notes') ?? '').trim();
    vet.mutate({ stylistId, decision, notes }, { onSuccess: () => toast({ title: `${name} ${DONE[decision]}`, tone: 'success' }) });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`Decision on ${name}`} className="space-y-6">
      <FormAlert problem={problem} fields={['notes']} />
      <Field label="Notes for the stylist" hint="Shown to the stylist in their studio, with the decision." error={problem?.field('notes')}>
        {(p) => <Textarea {...p} name="notes" rows={3} maxLength={2000} />}
      </Field>
      <div className="flex flex-wrap gap-4">
        {decisions.map((d, i) => (
          <Button
            key={d}
            type="submit"
            name="decision"
            value={d}
            size="sm"
            variant={i === 0 && d === 'APPROVE' ? 'primary' : 'secondary'}
            loading={vet.isPending && choice === d}
            disabled={vet.isPending}
          >
            {LABELS[d]}
          </Button>
        ))}
      </div>
    </form>
  );
}
