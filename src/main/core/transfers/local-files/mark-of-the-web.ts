import { writeFile } from 'node:fs/promises'

/**
 * Windows' Mark-of-the-Web for a file downloaded from `link`: the `Zone.Identifier` alternate data
 * stream beside the file, saying it came from the Internet zone (3), as browsers write it. SmartScreen
 * and Office read it before they run or open the file.
 */
export function zoneIdentifier(filePath: string, link: string): { path: string; content: string } {
  // One line per value: a link with a line break must not add lines of its own.
  const url = link.replace(/[\r\n]+/g, '')
  return {
    path: `${filePath}:Zone.Identifier`,
    content: `[ZoneTransfer]\r\nZoneId=3\r\nReferrerUrl=${url}\r\nHostUrl=${url}\r\n`,
  }
}

/**
 * Writes the mark on Windows (NTFS keeps it in the file's alternate stream); elsewhere, or on a file
 * system without streams (FAT, network shares), nothing is written. True when the mark was written.
 */
export async function writeMarkOfTheWeb(filePath: string, link: string, platform: string): Promise<boolean> {
  if (platform !== 'win32') return false
  const zone = zoneIdentifier(filePath, link)
  try {
    await writeFile(zone.path, zone.content)
    return true
  } catch {
    return false
  }
}
