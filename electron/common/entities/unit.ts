export interface Unit {
  id: number;
  name: string;
  /** Letterhead data: the unit's full name, 发文字号 prefix, contact and copy list. */
  fullName: string;
  docPrefix: string;
  contactPerson: string;
  contactPhone: string;
  copyTo: string;
}

export type UnitLetterhead = Omit<Unit, 'id' | 'name'>;
