import type { ComponentChildren } from 'preact';

/** A labelled control; the hint and the error sit outside the label so the control's name is the label alone. */
export function Field({ label, hint, error, narrow, children }: { label: string; hint?: string; error?: string | undefined; narrow?: boolean; children: ComponentChildren }) {
  return (
    <div class={`field${narrow ? ' narrow' : ''}${error ? ' invalid' : ''}`}>
      <label>
        <span class="label">{label}</span>
        {children}
      </label>
      {hint && !error && <span class="hint">{hint}</span>}
      {error && <span class="field-error">{error}</span>}
    </div>
  );
}
