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
import { call, problemMessage, toProblem, ApiProblem } from '../../../lib/api/problem.ts';
import type { ApiClient } from '../../../lib/api/authed-client.ts';
import type { Content } from '../api.ts';
import { contentPath } from '../api.ts';
import { forSaving, KEPT_NODES, LookNode, ProductRowNode } from './tiptap-nodes.ts';

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

const IMAGES = [
  'journal-quiet-season',
  'journal-riviera',
  'journal-tailoring',
  'journal-jewellery',
  'journal-colour',
  'lookbook-cannes-1',
  'lookbook-evening-1',
  'journal-hero',
];
const imagePath = (name: string) => `/media/generated/editorial/${name}-1280.jpg`;
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

type Found = { productId: string; name: string; brandName: string };

/**
 * The house office's editor: the piece's fields, its body in a rich-text editor (Tiptap) with the shoppable blocks,
 * and the workflow — save (a new version, refused when someone saved since), publish, schedule at a time in the
 * editor's own zone, a signed preview link. Autosaves the working draft every few seconds.
 */
export function ContentEditor({ api, content }: { api: ApiClient; content: Content | undefined }) {
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
      featuredImage: text('featuredImage') ? imagePath(text('featuredImage')) : null,
      audience: text('audience') as 'EVERYONE' | 'VIP',
      body: JSON.stringify(forSaving(editor?.getJSON() ?? { type: 'doc', content: [] })),
      contentType: text('contentType') as Content['contentType'],
      publishAt: text('publishAt'),
    };
  };

  const save = async (next: 'DRAFT' | 'PUBLISHED' | 'SCHEDULED' | 'ARCHIVED' | undefined) => {
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
        navigate(`/admin/journal/${created.contentId}`, { replace: true });
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
      toast({
        title:
          next === 'SCHEDULED'
            ? `Scheduled for ${new Date(updated.publishAt!).toLocaleString()}`
            : next === 'PUBLISHED'
              ? 'Published'
              : 'Saved',
        description: `Version ${updated.version}`,
        tone: 'success',
      });
    } catch (err) {
      const problem = toProblem(err);
      setError(
        problem instanceof ApiProblem && Object.keys(problem.fieldErrors).length
          ? Object.values(problem.fieldErrors).flat().join(' ')
          : problemMessage(problem),
      );
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
    const image = String(new FormData(formRef.current!).get('featuredImage') || IMAGES[0]);
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
            src: imagePath(image),
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
          <Button className="mt-4" variant="secondary" onClick={() => window.location.reload()}>
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
            <Select {...p} name="contentType" defaultValue={content?.contentType ?? 'ARTICLE'} disabled={!!content}>
              {TYPES.map(([v, l]) => (
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
        <Field label="Featured image">
          {(p) => (
            <Select
              {...p}
              name="featuredImage"
              defaultValue={content?.featuredImage?.match(/editorial\/([a-z0-9-]+)-\d+/)?.[1] ?? IMAGES[0]}
            >
              {[
                ...new Set([
                  ...(content?.featuredImage ? [content.featuredImage.match(/editorial\/([a-z0-9-]+)-\d+/)?.[1] ?? IMAGES[0]!] : []),
                  ...IMAGES,
                ]),
              ].map((n) => (
                <option key={n} value={n}>
                  {n.replace(/-/g, ' ')}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>

      <div>
        <div role="toolbar" aria-label="Formatting" className="flex flex-wrap gap-2 border border-b-0 border-line bg-sand p-2">
          <Tool label="Heading" onClick={() => editor?.chain().focus().toggleHeading({ level: 2 }).run()} />
          <Tool label="Bold" onClick={() => editor?.chain().focus().toggleBold().run()} />
          <Tool label="Italic" onClick={() => editor?.chain().focus().toggleItalic().run()} />
          <Tool label="Quote" onClick={() => editor?.chain().focus().toggleBlockquote().run()} />
          <Tool label="List" onClick={() => editor?.chain().focus().toggleBulletList().run()} />
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
        <div className="mt-4 flex flex-wrap gap-3">
          <Button size="sm" variant="secondary" disabled={!picked.length} onClick={insertRow}>
            Insert a row of pieces
          </Button>
          <Button size="sm" variant="secondary" disabled={!picked.length} onClick={insertLook}>
            Insert a look
          </Button>
        </div>
      </fieldset>

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
      <p className="text-sm text-stone" role="status">
        {content ? `Version ${version} · ${status.toLowerCase()}` : 'Not saved yet'}
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
