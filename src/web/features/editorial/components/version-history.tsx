import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog, DialogContent } from '../../../components/ui/dialog.tsx';
import { ListError } from '../../../components/ui/list-state.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { problemMessage, toProblem } from '../../../lib/api/problem.ts';
import { cn } from '../../../lib/cn.ts';
import type { Content } from '../api.ts';
import { StaleRestore, useDiff, useRestoreVersion, useVersions, type ContentVersion } from '../office-api.ts';

const WHEN = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const STATUS = { DRAFT: 'Draft', SCHEDULED: 'Scheduled', PUBLISHED: 'Published', ARCHIVED: 'Archived' } as const;

type VersionHistoryProps = {
  contentId: string;
  /** The version the editor holds: a restore is refused (409) when someone saved after it. */
  currentVersion: number;
  /** A restore succeeded: the editor reloads the piece as restored. */
  onRestored: (content: Content) => void;
  /** Someone saved since: the editor shows its conflict notice with the newer version. */
  onConflict: (current: Content) => void;
  /** Whether this writer may restore (a stylist's published article is the house's now). */
  canRestore: boolean;
};

/** Every save of the piece (who, when, what), a comparison of any two, and a restore with a confirmation. */
export function VersionHistory({ contentId, currentVersion, onRestored, onConflict, canRestore }: VersionHistoryProps) {
  const versions = useVersions(contentId, currentVersion);
  const [pair, setPair] = useState<{ from: number; to: number } | undefined>();
  const [from, setFrom] = useState<number | undefined>();
  const [to, setTo] = useState<number | undefined>();
  const [restoring, setRestoring] = useState<ContentVersion | undefined>();
  const restore = useRestoreVersion(contentId);
  const { toast } = useToast();
  const [restoreError, setRestoreError] = useState<string | undefined>();

  if (versions.isPending) return <p className="text-sm text-stone">Reading the history…</p>;
  if (versions.isError) return <ListError error={versions.error} />;
  const list = versions.data;
  const latest = list[0]?.version ?? currentVersion;
  const chosenFrom = from ?? list[1]?.version ?? latest;
  const chosenTo = to ?? latest;
  const same = chosenFrom === chosenTo;

  const confirmRestore = async () => {
    if (!restoring) return;
    setRestoreError(undefined);
    try {
      const content = await restore.mutateAsync({ version: restoring.version, expectedVersion: currentVersion });
      setRestoring(undefined);
      toast({ title: `Version ${restoring.version} restored`, description: `Saved as version ${content.version}`, tone: 'success' });
      onRestored(content);
    } catch (error) {
      if (error instanceof StaleRestore) {
        setRestoring(undefined);
        onConflict(error.current);
        return;
      }
      setRestoreError(problemMessage(toProblem(error)));
    }
  };

  return (
    <section aria-labelledby="version-history" className="border-t border-line pt-10">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h2 id="version-history" className="display text-3xl text-ink">
          Version history
        </h2>
        <p className="text-sm text-stone">
          {list.length} {list.length === 1 ? 'version' : 'versions'}
        </p>
      </div>
      <p className="mt-3 max-w-2xl leading-relaxed text-ink-soft">
        Every save is kept. Compare any two, or restore an earlier one: it is saved again as the newest version.
      </p>

      <ol aria-label="Versions" className="mt-8 divide-y divide-line border-y border-line">
        {list.map((v) => (
          <li key={v.version} className="flex flex-wrap items-center gap-x-6 gap-y-2 py-4">
            <span className="font-display w-12 text-2xl text-ink">{v.version}</span>
            <div className="min-w-0 flex-1">
              <p className="text-ink">
                {v.note || 'Saved'}
                {v.version === latest && <span className="eyebrow ml-3 text-[0.625rem] text-gold-deep">Current</span>}
              </p>
              <p className="mt-1 text-sm text-stone">
                {v.savedByName} · {WHEN.format(new Date(v.savedAt))} · {STATUS[v.status]}
              </p>
            </div>
            {canRestore && v.version !== latest && (
              <Button size="sm" variant="ghost" onClick={() => setRestoring(v)} aria-label={`Restore version ${v.version}`}>
                Restore
              </Button>
            )}
          </li>
        ))}
      </ol>

      {list.length > 1 && (
        <div className="mt-8 flex flex-wrap items-end gap-4">
          <VersionSelect label="Compare version" versions={list} value={chosenFrom} onChange={setFrom} />
          <VersionSelect label="with version" versions={list} value={chosenTo} onChange={setTo} />
          <Button variant="secondary" disabled={same} onClick={() => setPair({ from: chosenFrom, to: chosenTo })}>
            Compare
          </Button>
          {same && <p className="w-full text-sm text-stone">Choose two different versions to compare.</p>}
        </div>
      )}
      {pair && <DiffView contentId={contentId} pair={pair} />}

      <Dialog open={!!restoring} onOpenChange={(open) => !open && setRestoring(undefined)}>
        <DialogContent
          title={`Restore version ${restoring?.version ?? ''}?`}
          description={
            restoring
              ? `“${restoring.title}”, saved by ${restoring.savedByName} on ${WHEN.format(new Date(restoring.savedAt))}, becomes the newest version (${latest + 1}). Nothing is lost: version ${latest} stays in the history.`
              : undefined
          }
        >
          {restoreError && (
            <p role="alert" className="mb-6 text-sm text-danger">
              {restoreError}
            </p>
          )}
          <div className="flex flex-wrap gap-3">
            <Button loading={restore.isPending} onClick={() => void confirmRestore()}>
              Restore this version
            </Button>
            <Button variant="ghost" onClick={() => setRestoring(undefined)}>
              Keep the current one
            </Button>
          </div>
        </DialogContent>
      </Dialog>
    </section>
  );
}

