import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import type { ApiProblem } from '../../../lib/api/problem.ts';
import { call, problemMessage, toProblem } from '../../../lib/api/problem.ts';
import type { ApiClient } from '../../../lib/api/authed-client.ts';
import type { Content } from '../api.ts';
import { contentPath } from '../api.ts';
import { forSaving, KEPT_NODES, LookNode, ProductRowNode } from './tiptap-nodes.ts';
import { PicturePicker, type PickedPicture } from './picture-picker.tsx';
import { VersionHistory } from './version-history.tsx';

const CaptionedImage = Image.extend({
  addAttributes() {
    return { ...this.parent?.(), caption: { default: '' } };
  },
});

const TYPES = [
  ['ARTICLE', 'Article'],
  ['LOOKBOOK', 'Lookbook'],
  ['BRAND_STORY', 'House story'],
  ['EVENT', 'Event'],
  ['PAGE', 'House page'],
] as const;

// A new piece opens with one of the house's pictures; the library offers the rest and the writer's uploads.
const DEFAULT_IMAGE = '/media/generated/editorial/journal-quiet-season-1280.jpg';
/** The smaller rendition of a library picture, for the editor's preview. */
const thumbOf = (src: string) => src.replace(/-1280\.jpg$/, '-640.jpg').replace(/\/1280\.jpg$/, '/640.jpg');
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

type Found = { productId: string; name: string; brandName: string };
type Picking = 'featured' | 'image' | 'gallery' | 'look';

/** How the API names a field, as the editor's labels say it, so an error names what to fix. */
const FIELD_NAMES: Record<string, string> = {
  title: 'Title',
  slug: 'Address',
  dek: 'Standfirst',
  tags: 'Tags',
  featuredImage: 'Featured image',
  featuredImageAlt: 'Featured image description',
  body: 'Body',
  publishAt: 'Publish at',
  timeZone: 'Time zone',
  audience: 'Readers',
  contentType: 'Kind',
  seoTitle: 'SEO title',
  seoDescription: 'SEO description',
  status: 'Status',
};
function describeProblem(problem: ApiProblem): string {
  const entries = Object.entries(problem.fieldErrors);
  if (!entries.length) return problemMessage(problem);
  return entries
    .map(([key, messages]) => {
      const field = key.replace(/^body\./, '').split('.')[0]!;
      return `${FIELD_NAMES[field] ?? field}: ${messages.join(' ')}`;
    })
    .join(' · ');
}

/**
 * The house office's editor: the piece's fields, its body in a rich-text editor (Tiptap) with the shoppable blocks,
 * and the workflow — save (a new version, refused when someone saved since), publish, schedule at a time in the
 * editor's own zone, a signed preview link. Autosaves the working draft every few seconds.
 */
