import { Fragment } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Route } from './+types/admin.mailbox';
import { cn } from '../lib/cn.ts';
import { PageTitle } from '../features/account/components/settings-section.tsx';
import { formatDateTime } from '../features/account/format.ts';
import { useDevMailbox } from '../features/admin/api/dev-mailbox.ts';
import { ListError, ListLoading } from '../components/ui/list-state.tsx';
import { Notice } from '../components/ui/form-alert.tsx';
import type { components } from '../lib/api/schema.d.ts';
import { pageMeta } from '../lib/seo.ts';

export const meta: Route.MetaFunction = (args) => [
  ...pageMeta(args, {
    title: 'Dev mailbox — The house office',
    description: 'Mail kept while no SMTP server is configured.',
    image: 'private-client-salon',
  }),
  { name: 'robots', content: 'noindex' },
];

type DevMail = components['schemas']['DevMail'];

const URL_PATTERN = /(https?:\/\/[^\s<>"')]+)/g;

/**
 * The plain-text body with its web addresses as links. The HTML body is never rendered: mail is content
 * from outside the app, and text is what the house writes anyway.
 */
function Linkified({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} className="break-all text-gold-deep underline underline-offset-4 hover:text-ink" rel="noreferrer">
            {part}
          </a>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

export default function AdminMailbox() {
  const mailbox = useDevMailbox();
  const [params] = useSearchParams();
  const messages = mailbox.data?.messages ?? [];
  const openId = params.get('message') ?? messages[0]?.id;
  const open = messages.find((m) => m.id === openId);

  return (
    <>
      <PageTitle
        eyebrow="The house office"
        title="Dev mailbox"
        lede="Letters the platform wrote while no SMTP server was configured: confirmations, password links. For demonstrations and development."
      />
      {mailbox.data?.smtpConfigured && (
        <Notice title="Mail is being delivered" className="mb-10">
          An SMTP server is configured, so new mail leaves the platform and does not appear here.
        </Notice>
      )}
      {mailbox.isPending ? (
        <ListLoading />
      ) : mailbox.isError ? (
        <ListError error={mailbox.error} />
      ) : messages.length === 0 ? (
        <p className="border-y border-line py-10 text-center text-stone">The mailbox is empty.</p>
      ) : (
        <div className="grid gap-10 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <nav aria-label="Messages">
            <ul className="divide-y divide-line border-y border-line">
              {messages.map((m) => (
                <li key={m.id}>
                  <Link
                    to={`?message=${m.id}`}
                    aria-current={m.id === open?.id ? 'true' : undefined}
                    className={cn('block px-4 py-4 transition-colors', m.id === open?.id ? 'bg-sand' : 'hover:bg-sand/60')}
                  >
                    <span className="block truncate text-ink">{m.subject}</span>
                    <span className="mt-1 flex justify-between gap-4 text-xs text-stone">
                      <span className="truncate">{m.to}</span>
                      <span className="shrink-0">{formatDateTime(m.createdAt)}</span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {open && <Message mail={open} />}
        </div>
      )}
    </>
  );
}

function Message({ mail }: { mail: DevMail }) {
  return (
    <article aria-labelledby="mail-subject" className="border border-line bg-ivory p-8 md:p-10">
      <h2 id="mail-subject" className="display text-3xl text-ink">
        {mail.subject}
      </h2>
      <dl className="mt-5 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
        <dt className="text-stone">To</dt>
        <dd className="text-ink">{mail.to}</dd>
        <dt className="text-stone">Written</dt>
        <dd className="text-ink">{formatDateTime(mail.createdAt)}</dd>
      </dl>
      <div className="mt-8 border-t border-line pt-8 text-[0.9375rem] leading-relaxed whitespace-pre-wrap text-ink-soft">
        <Linkified text={mail.text} />
      </div>
    </article>
  );
}
