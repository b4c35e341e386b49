import { useTranslation } from 'react-i18next'
import { formatBytes } from '../../../shared/format/format-bytes'
import type { ParsedFileLink } from '../../../shared/links/parsed-link'
import type { CheckedLink } from './use-link-checks'

/** What the user set on one link in the dialog. */
export interface LinkChoice {
  include?: boolean
  password?: string
}

/** Rows drawn at once; the rest are added all the same. */
const SHOWN = 200

/** A link is added unless the check found it gone or malformed, or the user said so. */
export function included(check: CheckedLink | undefined, choice: LinkChoice | undefined): boolean {
  if (choice?.include !== undefined) return choice.include
  return !(
    check?.kind === 'checked' &&
    (check.check.state === 'not-found' || check.check.state === 'bad-link')
  )
}

/**
 * The file links of the paste with what 1fichier's link check says of them (name, size, online, gone,
 * protected), a box to leave one out or take a dead one anyway, and a password for each.
 */
export function CheckedLinks({
  links,
  checks,
  choices,
  onChoice,
}: {
  links: readonly ParsedFileLink[]
  checks: ReadonlyMap<string, CheckedLink>
  choices: ReadonlyMap<string, LinkChoice>
  onChoice(url: string, choice: LinkChoice): void
}) {
  const { t, i18n } = useTranslation('transfers')
  if (links.length === 0) return null
  return (
    <div className="table-wrap checked-links">
      <table className="table" aria-label={t('check.label')}>
        <thead>
          <tr>
            <th>
              <span className="visually-hidden">{t('check.include')}</span>
            </th>
            <th>{t('check.name')}</th>
            <th className="checked-links__num">{t('check.size')}</th>
            <th>{t('check.state')}</th>
            <th>{t('check.password')}</th>
          </tr>
        </thead>
        <tbody>
          {links.slice(0, SHOWN).map((link) => {
            const check = checks.get(link.url)
            const choice = choices.get(link.url)
            const state =
              check === undefined || check.kind === 'checking'
                ? 'checking'
                : check.kind === 'failed'
                  ? 'failed'
                  : check.check.state
            const name = check?.kind === 'checked' && check.check.name ? check.check.name : link.url
            const size = check?.kind === 'checked' ? check.check.size : null
            const password = choice?.password ?? link.password ?? ''
            return (
              <tr key={link.url} data-state={state}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('check.includeOne', { name })}
                    checked={included(check, choice)}
                    onChange={(event) => onChoice(link.url, { ...choice, include: event.target.checked })}
                  />
                </td>
                <td className="checked-links__name" title={link.url}>
                  {name}
                </td>
                <td className="checked-links__num">
                  {size === null ? '—' : formatBytes(size, i18n.language)}
                </td>
                <td>
                  <span className={`link-state link-state--${state}`}>{t(`check.states.${state}`)}</span>
                </td>
                <td>
                  <input
                    className="input input--small"
                    type="password"
                    autoComplete="off"
                    aria-label={t('check.passwordFor', { name })}
                    value={password}
                    onChange={(event) => onChoice(link.url, { ...choice, password: event.target.value })}
                  />
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {links.length > SHOWN ? (
        <p className="field__hint">{t('check.more', { count: links.length - SHOWN })}</p>
      ) : null}
    </div>
  )
}
