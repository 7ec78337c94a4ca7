import { t } from '../i18n/i18n.js';

/** The step's work instruction as written by the engineer: numbered lines become a list, the rest paragraphs. */
export function WorkInstruction({ text }: { readonly text: string | null }) {
  const lines = (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const steps = lines.every((l) => /^\d+[.)]\s/.test(l));
  return (
    <details class="instruction" open={lines.length > 0}>
      <summary>{t('instruction.title')}</summary>
      {lines.length === 0 ? (
        <p class="muted">{t('instruction.none')}</p>
      ) : steps ? (
        <ol>{lines.map((l, i) => <li key={i}>{l.replace(/^\d+[.)]\s+/, '')}</li>)}</ol>
      ) : (
        lines.map((l, i) => <p key={i}>{l}</p>)
      )}
    </details>
  );
}
