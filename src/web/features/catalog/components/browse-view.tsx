import { lazy, Suspense, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useNavigation } from 'react-router';
import { Container } from '../../../components/ui/container.tsx';
import { cn } from '../../../lib/cn.ts';
import { hasFilters, readBrowseState, searchString, type BrowseState, type FacetKey, type Sort } from '../url-state.ts';
import { FacetSidebar, type FacetGroup, type FacetOption } from './facet-sidebar.tsx';
import { FilterChips } from './filter-chips.tsx';
import { Pagination } from './pagination.tsx';
import { ProductGrid, type ProductCardData } from './product-card.tsx';
import { SortSelect } from './sort-select.tsx';

// The phone's filter sheet loads when Filters is first pressed (or about to be), not with the page.
const loadFilterSheet = () => import('./filter-sheet.tsx');
const FilterSheet = lazy(loadFilterSheet);

export type Crumb = { label: string; to: string };

type BrowseViewProps = {
  eyebrow: string;
  title: ReactNode;
  lede?: ReactNode;
  breadcrumbs?: Crumb[];
  /** Links to narrower departments, above the grid. */
  subcategories?: { label: string; to: string; count?: number }[];
  state: BrowseState;
  groups: FacetGroup[];
  priceRanges?: FacetOption[];
  currency: string;
  products: ProductCardData[];
  total?: number | undefined;
  nextToken: string | undefined;
  sorts: readonly Sort[];
  labelOf?: (key: FacetKey, value: string) => string;
  /** Shown instead of the grid when nothing matches. */
  empty?: ReactNode;
  /** Above the grid, under the toolbar ("Showing results for …"). */
  notice?: ReactNode;
  /** True while a refreshed list for this visitor is being fetched. */
  refreshing?: boolean;
  /** h2 where the page above already has its h1 (the boutique's landing). */
  titleAs?: 'h1' | 'h2';
};

/**
 * The shared body of department and search pages: title, the filters in force, sort, the facet sidebar (a sheet
 * on a phone), the grid and the pages. Every control writes the address; the page's loader does the rest.
 */
