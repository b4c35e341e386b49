import { useTranslation } from 'react-i18next'
import { Section } from './section'
import { LogoutButton } from './logout-button'
import { SectionIcon } from './section-icon'

interface SidebarProps {
  current: Section
  onSelect(section: Section): void
}

export function Sidebar({ current, onSelect }: SidebarProps) {
  const { t } = useTranslation('shell')
  return (
    <nav className="sidebar" aria-label={t('sections.label')}>
      <div className="sidebar__brand" aria-hidden="true">
        <span className="sidebar__logo">F</span> Fichier Desk
      </div>
      <ul className="sidebar__list">
        {Section.options.map((section) => (
          <li key={section}>
            <button
              type="button"
              className="sidebar__item"
              aria-current={section === current ? 'page' : undefined}
              onClick={() => onSelect(section)}
            >
              <SectionIcon section={section} />
              <span>{t(`sections.${section}`)}</span>
            </button>
          </li>
        ))}
      </ul>
      <LogoutButton />
    </nav>
  )
}
