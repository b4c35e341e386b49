import { useTranslation } from 'react-i18next'
import { shell } from '../../../shared/i18n/locales/en/shell'
import { dismissToast, useToasts } from './toast-center'
import type { Toast } from './toast-list'
import './toasts.css'

type AdviceCode = keyof typeof shell.toasts.advice

const hasAdvice = (code: string | undefined): code is AdviceCode =>
  code !== undefined && Object.hasOwn(shell.toasts.advice, code)

function ToastItem({ toast }: { toast: Toast }) {
  const { t } = useTranslation('shell')
  const error = toast.kind === 'error'
  const text =
    error && toast.action
      ? t('toasts.failed', { action: toast.action, message: toast.message })
      : toast.message
  const advice = error
    ? (toast.advice ?? t(`toasts.advice.${hasAdvice(toast.code) ? toast.code : 'default'}`))
    : undefined
  return (
    <div className={`toast-item toast-item--${toast.kind}`} role={error ? 'alert' : 'status'}>
      <div className="toast-item__body">
        <p className="toast-item__message">{text}</p>
        {advice ? <p className="toast-item__advice">{advice}</p> : null}
      </div>
      <button
        type="button"
        className="toast-item__close"
        aria-label={t('toasts.dismiss')}
        title={t('toasts.dismiss')}
        onClick={() => dismissToast(toast.id)}
      >
        ×
      </button>
    </div>
  )
}

/** Where command outcomes and failures appear, bottom right, above the status bar. */
export function ToastRegion() {
  const { t } = useTranslation('shell')
  const toasts = useToasts()
  return (
    <section className="toast-region" aria-label={t('toasts.label')}>
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </section>
  )
}
