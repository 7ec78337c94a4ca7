import type { Violation } from '../api/types.js';
import { explain, uniqueViolations } from '../i18n/violations.js';

interface Props {
  readonly violations: readonly Violation[];
  /** A heading such as "Not possible now:". */
  readonly title?: string;
  /** 'alert' for a refusal just received; 'status' for a check shown before pressing. */
  readonly role?: 'alert' | 'status';
  readonly id?: string;
}

/** Every reason an action is not possible, in plain words, each with its stable code for support. */
export function ViolationList({ violations, title, role = 'status', id }: Props) {
  const list = uniqueViolations(violations);
  if (list.length === 0) return null;
  return (
    <div class="violations" role={role} id={id}>
      {title && <p class="violations-title">{title}</p>}
      <ul>
        {list.map((v) => (
          <li key={`${v.code}${v.message}`} data-code={v.code}>
            <span class="violation-text">{explain(v)}</span>
            <code class="violation-code">{v.code}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
