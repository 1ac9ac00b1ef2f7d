export interface BatchResult {
  files: string[];
  /** Proposals that produced no file, with the reason. */
  skipped: string[];
  /** Files written with something missing a clerk should know about. */
  warnings: string[];
  /**
   * Letters written without their body (no reply text yet): they carry a marked place for it
   * and cannot go out as they are. One entry per letter, "0012（区教育局）".
   */
  incomplete: string[];
  zipFile: string | null;
  cancelled: boolean;
}
