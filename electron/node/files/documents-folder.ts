import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The user's documents folder, where a relative path typed in the browser UI is saved (never the
 * program's own folder): "Documents" on Windows and most Linux desktops, "文档" on a Chinese UOS
 * or Kylin desktop, else the home folder.
 */
export function documentsFolder(home = os.homedir()): string {
  for (const name of ['Documents', '文档', 'My Documents']) {
    const dir = path.join(home, name);
    try {
      if (fs.statSync(dir).isDirectory()) return dir;
    } catch {
      // not there: try the next name
    }
  }
  return home;
}
