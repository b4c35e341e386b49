import { describe, expect, it } from 'vitest'
import { formatRemoteDate } from '../../../src/renderer/features/remote/format-remote-date'
import { relativeFolder, safeSegment } from '../../../src/renderer/features/remote/relative-folder'
import { nameProblem } from '../../../src/renderer/features/remote/name-problem'

describe('nameProblem', () => {
  it('accepts what 1fichier accepts and names what it refuses', () => {
    expect(nameProblem('Holidays 2024')).toBeNull()
    expect(nameProblem('  padded  ')).toBeNull()
    expect(nameProblem('')).toBe('empty')
    expect(nameProblem('   ')).toBe('empty')
    expect(nameProblem('x'.repeat(251))).toBe('tooLong')
    expect(nameProblem('a/b')).toBe('badCharacters')
    expect(nameProblem('a\\b')).toBe('badCharacters')
    expect(nameProblem('tab\there')).toBe('badCharacters')
  })
})

describe('relativeFolder', () => {
  it('joins remote folder names with / as a folder inside the download folder', () => {
    expect(relativeFolder(['Photos', 'Summer'])).toBe('Photos/Summer')
    expect(relativeFolder(['Photos', 'Été'])).toBe('Photos/Été')
    expect(relativeFolder(['Photos'])).toBe('Photos')
  })

  it('never lets a remote name climb out of the folder or break a file system', () => {
    expect(safeSegment('..')).toBe('_')
    expect(safeSegment('.')).toBe('_')
    expect(safeSegment('a/b')).toBe('a_b')
    expect(safeSegment('what? "now": <1|2>*')).toBe('what_ _now__ _1_2__')
    expect(safeSegment('trailing. ')).toBe('trailing')
    expect(relativeFolder(['..', '../etc', 'C:'])).toBe('_/.._etc/C_')
  })
})

describe('formatRemoteDate', () => {
  it('shows 1fichier dates in the language of the interface, as written', () => {
    expect(formatRemoteDate('2024-05-01 14:03:00', 'en')).toBe('May 1, 2024, 2:03 PM')
    expect(formatRemoteDate('2024-05-01 14:03:00', 'fr')).toBe('1 mai 2024, 14:03')
  })

  it('keeps what it does not understand and marks what is missing', () => {
    expect(formatRemoteDate('yesterday', 'en')).toBe('yesterday')
    expect(formatRemoteDate(null, 'en')).toBe('—')
    expect(formatRemoteDate('', 'en')).toBe('—')
  })
})
