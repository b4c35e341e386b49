import { describe, expect, it } from 'vitest'
import { localActionsFor } from '../../../src/renderer/features/transfers/local-file-action'

describe('localActionsFor', () => {
  it('opens and shows a finished download, and shows the folder of an unfinished one', () => {
    expect(localActionsFor({ kind: 'download', status: 'completed' })).toEqual(['open', 'reveal'])
    for (const status of ['queued', 'active', 'retrying', 'paused', 'failed', 'canceled'] as const)
      expect(localActionsFor({ kind: 'download', status })).toEqual(['reveal'])
  })

  it('shows an upload’s source in its folder, and offers nothing for a remote upload', () => {
    expect(localActionsFor({ kind: 'upload', status: 'completed' })).toEqual(['reveal'])
    expect(localActionsFor({ kind: 'upload', status: 'active' })).toEqual(['reveal'])
    expect(localActionsFor({ kind: 'remote-upload', status: 'completed' })).toEqual([])
  })
})
