import { ButtonLink } from '../ui/button.tsx';
import { Container } from '../ui/container.tsx';

type ErrorPageProps = { status: number; detail?: string | undefined };

/** A composed apology: the same typography as the rest of the house, and two ways back in. */
export function ErrorPage({ status, detail }: ErrorPageProps) {
  const notFound = status === 404;
  return (
    <Container className="py-24 sm:py-32 lg:py-40">
      <div className="mx-auto max-w-2xl text-center">
        <p className="eyebrow text-gold-deep">{notFound ? 'Error 404' : `Error ${status}`}</p>
        <h1 className="display mt-8 text-5xl text-ink sm:text-7xl">
          {notFound ? (
            <>
              This page has <em className="italic">stepped out</em>
            </>
          ) : (
            <>
              Something went <em className="italic">amiss</em>
            </>
          )}
        </h1>
        <div aria-hidden="true" className="mx-auto mt-10 h-px w-16 bg-gold" />
        <p className="mx-auto mt-10 max-w-lg text-lg leading-relaxed text-ink-soft">
          {notFound
            ? 'The address may have changed, or the piece you were looking for has found a new home. Allow us to show you the way back.'
            : 'We could not prepare this page just now. Please try again in a moment; our team has been told.'}
        </p>
        <div className="mt-12 flex flex-col items-center justify-center gap-4 sm:flex-row">
          <ButtonLink to="/" variant="primary">
            Return home
          </ButtonLink>
          <ButtonLink to="/journal" variant="secondary">
            Read the journal
          </ButtonLink>
        </div>
        {detail && <pre className="mt-16 overflow-x-auto border border-line bg-sand p-6 text-left text-xs text-ink-soft">{detail}</pre>}
      </div>
    </Container>
  );
}
