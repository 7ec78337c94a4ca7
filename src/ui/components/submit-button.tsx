import type { ComponentChildren } from 'preact';

interface Props {
  readonly enabled: boolean;
  readonly children: ComponentChildren;
  readonly class?: string;
  /** The id of what says why it is not possible (the violations list). */
  readonly describedBy?: string | undefined;
  readonly type?: 'submit' | 'button';
  readonly onClick?: () => void;
}

/**
 * A form's action button. Not possible yet is aria-disabled rather than disabled: a disabled default button would
 * swallow the Enter of a barcode scanner (no implicit submission), and a disabled button cannot be focused to hear
 * why. The form's submit handler checks again before sending anything.
 */
export function ActionButton({ enabled, children, class: cls = 'button primary big', describedBy, type = 'submit', onClick }: Props) {
  return (
    <button
      type={type}
      class={cls}
      aria-disabled={!enabled}
      aria-describedby={enabled ? undefined : describedBy}
      onClick={(e) => {
        if (!enabled) {
          if (type === 'button') e.preventDefault();
          return;
        }
        onClick?.();
      }}
    >
      {children}
    </button>
  );
}