export function BrowseView(props: BrowseViewProps) {
  const {
    eyebrow,
    title,
    lede,
    breadcrumbs,
    subcategories,
    state: loaded,
    groups,
    priceRanges,
    currency,
    products,
    total,
    nextToken,
    sorts,
    labelOf,
    empty,
    notice,
    refreshing,
    titleAs: Heading = 'h1',
  } = props;
  const navigate = useNavigate();
  const location = useLocation();
  const navigation = useNavigation();
  // While the next list loads, the controls already show what was asked for (a ticked box stays ticked).
  const pending = navigation.location?.pathname === location.pathname ? navigation.location : undefined;
  const state = pending ? { ...readBrowseState(new URLSearchParams(pending.search)), query: loaded.query } : loaded;
  const [sheetOpen, setSheetOpen] = useState(false);
  const [sheetWanted, setSheetWanted] = useState(false);
  const filtersButton = useRef<HTMLButtonElement>(null);
  const change = (next: BrowseState) => void navigate(`${location.pathname}${searchString(next)}`, { preventScrollReset: true });
  const filterCount =
    state.brands.length +
    state.categories.length +
    state.colors.length +
    state.sizes.length +
    (state.minPrice !== undefined || state.maxPrice !== undefined ? 1 : 0);

  return (
    <>
      <Container as="header" className="pt-12 pb-12 lg:pt-16 lg:pb-16">
        {breadcrumbs && breadcrumbs.length > 0 && (
          <nav aria-label="Breadcrumb">
            <ol className="eyebrow flex flex-wrap items-center gap-2 text-stone">
              {breadcrumbs.map((crumb, i) => (
                <li key={crumb.to} className="flex items-center gap-2">
                  {i > 0 && <span aria-hidden="true">/</span>}
                  {i === breadcrumbs.length - 1 ? (
                    <span aria-current="page" className="text-ink-soft">
                      {crumb.label}
                    </span>
                  ) : (
                    <Link to={crumb.to} className="hover:text-ink">
                      {crumb.label}
                    </Link>
                  )}
                </li>
              ))}
            </ol>
          </nav>
        )}
        <div className="mt-8 grid gap-8 lg:grid-cols-12 lg:items-end">
          <div className="lg:col-span-7">
            <p className="eyebrow text-gold-deep">{eyebrow}</p>
            <Heading id="browse-title" className="display mt-5 text-5xl text-ink sm:text-6xl lg:text-7xl">
              {title}
            </Heading>
          </div>
          {lede && <div className="max-w-md leading-relaxed text-ink-soft lg:col-span-4 lg:col-start-9">{lede}</div>}
        </div>
        {subcategories && subcategories.length > 0 && (
          <ul aria-label="Departments" className="mt-12 flex flex-wrap gap-x-8 gap-y-3 border-t border-line pt-8">
            {subcategories.map((s) => (
              <li key={s.to}>
                <Link to={s.to} className="font-display text-xl text-ink-soft transition-colors hover:text-ink">
                  {s.label}
                  {s.count !== undefined && <span className="ml-2 align-super font-sans text-[0.625rem] text-stone">{s.count}</span>}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Container>

      <Container className="pb-24 lg:pb-32">
        <div className="flex flex-wrap items-center justify-between gap-6 border-y border-line py-4">
          <div className="flex items-center gap-6">
            <button
              ref={filtersButton}
              type="button"
              aria-haspopup="dialog"
              aria-expanded={sheetOpen}
              onPointerEnter={() => void loadFilterSheet()}
              onTouchStart={() => void loadFilterSheet()}
              onFocus={() => void loadFilterSheet()}
              onClick={() => {
                setSheetWanted(true);
                setSheetOpen(true);
              }}
              className="eyebrow inline-flex items-center gap-2 border border-ink px-4 py-2.5 text-ink lg:hidden"
            >
              Filters{filterCount > 0 && <span className="tabular-nums">({filterCount})</span>}
            </button>
            {sheetWanted && (
              <Suspense fallback={null}>
                <FilterSheet open={sheetOpen} onOpenChange={setSheetOpen} returnFocusTo={filtersButton} total={total}>
                  <FacetSidebar groups={groups} priceRanges={priceRanges} currency={currency} state={state} onChange={change} />
                </FilterSheet>
              </Suspense>
            )}
            <p className="text-sm text-stone" aria-live="polite">
              {total !== undefined
                ? `${total.toLocaleString('en-GB')} ${total === 1 ? 'piece' : 'pieces'}`
                : `${products.length} ${products.length === 1 ? 'piece' : 'pieces'} shown`}
            </p>
          </div>
          <SortSelect state={state} options={sorts} onChange={change} />
        </div>
        {hasFilters(state) && (
          <div className="border-b border-line py-4">
            <FilterChips state={state} currency={currency} labelOf={labelOf} onChange={change} />
          </div>
        )}

        <div className="mt-12 grid gap-12 lg:grid-cols-[15rem_1fr] lg:gap-16">
          <aside aria-label="Refine" className="hidden lg:block">
            <FacetSidebar groups={groups} priceRanges={priceRanges} currency={currency} state={state} onChange={change} />
          </aside>
          <div
            aria-busy={refreshing || pending ? true : undefined}
            className={cn('transition-opacity duration-300', (refreshing || pending) && 'opacity-60')}
          >
            <h2 className="sr-only">Pieces</h2>
            {notice}
            {products.length === 0 ? empty : <ProductGrid products={products} label="Pieces" columns={3} priorityCount={3} />}
            <Pagination state={state} nextToken={nextToken} pathname={location.pathname} shown={products.length} />
          </div>
        </div>
      </Container>
    </>
  );
}
