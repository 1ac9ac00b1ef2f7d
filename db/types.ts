import type Database from 'better-sqlite3';

/** An open connection to the program's database (better-sqlite3). */
export type Db = Database.Database;