export function ContentEditor({
  api,
  content,
  mode = 'house',
  onReload,
}: {
  api: ApiClient;
  content: Content | undefined;
  /** The house office (every kind, publish, schedule, archive) or a stylist's studio (their own articles, for review). */
  mode?: 'house' | 'stylist';
  /** Reads the piece again (after a restore). */
  onReload?: () => void;
}) {
  const base = mode === 'house' ? '/admin/journal' : '/studio/journal';
  const stylist = mode === 'stylist';
  // A stylist's article is theirs while it is a draft; once published, the house's editors keep it.
  const locked = stylist && !!content && content.status !== 'DRAFT';
  const navigate = useNavigate();
  const { toast } = useToast();
  const [version, setVersion] = useState(content?.version);
  const [error, setError] = useState<string | undefined>();
  const [conflict, setConflict] = useState<Content | undefined>();
  const [status, setStatus] = useState(content?.status ?? 'DRAFT');
  const [busy, setBusy] = useState(false);
  const [picked, setPicked] = useState<Found[]>([]);
  const [found, setFound] = useState<Found[]>([]);
  const [search, setSearch] = useState('');
  const [preview, setPreview] = useState<string | undefined>();
  const [featured, setFeatured] = useState<string | null>(content ? (content.featuredImage ?? null) : DEFAULT_IMAGE);
  const [lookImage, setLookImage] = useState<string | undefined>();
  const [picking, setPicking] = useState<Picking | undefined>();
  const [reviewRequested, setReviewRequested] = useState(content?.reviewRequested ?? false);
  const formRef = useRef<HTMLFormElement>(null);
  const editor = useEditor({
    extensions: [
      StarterKit.configure({ link: { openOnClick: false, protocols: ['https', 'http', 'mailto'] } }),
      CaptionedImage,
      ProductRowNode,
      LookNode,
      ...KEPT_NODES,
    ],
    content: content ? (JSON.parse(content.body) as object) : '<p></p>',
    immediatelyRender: false,
    editorProps: {
      attributes: {
        class: 'editorial-prose min-h-64 border border-line bg-ivory p-6 focus:outline-none',
        'aria-label': 'Body',
        role: 'textbox',
        'aria-multiline': 'true',
      },
    },
  });

  // Autosave: one working draft per editor and piece, kept apart from the versions.
  useEffect(() => {
    if (!content || !editor) return;
    const timer = setInterval(() => {
      void api.PUT('/api/v1/content/{contentId}/autosave', {
        params: { path: { contentId: content.contentId } },
        body: { baseVersion: version ?? content.version, draft: { body: JSON.stringify(forSaving(editor.getJSON())) } },
      });
    }, 15_000);
    return () => clearInterval(timer);
  }, [api, content, editor, version]);

  const fields = () => {
    const form = new FormData(formRef.current!);
    const text = (k: string) => String(form.get(k) ?? '').trim();
    return {
      title: text('title'),
      dek: text('dek'),
      tags: text('tags')
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
      featuredImage: featured,
      audience: text('audience') as 'EVERYONE' | 'VIP',
      body: JSON.stringify(forSaving(editor?.getJSON() ?? { type: 'doc', content: [] })),
      // A disabled control is not in the form's data (the kind of a saved piece, a stylist's article).
      contentType: (text('contentType') || content?.contentType || 'ARTICLE') as Content['contentType'],
      publishAt: text('publishAt'),
    };
  };

  const save = async (next: 'DRAFT' | 'PUBLISHED' | 'SCHEDULED' | 'ARCHIVED' | undefined, submitForReview?: boolean) => {
    setBusy(true);
    setError(undefined);
    const f = fields();
    const schedule = next === 'SCHEDULED' ? { publishAt: f.publishAt, timeZone: browserZone() } : {};
    try {
      if (!content) {
        const created = await call(
          api.POST('/api/v1/content', {
            body: {
              title: f.title,
              contentType: f.contentType,
              body: f.body,
              dek: f.dek,
              tags: f.tags,
              featuredImage: f.featuredImage,
              audience: f.audience,
              status: next ?? 'DRAFT',
              ...schedule,
            },
          }),
        );
        toast({
          title: next === 'SCHEDULED' ? 'Scheduled' : next === 'PUBLISHED' ? 'Published' : 'Saved',
          description: created.content.title,
          tone: 'success',
        });
        navigate(`${base}/${created.contentId}`, { replace: true });
        return;
      }
      const saved = await api.PUT('/api/v1/content/{contentId}', {
        params: { path: { contentId: content.contentId } },
        body: {
          title: f.title,
          body: f.body,
          dek: f.dek,
          tags: f.tags,
          featuredImage: f.featuredImage,
          audience: f.audience,
          expectedVersion: version,
          ...(next ? { status: next } : {}),
          ...(submitForReview !== undefined ? { submitForReview } : {}),
          ...schedule,
        },
      });
      if (saved.response.status === 409) {
        setConflict((saved.error as unknown as { current: Content }).current);
        return;
      }
      const { content: updated } = await call(Promise.resolve(saved));
      setVersion(updated.version);
      setStatus(updated.status);
      setReviewRequested(updated.reviewRequested);
      toast({
        title: submitForReview
          ? 'Sent to the house editors'
          : next === 'SCHEDULED'
            ? `Scheduled for ${new Date(updated.publishAt!).toLocaleString()}`
            : next === 'PUBLISHED'
              ? 'Published'
              : 'Saved',
        description: `Version ${updated.version}`,
        tone: 'success',
      });
    } catch (err) {
      setError(describeProblem(toProblem(err)));
    } finally {
      setBusy(false);
    }
  };

  const find = async (e: FormEvent) => {
    e.preventDefault();
    if (!search.trim()) return;
    const result = await call(api.GET('/api/v1/products/search', { params: { query: { query: search.trim(), maxResults: 8 } } })).catch(
      () => ({ products: [] }),
    );
    setFound(result.products.map((p) => ({ productId: p.productId, name: p.name, brandName: p.brandName })));
  };
  const insertRow = () => {
    // A paragraph after the block, so the cursor leaves it and the next insertion never replaces it.
    editor
      ?.chain()
      .focus()
      .insertContent([
        {
          type: 'productRow',
          attrs: { productIds: picked.map((p) => p.productId), names: picked.map((p) => p.name), title: 'Shop the story' },
        },
        { type: 'paragraph' },
      ])
      .run();
    setPicked([]);
  };
  const insertLook = () => {
    const image = lookImage ?? featured ?? DEFAULT_IMAGE;
    const spots = [
      { x: 50, y: 30 },
      { x: 45, y: 60 },
      { x: 62, y: 80 },
    ];
    editor
      ?.chain()
      .focus()
      .insertContent([
        {
          type: 'look',
          attrs: {
            src: image,
            alt: 'The look',
            caption: 'The look',
            hotspots: picked.slice(0, 3).map((p, i) => ({ ...spots[i]!, productId: p.productId })),
            names: picked.map((p) => p.name),
          },
        },
        { type: 'paragraph' },
      ])
      .run();
    setPicked([]);
  };
  const picked_ = (pictures: PickedPicture[]) => {
    const [first] = pictures;
    if (!first) return;
    if (picking === 'featured') setFeatured(first.src);
    else if (picking === 'look') setLookImage(first.src);
    else if (picking === 'image')
      editor
        ?.chain()
        .focus()
        .insertContent([{ type: 'image', attrs: { src: first.src, alt: first.alt, caption: first.caption } }, { type: 'paragraph' }])
        .run();
    else if (picking === 'gallery')
      editor
        ?.chain()
        .focus()
        .insertContent([
          { type: 'gallery', attrs: { images: pictures.map((p) => ({ src: p.src, alt: p.alt, caption: p.caption })) } },
          { type: 'paragraph' },
        ])
        .run();
  };
  const previewLink = async () => {
    if (!content) return;
    const link = await call(api.POST('/api/v1/content/{contentId}/preview-links', { params: { path: { contentId: content.contentId } } }));
    setPreview(`${window.location.origin}${link.url}`);
  };

  return (
    <form ref={formRef} onSubmit={(e) => e.preventDefault()} className="grid gap-8">
      {conflict && (
        <div role="alert" className="border border-danger p-6 text-sm">
          <p className="font-display text-xl text-ink">
            Someone saved this piece after you opened it (now version {conflict.version}, “{conflict.title}”).
          </p>
          <p className="mt-2 text-ink-soft">Your changes are not saved. Copy what you need, then load the newer version.</p>
          <Button className="mt-4" variant="secondary" onClick={() => (onReload ? onReload() : window.location.reload())}>
            Load the newer version
          </Button>
        </div>
      )}
      {error && (
        <p role="alert" className="text-danger">
          {error}
        </p>
      )}
      <div className="grid gap-6 md:grid-cols-2">
        <Field label="Kind">
          {(p) => (
            <Select {...p} name="contentType" defaultValue={content?.contentType ?? 'ARTICLE'} disabled={!!content || stylist}>
              {(stylist ? TYPES.slice(0, 1) : TYPES).map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Readers">
          {(p) => (
            <Select {...p} name="audience" defaultValue={content?.audience ?? 'EVERYONE'}>
              <option value="EVERYONE">Everyone</option>
              <option value="VIP">Private clients only</option>
            </Select>
          )}
        </Field>
      </div>
      <Field label="Title">{(p) => <Input {...p} name="title" defaultValue={content?.title} required maxLength={200} />}</Field>
      <Field label="Standfirst">{(p) => <Textarea {...p} name="dek" rows={2} defaultValue={content?.dek} maxLength={400} />}</Field>
      <div className="grid gap-6 md:grid-cols-2">
        <Field label="Tags" hint="Separated by commas">
          {(p) => <Input {...p} name="tags" defaultValue={content?.tags.join(', ')} />}
        </Field>
        <div className="space-y-1">
          <p className="eyebrow text-[0.6875rem] text-ink-soft" id="featured-image-label">
            Featured image
          </p>
          <div className="flex items-center gap-4">
            {featured ? (
              <img src={thumbOf(featured)} alt="" width={160} height={90} className="aspect-video w-32 border border-line object-cover" />
            ) : (
              <span className="flex aspect-video w-32 items-center justify-center border border-dashed border-line text-xs text-stone">
                None
              </span>
            )}
            <div className="flex flex-col items-start gap-1">
              <Button size="sm" variant="secondary" aria-describedby="featured-image-label" onClick={() => setPicking('featured')}>
                {featured ? 'Change the picture' : 'Choose a picture'}
              </Button>
              {featured && (
                <Button size="sm" variant="ghost" onClick={() => setFeatured(null)}>
                  Remove
                </Button>
              )}
            </div>
          </div>
        </div>
      </div>

      <div>
        <div role="toolbar" aria-label="Formatting" className="flex flex-wrap gap-2 border border-b-0 border-line bg-sand p-2">
          <Tool label="Heading" onClick={() => editor?.chain().focus().toggleHeading({ level: 2 }).run()} />
          <Tool label="Bold" onClick={() => editor?.chain().focus().toggleBold().run()} />
          <Tool label="Italic" onClick={() => editor?.chain().focus().toggleItalic().run()} />
          <Tool label="Quote" onClick={() => editor?.chain().focus().toggleBlockquote().run()} />
          <Tool label="List" onClick={() => editor?.chain().focus().toggleBulletList().run()} />
          <Tool label="Image" onClick={() => setPicking('image')} />
          <Tool label="Gallery" onClick={() => setPicking('gallery')} />
          <Tool
            label="Link"
            onClick={() => {
              const href = window.prompt('Link to (https://… or /journal/…)');
              if (href) editor?.chain().focus().extendMarkRange('link').setLink({ href }).run();
            }}
          />
        </div>
        <EditorContent editor={editor} />
      </div>

      <fieldset className="border border-line p-6">
        <legend className="eyebrow px-2 text-stone">Shoppable blocks</legend>
        <div className="flex gap-3">
          <Input
            aria-label="Search the boutique"
            placeholder="Search the boutique"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && void find(e)}
          />
          <Button variant="secondary" onClick={(e) => void find(e)}>
            Search
          </Button>
        </div>
        {found.length > 0 && (
          <ul aria-label="Found pieces" className="mt-4 grid gap-2">
            {found.map((p) => (
              <li key={p.productId} className="flex items-center justify-between gap-4 text-sm">
                <span>
                  {p.brandName} — {p.name}
                </span>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => setPicked((x) => (x.some((y) => y.productId === p.productId) ? x : [...x, p]))}
                  aria-label={`Pick ${p.name}`}
                >
                  Pick
                </Button>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-4 text-sm text-ink-soft">
          {picked.length ? `Picked: ${picked.map((p) => p.name).join(', ')}` : 'Pick pieces, then insert them as a row or as a look.'}
        </p>
        <div className="mt-4 flex flex-wrap items-center gap-3 text-sm text-ink-soft">
          <img
            src={thumbOf(lookImage ?? featured ?? DEFAULT_IMAGE)}
            alt=""
            width={96}
            height={54}
            className="aspect-video w-20 border border-line object-cover"
          />
          <span>{lookImage ? 'The look’s picture' : 'The look uses the featured image'}</span>
          <Button size="sm" variant="ghost" onClick={() => setPicking('look')}>
            Choose the look’s picture
          </Button>
        </div>
        <div className="mt-4 flex flex-wrap gap-3">
          <Button size="sm" variant="secondary" disabled={!picked.length} onClick={insertRow}>
            Insert a row of pieces
          </Button>
          <Button size="sm" variant="secondary" disabled={!picked.length} onClick={insertLook}>
            Insert a look
          </Button>
        </div>
      </fieldset>

      {locked ? (
        <p className="border-t border-line pt-8 text-ink-soft">
          This article is with the house now ({status.toLowerCase()}): its editors keep it from here.
        </p>
      ) : stylist ? (
        <div className="flex flex-wrap items-end gap-4 border-t border-line pt-8">
          <Button variant="secondary" loading={busy} onClick={() => void save(content ? undefined : 'DRAFT')}>
            Save draft
          </Button>
          {content && (
            <Button loading={busy} onClick={() => void save(undefined, !reviewRequested)}>
              {reviewRequested ? 'Withdraw from review' : 'Submit for review'}
            </Button>
          )}
          {content && (
            <Button variant="ghost" onClick={() => void previewLink()}>
              Preview link
            </Button>
          )}
        </div>
      ) : (
        <div className="flex flex-wrap items-end gap-4 border-t border-line pt-8">
          <Button variant="secondary" loading={busy} onClick={() => void save(content ? undefined : 'DRAFT')}>
            Save draft
          </Button>
          <Button loading={busy} onClick={() => void save('PUBLISHED')}>
            Publish now
          </Button>
          <label className="grid gap-1 text-sm text-ink-soft">
            Publish at ({browserZone()})
            <Input
              type="datetime-local"
              name="publishAt"
              aria-label="Publish at"
              defaultValue={
                content?.publishAt
                  ? new Date(new Date(content.publishAt).getTime() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
                  : undefined
              }
            />
          </label>
          <Button variant="secondary" loading={busy} onClick={() => void save('SCHEDULED')}>
            Schedule
          </Button>
          {content && (
            <>
              <Button variant="ghost" onClick={() => void save('ARCHIVED')}>
                Archive
              </Button>
              <Button variant="ghost" onClick={() => void previewLink()}>
                Preview link
              </Button>
            </>
          )}
        </div>
      )}
      <p className="text-sm text-stone" role="status">
        {content
          ? `Version ${version} · ${status.toLowerCase()}${reviewRequested ? ' · with the house editors for review' : ''}`
          : 'Not saved yet'}
        {content && status === 'PUBLISHED' ? (
          <>
            {' · '}
            <a className="link-underline" href={contentPath(content)}>
              Read it
            </a>
          </>
        ) : null}
      </p>
      {preview && (
        <p className="break-all text-sm">
          Preview for a week:{' '}
          <a href={preview} className="link-underline">
            {preview}
          </a>
        </p>
      )}
      {content && version !== undefined && (
        <VersionHistory
          contentId={content.contentId}
          currentVersion={version}
          canRestore={!locked}
          onRestored={() => onReload?.()}
          onConflict={(current) => {
            setConflict(current);
            window.scrollTo({ top: 0, behavior: 'smooth' });
          }}
        />
      )}
      <PicturePicker
        open={!!picking}
        onOpenChange={(open) => !open && setPicking(undefined)}
        title={
          picking === 'gallery'
            ? 'Pictures for a gallery'
            : picking === 'image'
              ? 'A picture for the body'
              : picking === 'look'
                ? 'The look’s picture'
                : 'The featured image'
        }
        multiple={picking === 'gallery'}
        withCaption={picking === 'image' || picking === 'gallery'}
        onPick={picked_}
      />
    </form>
  );
}

function Tool({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" onClick={onClick} className="eyebrow border border-line bg-ivory px-3 py-2 text-ink hover:border-ink">
      {label}
    </button>
  );
}
