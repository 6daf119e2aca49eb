import { useId, useRef, useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Dialog, DialogContent } from '../../../components/ui/dialog.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { ListError } from '../../../components/ui/list-state.tsx';
import { problemMessage, toProblem } from '../../../lib/api/problem.ts';
import { cn } from '../../../lib/cn.ts';
import { usePictureLibrary, useUploadPicture, type LibraryPicture } from '../office-api.ts';

export type PickedPicture = { src: string; alt: string; caption: string };

type PicturePickerProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  /** A gallery takes several pictures; everything else one. */
  multiple?: boolean;
  /** Ask for a caption and a description (pictures in the body). */
  withCaption?: boolean;
  onPick: (pictures: PickedPicture[]) => void;
};

/**
 * The picture library as a dialog: the writer's editorial uploads and the house's pictures, newest first, with an
 * upload of a new picture (checked and re-encoded by the media pipeline) that is chosen as soon as it arrives.
 */
export function PicturePicker({ open, onOpenChange, title, multiple = false, withCaption = false, onPick }: PicturePickerProps) {
  const library = usePictureLibrary(open);
  const upload = useUploadPicture();
  const [chosen, setChosen] = useState<string[]>([]);
  const [caption, setCaption] = useState('');
  const [alt, setAlt] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const fileRef = useRef<HTMLInputElement>(null);
  const inputId = useId();

  const toggle = (src: string) =>
    setChosen((now) => (multiple ? (now.includes(src) ? now.filter((s) => s !== src) : [...now, src]) : now[0] === src ? [] : [src]));

  const close = (next: boolean) => {
    if (!next) {
      setChosen([]);
      setCaption('');
      setAlt('');
      setProblem(undefined);
    }
    onOpenChange(next);
  };

  async function add(files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    setProblem(undefined);
    try {
      const asset = await upload.mutateAsync(file);
      setChosen((now) => (multiple ? [...now, asset.url] : [asset.url]));
    } catch (error) {
      setProblem(`The picture “${file.name}” was not added: ${problemMessage(toProblem(error))}`);
    } finally {
      if (fileRef.current) fileRef.current.value = '';
    }
  }

  const use = () => {
    const pictures = library.data ?? [];
    const label = (src: string) => pictures.find((p) => p.src === src)?.label ?? '';
    onPick(chosen.map((src) => ({ src, alt: alt.trim() || caption.trim() || label(src), caption: caption.trim() })));
    close(false);
  };

  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent
        title={title}
        description={
          multiple
            ? 'Choose the pictures in the order the gallery shows them, or upload new ones.'
            : 'Choose a picture from the library, or upload a new one.'
        }
        className="max-h-[calc(100dvh-3rem)] max-w-5xl overflow-y-auto p-6 sm:p-10"
      >
        <div className="flex flex-wrap items-center justify-between gap-4 border-b border-line pb-6">
          <p className="text-sm text-ink-soft">JPEG, PNG, WebP or AVIF, up to 20 MB and at least 320 px wide.</p>
          <label
            htmlFor={inputId}
            className="eyebrow inline-flex h-9 cursor-pointer items-center border border-ink px-5 text-[0.625rem] text-ink transition-colors focus-within:outline-2 focus-within:outline-offset-3 focus-within:outline-focus hover:bg-ink hover:text-ivory"
          >
            {upload.isPending ? 'Uploading…' : 'Upload a picture'}
            <input
              id={inputId}
              ref={fileRef}
              type="file"
              accept="image/jpeg,image/png,image/webp,image/avif"
              className="sr-only"
              onChange={(e) => void add(e.target.files)}
            />
          </label>
        </div>
        {problem && (
          <p role="alert" className="mt-4 text-sm text-danger">
            {problem}
          </p>
        )}
        {library.isPending ? (
          <p className="py-10 text-center text-sm text-stone">Opening the library…</p>
        ) : library.isError ? (
          <ListError error={library.error} />
        ) : (
          <ul
            aria-label="Pictures"
            className="mt-6 grid max-h-[min(30rem,38dvh)] grid-cols-2 gap-3 overflow-y-auto pr-1 sm:grid-cols-3 lg:grid-cols-4"
          >
            {library.data.map((p) => (
              <Tile key={p.src} picture={p} chosen={chosen.indexOf(p.src)} multiple={multiple} onToggle={() => toggle(p.src)} />
            ))}
          </ul>
        )}
        {withCaption && (
          <div className="mt-8 grid gap-6 border-t border-line pt-6 md:grid-cols-2">
            <Field label="Caption" hint="Shown under the picture">
              {(f) => <Input {...f} value={caption} maxLength={600} onChange={(e) => setCaption(e.target.value)} />}
            </Field>
            <Field label="Description for screen readers" hint="What the picture shows">
              {(f) => <Input {...f} value={alt} maxLength={300} onChange={(e) => setAlt(e.target.value)} />}
            </Field>
          </div>
        )}
        <div className="mt-8 flex flex-wrap items-center justify-between gap-4 border-t border-line pt-6">
          <p className="text-sm text-stone" role="status">
            {chosen.length === 0 ? 'Nothing chosen yet' : multiple ? `${chosen.length} chosen` : 'One picture chosen'}
          </p>
          <Button disabled={chosen.length === 0} onClick={use}>
            {multiple ? 'Use these pictures' : 'Use this picture'}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}

function Tile({
  picture,
  chosen,
  multiple,
  onToggle,
}: {
  picture: LibraryPicture;
  chosen: number;
  multiple: boolean;
  onToggle: () => void;
}) {
  const on = chosen >= 0;
  return (
    <li>
      <button
        type="button"
        aria-pressed={on}
        aria-label={`${picture.label}${picture.source === 'UPLOAD' ? ' (your upload)' : ''}`}
        onClick={onToggle}
        className={cn(
          'group relative block w-full border bg-sand text-left transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus',
          on ? 'border-ink' : 'border-line hover:border-ink/60',
        )}
      >
        <img
          src={picture.thumb}
          alt=""
          loading="lazy"
          width={picture.width}
          height={picture.height}
          className="aspect-[16/10] w-full object-cover"
          style={picture.placeholder ? { backgroundImage: `url(${picture.placeholder})`, backgroundSize: 'cover' } : undefined}
        />
        <span className="flex items-center justify-between gap-2 px-3 py-2">
          <span className="truncate text-xs text-ink-soft capitalize">{picture.label}</span>
          {picture.source === 'UPLOAD' && <span className="eyebrow shrink-0 text-[0.5625rem] text-gold-deep">Upload</span>}
        </span>
        {on && (
          <span
            aria-hidden="true"
            className="eyebrow absolute top-2 right-2 flex size-7 items-center justify-center bg-ink text-[0.625rem] text-ivory"
          >
            {multiple ? chosen + 1 : '✓'}
          </span>
        )}
      </button>
    </li>
  );
}
