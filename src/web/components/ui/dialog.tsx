import {
  cloneElement,
  createContext,
  isValidElement,
  lazy,
  Suspense,
  use,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type MouseEvent,
  type ReactElement,
  type ReactNode,
  type RefObject,
} from 'react';

// The panel and Radix's dialog machinery (focus trap, scroll lock, dismissal) load when a dialog is first wanted, or
// about to be (a pointer or focus on its trigger): a page that only might open a dialog never pays for one up front.
const loadPanel = () => import('./dialog-panel.tsx');
const DialogPanel = lazy(loadPanel);

type DialogState = {
  open: boolean;
  setOpen: (open: boolean) => void;
  /** Opens the dialog from this button (its trigger), which takes focus back on close. */
  openFrom: (button: HTMLElement) => void;
  /** The trigger, or whatever had focus when the dialog opened: focus returns there on close. */
  openerRef: RefObject<HTMLElement | null>;
};

const DialogContext = createContext<DialogState | null>(null);

function useDialog(part: string): DialogState {
  const state = use(DialogContext);
  if (!state) throw new Error(`<${part}> must be inside <Dialog>`);
  return state;
}

type DialogProps = {
  /** Controlled: the dialog is open when true (with onOpenChange). Uncontrolled when left out. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  children: ReactNode;
};

/** A dialog's state, shared by its trigger, content and close buttons (the same parts as Radix's, loaded lazily). */
export function Dialog({ open: controlled, onOpenChange, children }: DialogProps) {
  const [uncontrolled, setUncontrolled] = useState(false);
  const open = controlled ?? uncontrolled;
  const openerRef = useRef<HTMLElement | null>(null);
  const setOpen = useCallback(
    (next: boolean) => {
      if (controlled === undefined) setUncontrolled(next);
      onOpenChange?.(next);
    },
    [controlled, onOpenChange],
  );
  // Opened from outside (a controlled dialog with a plain button): remember what had focus before the panel takes it.
  // A layout effect runs before the panel's focus trap moves focus inside.
  useLayoutEffect(() => {
    if (open && document.activeElement instanceof HTMLElement && !openerRef.current) openerRef.current = document.activeElement;
    if (!open) openerRef.current = null;
  }, [open]);
  const openFrom = useCallback(
    (button: HTMLElement) => {
      openerRef.current = button;
      setOpen(true);
    },
    [setOpen],
  );
  const value = useMemo(() => ({ open, setOpen, openFrom, openerRef }), [open, setOpen, openFrom]);
  return <DialogContext value={value}>{children}</DialogContext>;
}

type PartProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  /** Lends the behaviour to the one child element (a <Button>) instead of rendering a button. */
  asChild?: boolean;
};

/** Renders `asChild`'s child with these props merged in (its own onClick runs first), or a plain button. */
function renderPart(
  { asChild, children, ...own }: PartProps,
  behaviour: ButtonHTMLAttributes<HTMLButtonElement>,
  onClick: (button: HTMLButtonElement) => void,
) {
  const click = (handler: ((event: MouseEvent<HTMLButtonElement>) => void) | undefined) => (event: MouseEvent<HTMLButtonElement>) => {
    handler?.(event);
    if (!event.defaultPrevented) onClick(event.currentTarget);
  };
  if (asChild && isValidElement(children)) {
    const child = children as ReactElement<ButtonHTMLAttributes<HTMLButtonElement>>;
    return cloneElement(child, { ...own, ...behaviour, onClick: click(child.props.onClick) });
  }
  return (
    <button type="button" {...own} {...behaviour} onClick={click(own.onClick)}>
      {children}
    </button>
  );
}

/** The button that opens the dialog. */
export function DialogTrigger(props: PartProps) {
  const { open, openFrom } = useDialog('DialogTrigger');
  const warm = () => void loadPanel();
  return renderPart(
    props,
    {
      'aria-haspopup': 'dialog',
      'aria-expanded': open,
      onPointerEnter: warm,
      onFocus: warm,
    },
    openFrom,
  );
}

/** A button inside the content that closes the dialog. */
export function DialogClose(props: PartProps) {
  const { setOpen } = useDialog('DialogClose');
  return renderPart(props, {}, () => setOpen(false));
}

type DialogContentProps = {
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  className?: string;
};

/** A centred panel on a dimmed ivory veil (dialog-panel.tsx); the title is required so the dialog always has a name. */
export function DialogContent(props: DialogContentProps) {
  const { open, setOpen, openerRef } = useDialog('DialogContent');
  // Mounted from the first opening on, so closing keeps Radix's exit and a second opening is immediate.
  const [wanted, setWanted] = useState(open);
  if (open && !wanted) setWanted(true);
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <DialogPanel open={open} onOpenChange={setOpen} returnFocusTo={openerRef} {...props} />
    </Suspense>
  );
}