function DiffView({ contentId, pair }: { contentId: string; pair: { from: number; to: number } }) {
  const diff = useDiff(contentId, pair);
  if (diff.isPending) return <p className="mt-8 text-sm text-stone">Comparing…</p>;
  if (diff.isError) return <ListError error={diff.error} />;
  const { fields, body } = diff.data;
  const changed = body.some((l) => l.op !== 'same');
  return (
    <div role="region" aria-label={`Changes from version ${pair.from} to version ${pair.to}`} className="mt-8 border border-line bg-ivory">
      <p className="eyebrow border-b border-line bg-sand px-5 py-3 text-ink-soft">
        Version {pair.from} → version {pair.to}
      </p>
      {fields.length === 0 && !changed && <p className="px-5 py-6 text-ink-soft">These two versions are the same.</p>}
      {fields.length > 0 && (
        <dl className="divide-y divide-line">
          {fields.map((f) => (
            <div key={f.field} className="grid gap-2 px-5 py-4 md:grid-cols-[10rem_1fr]">
              <dt className="eyebrow text-stone">{f.field}</dt>
              <dd className="grid gap-1 text-sm break-words">
                <del className="bg-danger/10 px-2 py-1 text-ink-soft">{f.before || '—'}</del>
                <ins className="bg-gold/15 px-2 py-1 text-ink no-underline">{f.after || '—'}</ins>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {changed && (
        <div className="border-t border-line">
          <p className="eyebrow px-5 pt-4 text-stone">Body</p>
          <ol aria-label="Body changes" className="px-5 py-3 font-mono text-[0.8125rem] leading-relaxed">
            {body.map((line, i) => (
              <li
                key={i}
                className={cn(
                  'px-2 break-words whitespace-pre-wrap',
                  line.op === 'added' && 'bg-gold/15 text-ink',
                  line.op === 'removed' && 'bg-danger/10 text-ink-soft line-through',
                  line.op === 'same' && 'text-stone',
                )}
              >
                <span aria-hidden="true" className="mr-2 inline-block w-3 select-none">
                  {line.op === 'added' ? '+' : line.op === 'removed' ? '−' : ''}
                </span>
                <span className="sr-only">{line.op === 'added' ? 'Added: ' : line.op === 'removed' ? 'Removed: ' : ''}</span>
                {line.text || ' '}
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}

/** One end of the comparison: a version chosen from the piece's list. */
function VersionSelect(props: { label: string; versions: Array<{ version: number }>; value: number; onChange: (version: number) => void }) {
  const name = props.label.charAt(0).toUpperCase() + props.label.slice(1);
  return (
    <label className="grid gap-1 text-sm text-ink-soft">
      {props.label}
      <Select aria-label={name} value={props.value} onChange={(e) => props.onChange(Number(e.target.value))} className="w-32">
        {props.versions.map((v) => (
          <option key={v.version} value={v.version}>
            {v.version}
          </option>
        ))}
      </Select>
    </label>
  );
}
