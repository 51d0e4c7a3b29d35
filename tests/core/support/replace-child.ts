// Run by run-until-killed.test.ts: a small stand-in for a backup step — rows written in a
// transaction, then a file replaced durably (temp file, fsync, rename) — to stop anywhere in.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { crashMark } from '../../support/crash/crash-hooks';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: replace-child <dir>');
const db = new Database(path.join(dir, 'data.sqlite3'));
db.pragma('journal_mode = WAL');
db.exec('CREATE TABLE IF NOT EXISTS note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
crashMark('ready');
const insert = db.prepare('INSERT INTO note (text) VALUES (?)');
db.transaction(() => {
  for (let index = 1; index <= 10; index += 1) insert.run(`ghi chú ${index}`);
})();
db.close();
crashMark('written');
const target = path.join(dir, 'copy.txt');
const temp = `${target}.tmp`;
fs.writeFileSync(temp, 'new');
const handle = fs.openSync(temp, 'r+');
fs.fsyncSync(handle);
fs.closeSync(handle);
fs.renameSync(temp, target);
process.stdout.write('replaced\n');
