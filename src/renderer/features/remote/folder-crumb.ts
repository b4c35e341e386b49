/** A folder on a path from the root: what breadcrumbs, the tree and the chooser navigate with. */
export interface FolderCrumb {
  id: number
  name: string
}
