import type { ReactNode } from 'react';

export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
  'aria-required': boolean | undefined;
}

interface FormFieldProps {
  id: string;
  label: ReactNode;
  required?: boolean;
  /** Text, or text with a number kept whole (a <span className="tel">). */
  hint?: ReactNode;
  /** A caution beside the field that must not be missed (患者さんの情報は入力しない), read out with it. */
  notice?: string;
  error?: string | undefined;
  /** Extra class on the field's wrapper, e.g. for its place in a form grid. */
  className?: string;
  /** Renders the control with the id and ARIA wiring that ties it to its label, hint and error. */
  children: (control: FieldControlProps) => ReactNode;
}

/** A visible label, the control, an optional hint and the field's Japanese error right below it. */
export function FormField({ id, label, required, hint, notice, error, className, children }: FormFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const noticeId = notice ? `${id}-notice` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, noticeId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error && 'field-invalid', className].filter(Boolean).join(' ')}>
      <div className="field-label-row">
        <label htmlFor={id}>{label}</label>
        {/* The control itself carries aria-required, so the badge is for the eye only. */}
        {required && (
          <span className="badge-required" aria-hidden="true">
            必須
          </span>
        )}
      </div>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {notice && (
        <p id={noticeId} className="field-notice">
          {notice}
        </p>
      )}
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy, 'aria-required': required || undefined })}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
