import { useRef, useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { SettingsSection } from '../../account/components/settings-section.tsx';
import { FormAlert } from '../../../components/ui/form-alert.tsx';
import { ApiProblem, toProblem, unwrap } from '../../../lib/api/problem.ts';
import { useSession } from '../../auth/session.tsx';
import { useAddPortfolioItem, useRemovePortfolioItem } from '../api/studio.ts';
import type { Stylist } from '../api/stylists.ts';
import { imageSources } from '../images.ts';

/**
 * Portfolio pieces: an image uploaded through the media pipeline (checked, re-encoded, stripped of location data),
 * then a title and a caption. Pieces can be removed; the first is the one the profile shows largest.
 */
export function PortfolioEditor({ stylist }: { stylist: Stylist }) {
  const { api } = useSession();
  const add = useAddPortfolioItem(stylist.stylistId);
  const remove = useRemovePortfolioItem(stylist.stylistId);
  const { toast } = useToast();
  const [uploading, setUploading] = useState(false);
  const [uploadProblem, setUploadProblem] = useState<ApiProblem | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const problem = uploadProblem ?? (add.error ? toProblem(add.error) : null);
  const items = stylist.portfolio ?? [];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) {
      setUploadProblem(new ApiProblem(400, { code: 'ValidationException', message: 'Choose an image first.' }));
      return;
    }
    setUploadProblem(null);
    setUploading(true);
    try {
      const upload = new FormData();
      upload.set('purpose', 'PORTFOLIO');
      upload.set('file', file);
      let asset;
      try {
        asset = unwrap(await api.POST('/api/v1/media', { body: upload as never, bodySerializer: (body: unknown) => body as FormData }));
      } catch (error) {
        setUploadProblem(toProblem(error));
        return;
      }
      const title = String(form.get('title') ?? '').trim();
      const description = String(form.get('description') ?? '').trim();
      add.mutate(
        { title, mediaId: asset.mediaId, ...(description ? { description } : {}) },
        {
          onSuccess: () => {
            formRef.current?.reset();
            toast({ title: 'Added to the portfolio', tone: 'success' });
          },
        },
      );
    } finally {
      setUploading(false);
    }
  }

  return (
    <SettingsSection
      title="Portfolio"
      description="Your own photographs of your work; JPEG, PNG, WebP or AVIF, at least 320 px wide. Location data is removed."
    >
      {items.length === 0 ? (
        <p className="text-stone">No piece yet.</p>
      ) : (
        <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
          {items.map((item) => {
            const src = imageSources(item.imageUrl, 640);
            return (
              <li key={item.itemId}>
                <img
                  src={src.src}
                  srcSet={src.srcSet}
                  sizes="(min-width: 1024px) 15vw, 45vw"
                  alt={item.title}
                  loading="lazy"
                  className="aspect-[4/5] w-full bg-veil object-cover"
                />
                <div className="mt-2 flex items-start justify-between gap-2">
                  <p className="text-sm text-ink">{item.title}</p>
                  <button
                    type="button"
                    onClick={() =>
                      remove.mutate(item.itemId, { onSuccess: () => toast({ title: 'Removed from the portfolio', tone: 'success' }) })
                    }
                    className="eyebrow shrink-0 text-ink-soft hover:text-ink"
                    aria-label={`Remove ${item.title}`}
                    disabled={remove.isPending}
                  >
                    Remove
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <form
        ref={formRef}
        onSubmit={(e) => void submit(e)}
        noValidate
        className="mt-10 space-y-6 border-t border-line pt-8"
        aria-label="Add a portfolio piece"
      >
        <FormAlert problem={problem} fields={['title', 'description', 'file']} />
        <div className="grid gap-6 sm:grid-cols-2">
          <Field label="Image" error={problem?.field('file')}>
            {(p) => (
              <input
                {...p}
                type="file"
                name="file"
                accept="image/jpeg,image/png,image/webp,image/avif"
                className="block w-full py-3 text-sm text-ink file:mr-4 file:border file:border-ink file:bg-transparent file:px-4 file:py-2 file:text-xs file:tracking-[0.2em] file:uppercase"
              />
            )}
          </Field>
          <Field label="Title" error={problem?.field('title')}>
            {(p) => <Input {...p} name="title" required maxLength={120} placeholder="e.g. Cannes, the morning after" />}
          </Field>
        </div>
        <Field label="Caption (optional)" error={problem?.field('description')}>
          {(p) => <Input {...p} name="description" maxLength={1000} />}
        </Field>
        <Button type="submit" variant="secondary" size="sm" loading={uploading || add.isPending}>
          Upload and add
        </Button>
      </form>
    </SettingsSection>
  );
}
