import { data, Form, useActionData, useNavigation } from 'react-router';
import type { Route } from './+types/house-page';
import { ErrorPage } from '../components/editorial/error-page.tsx';
import { Button } from '../components/ui/button.tsx';
import { Field } from '../components/ui/field.tsx';
import { Input } from '../components/ui/input.tsx';
import { Select } from '../components/ui/select.tsx';
import { Textarea } from '../components/ui/textarea.tsx';
import { getContent, readerPage, type ReaderPage } from '../features/editorial/api.ts';
import { ContentView } from '../features/editorial/components/content-view.tsx';
import { contentMeta } from '../features/editorial/seo.ts';
import { notFoundMeta } from '../features/catalog/seo.ts';
import { ApiProblem, call, toProblem } from '../lib/api/problem.ts';
import { serverApi } from '../lib/api/server.ts';

/** The house's own pages (about, contact, delivery and returns, privacy, terms), written in the house office. */
function slugOf(request: Request): string {
  return new URL(request.url).pathname.replace(/^\/+|\/+$/g, '');
}

export async function loader({ request, context }: Route.LoaderArgs) {
  try {
    const page = await getContent(serverApi(context), slugOf(request));
    if (page.content.contentType !== 'PAGE') return data({ page: null as ReaderPage | null }, { status: 404 });
    return { page: readerPage(page) as ReaderPage | null };
  } catch (error) {
    if (error instanceof ApiProblem && (error.status === 404 || error.status === 400))
      return data({ page: null as ReaderPage | null }, { status: 404 });
    throw error;
  }
}

const TOPICS = ['General', 'An order', 'Delivery and returns', 'Private client services', 'Stylists', 'Press', 'Partnerships'] as const;

/** The contact form posts here, so it works before (or without) the page's scripts. */
export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const body = {
    name: String(form.get('name') ?? ''),
    email: String(form.get('email') ?? ''),
    topic: (TOPICS.find((t) => t === form.get('topic')) ?? 'General') as (typeof TOPICS)[number],
    message: String(form.get('message') ?? ''),
  };
  try {
    await call(serverApi(context).POST('/api/v1/contact-messages', { body }));
    return { sent: true as const, fieldErrors: {} as Record<string, string[]>, message: '' };
  } catch (error) {
    const problem = toProblem(error);
    return data({ sent: false as const, fieldErrors: problem.fieldErrors, message: problem.message }, { status: problem.status || 500 });
  }
}

export const meta: Route.MetaFunction = (args) =>
  args.loaderData?.page ? contentMeta(args, args.loaderData.page.content) : notFoundMeta();

export default function HousePage({ loaderData }: Route.ComponentProps) {
  if (!loaderData.page) return <ErrorPage status={404} />;
  return (
    <>
      <ContentView page={loaderData.page} />
      {loaderData.page.content.slug === 'contact' && <ContactForm />}
    </>
  );
}

function ContactForm() {
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const error = (field: string) => result?.fieldErrors[`body.${field}`]?.join(' ');
  if (result?.sent) {
    return (
      <section className="mx-auto max-w-3xl px-6 pb-24 sm:px-10">
        <p role="status" className="border border-line bg-sand p-8 font-display text-2xl text-ink">
          Thank you. Your message is with the house office, and we will answer within one working day.
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="contact-form-title" className="mx-auto max-w-3xl px-6 pb-24 sm:px-10">
      <h2 id="contact-form-title" className="display text-4xl text-ink">
        Write to <em className="italic">us</em>
      </h2>
      {result && !result.sent && Object.keys(result.fieldErrors).length === 0 && (
        <p role="alert" className="mt-6 text-danger">
          {result.message}
        </p>
      )}
      <Form method="post" className="mt-10 grid gap-6">
        <Field label="Your name" error={error('name')}>
          {(p) => <Input {...p} name="name" autoComplete="name" required maxLength={120} />}
        </Field>
        <Field label="Email" error={error('email')}>
          {(p) => <Input {...p} name="email" type="email" autoComplete="email" required maxLength={254} />}
        </Field>
        <Field label="About" error={error('topic')}>
          {(p) => (
            <Select {...p} name="topic" defaultValue="General">
              {TOPICS.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Your message" error={error('message')}>
          {(p) => <Textarea {...p} name="message" rows={6} required minLength={10} maxLength={4000} />}
        </Field>
        <div>
          <Button type="submit" loading={busy}>
            Send to the house office
          </Button>
        </div>
      </Form>
    </section>
  );
}
