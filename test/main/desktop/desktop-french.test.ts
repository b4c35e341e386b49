import { describe, expect, it } from 'vitest'
import { DesktopLanguage } from '../../../src/main/app/desktop-language'
import { desktopLocale } from '../../../src/main/app/desktop-text'
import { notificationsFor } from '../../../src/main/app/notification-batcher'
import type { QueueSummary } from '../../../src/main/app/queue-summary'
import { quitDecision } from '../../../src/main/app/quit-decision'
import { trayModel } from '../../../src/main/app/tray-model'
import { emptyStatusCounts } from '../../../src/shared/model/transfer'

const FR = desktopLocale('fr')
const MiB = 1024 * 1024

describe('the desktop in French', () => {
  it('follows the language setting, else the system languages, and rebuilds only when it changes', () => {
    let setting: 'system' | 'en' | 'fr' = 'system'
    const language = new DesktopLanguage(
      () => setting,
      () => ['fr-CA', 'en-US'],
    )
    const first = language.current
    expect(first.language).toBe('fr')
    expect(language.current).toBe(first)
    setting = 'en'
    expect(language.current.language).toBe('en')
  })

  it('tray: tooltip with French numbers and units, and French menu items', () => {
    const summary: QueueSummary = {
      counts: { ...emptyStatusCounts(), active: 2, failed: 1 },
      downSpeed: 2.5 * MiB,
      upSpeed: 0,
      bytesDone: 30 * MiB,
      bytesTotal: 40 * MiB,
    }
    const model = trayModel(summary, { windowVisible: true }, FR)
    expect(model.tooltip.split('\n')).toEqual([
      'Fichier Desk',
      '↓ 2,50 Mo/s  ↑ 0 o/s',
      '75 % de 2 transferts',
      '1 transfert en échec',
    ])
    expect(model.items.flatMap((item) => (item.type === 'item' ? [item.label] : []))).toEqual([
      'Masquer Fichier Desk',
      'Ajouter les liens du presse-papiers',
      'Tout mettre en pause',
      'Tout reprendre',
      'Quitter',
    ])
  })

  it('notifications and the quit question', () => {
    const done = (id: string) => ({
      id,
      kind: 'download' as const,
      name: `${id}.zip`,
      outcome: 'completed' as const,
    })
    expect(notificationsFor([done('a'), done('b'), done('c'), done('d')], FR.t)).toEqual([
      {
        outcome: 'completed',
        title: '4 téléchargements terminés',
        body: 'a.zip, b.zip, c.zip et 1 autre',
        ids: ['a', 'b', 'c', 'd'],
      },
    ])
    const failed = notificationsFor(
      [{ id: 'x', kind: 'upload', name: 'x.bin', outcome: 'failed', error: 'disque plein' }],
      FR.t,
    )
    expect(failed[0]).toMatchObject({ title: 'Échec de l’envoi', body: 'x.bin : disque plein' })
    const counts = { ...emptyStatusCounts(), active: 1, queued: 3 }
    expect(quitDecision(counts, 'user', FR.t)).toMatchObject({
      action: 'ask',
      prompt: {
        message: 'Quitter Fichier Desk ? 1 transfert est en cours et 3 en attente.',
        buttons: ['Quitter', 'Continuer'],
      },
    })
  })
})
