import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { useToast } from '../../../components/ui/toast.tsx';

/**
 * The ten recovery codes, shown once: the server keeps only their hashes. Copy and download make keeping
 * them easy; the person confirms before the codes leave the screen.
 */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { toast } = useToast();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [kept, setKept] = useState(false);

  // The codes replace the form the person was typing in; move focus so screen readers follow.
  useEffect(() => headingRef.current?.focus(), []);

  const text = ['StyleByZaga recovery codes', 'Each code signs you in once when your authenticator is not to hand.', '', ...codes, ''].join(
    '\n',
  );

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      toast({ title: 'Recovery codes copied', description: 'Paste them into your password manager.' });
    } catch {
      toast({ title: 'Could not copy', description: 'Download them instead, or write them down.', tone: 'error' });
    }
  }

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'stylebyzaga-recovery-codes.txt';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <section aria-labelledby={headingId} className="border border-line bg-sand p-8 md:p-10">
      <p className="eyebrow text-gold-deep">Shown once</p>
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="display mt-4 text-3xl text-ink outline-none">
        Your recovery codes
      </h3>
      <p className="mt-4 max-w-xl leading-relaxed text-ink-soft">
        If your phone is lost, each of these codes signs you in once instead of an authenticator code. Keep them somewhere safe, such as
        your password manager; we cannot show them again.
      </p>
      <ol
        aria-label="Recovery codes"
        data-testid="recovery-codes"
        className="mt-8 grid max-w-md grid-cols-2 gap-x-10 gap-y-3 font-mono text-[0.9375rem] tracking-wider text-ink"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <div className="mt-8 flex flex-wrap gap-4">
        <Button variant="secondary" size="sm" onClick={() => void copy()}>
          Copy codes
        </Button>
        <Button variant="secondary" size="sm" onClick={download}>
          Download .txt
        </Button>
      </div>
      <div className="mt-10 border-t border-line pt-8">
        <label className="flex cursor-pointer items-start gap-4 text-ink">
          <input type="checkbox" checked={kept} onChange={(e) => setKept(e.target.checked)} className="mt-1 size-4 accent-ink" />
          <span>I have kept these codes somewhere safe.</span>
        </label>
        <Button className="mt-6" disabled={!kept} onClick={onDone}>
          Done
        </Button>
      </div>
    </section>
  );
}
