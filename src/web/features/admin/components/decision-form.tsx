import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { toProblem } from '../../../lib/api/problem.ts';
import { useDecideVipApplication } from '../api/vip-applications.ts';

/** Approve or decline one VIP application, with internal notes the client never sees. */
export function DecisionForm({ applicationId, applicantName }: { applicationId: string; applicantName: string }) {
  const decide = useDecideVipApplication();
  const { toast } = useToast();
  const [choice, setChoice] = useState<'APPROVE' | 'DECLINE' | null>(null);
  const problem = decide.error ? toProblem(decide.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const decision = submitter?.value === 'DECLINE' ? 'DECLINE' : 'APPROVE';
    setChoice(decision);
    const notes = String(new FormData(event.currentTarget).get('notes') ?? '').trim();
    decide.mutate(
      { applicationId, decision: { decision, notes } },
      {
        onSuccess: () =>
          toast({
            title: decision === 'APPROVE' ? `${applicantName} is now a VIP member` : `Application from ${applicantName} declined`,
            description:
              decision === 'APPROVE' ? 'Privacy mode is on for them, and they will be asked to set up two-step verification.' : undefined,
            tone: 'success',
          }),
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`Decision on ${applicantName}’s application`} className="space-y-6">
      <FormAlert problem={problem} fields={['notes']} />
      <Field label="Internal notes" hint="For the house only; never shown to the client." error={problem?.field('notes')}>
        {(p) => <Textarea {...p} name="notes" rows={3} required maxLength={2000} />}
      </Field>
      <div className="flex flex-wrap gap-4">
        <Button
          type="submit"
          name="decision"
          value="APPROVE"
          size="sm"
          loading={decide.isPending && choice === 'APPROVE'}
          disabled={decide.isPending}
        >
          Approve
        </Button>
        <Button
          type="submit"
          name="decision"
          value="DECLINE"
          variant="secondary"
          size="sm"
          loading={decide.isPending && choice === 'DECLINE'}
          disabled={decide.isPending}
        >
          Decline
        </Button>
      </div>
    </form>
  );
}
