export interface StoredTemplate {
  id: number;
  name: string;
  kind: string;
  source: string;
  /** The built-in template it was copied from, if any. */
  basedOn: string | null;
  updatedAt: string;
}
