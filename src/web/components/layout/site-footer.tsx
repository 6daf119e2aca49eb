import { Link } from 'react-router';
import { NewsletterForm } from '../../features/newsletter/newsletter-form.tsx';
import { Container } from '../ui/container.tsx';
import { Wordmark } from './wordmark.tsx';

const COLUMNS: ReadonlyArray<{ title: string; links: ReadonlyArray<{ label: string; to: string }> }> = [
  {
    title: 'The House',
    links: [
      { label: 'Shop', to: '/shop' },
      { label: 'Stylists', to: '/stylists' },
      { label: 'Concierge', to: '/concierge' },
      { label: 'Journal', to: '/journal' },
    ],
  },
  {
    title: 'Client Services',
    links: [
      { label: 'Personal styling', to: '/stylists#how-it-works' },
      { label: 'Private appointments', to: '/concierge#appointments' },
      { label: 'Showcase enquiries', to: '/concierge#showcase' },
      { label: 'Delivery and returns', to: '/delivery-and-returns' },
      { label: 'Contact', to: '/contact' },
    ],
  },
  {
    title: 'Work With Us',
    links: [
      { label: 'Become a stylist', to: '/stylists#join' },
      { label: 'Brand partnerships', to: '/concierge#partners' },
      { label: 'About the house', to: '/about' },
      { label: 'Terms of service', to: '/terms' },
      { label: 'Privacy notice', to: '/privacy' },
    ],
  },
];

/** Ink footer: the letter, the house links, and the legal line. */
export function SiteFooter() {
  return (
    <footer className="border-t border-ivory/15 bg-ink text-ivory">
      <Container className="grid gap-16 py-20 lg:grid-cols-12 lg:py-28">
        <div className="lg:col-span-5">
          <NewsletterForm />
        </div>
        <nav aria-label="Footer" className="grid grid-cols-2 gap-10 sm:grid-cols-3 lg:col-span-6 lg:col-start-7">
          {COLUMNS.map((column) => (
            <div key={column.title}>
              <h2 className="eyebrow text-gold-light">{column.title}</h2>
              <ul className="mt-6 space-y-3">
                {column.links.map((link) => (
                  <li key={link.to}>
                    <Link to={link.to} className="text-sm text-ivory/85 transition-colors hover:text-ivory">
                      {link.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
      </Container>
      <Container className="flex flex-col gap-6 border-t border-ivory/15 py-10 sm:flex-row sm:items-center sm:justify-between">
        <Wordmark tone="dark" className="text-2xl!" />
        {/* The year is read on the server and again in the browser; on New Year's Eve the two may differ. */}
        <p className="text-xs tracking-wide text-ivory/70" suppressHydrationWarning>
          © {new Date().getFullYear()} StyleByZaga. All rights reserved. Prices, availability and showcase listings are subject to change.
        </p>
      </Container>
    </footer>
  );
}
