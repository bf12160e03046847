// pouchdb-peer.js — PouchDB 9 itself as the other end of Sofra's sync tests
//
// Copyright 2026 The Sofra developers
// SPDX-License-Identifier: GPL-3.0-or-later
//
// node pouchdb-peer.js pull URL   replicates the server database at URL into an in-memory
//                                 PouchDB and prints what it holds
// node pouchdb-peer.js push URL   makes documents, edits, a deletion and conflicts in an
//                                 in-memory PouchDB, replicates them to URL and prints them
// What is printed: one JSON object, id → {rev, deleted, conflicts (sorted), body (without
// underscore members)}, for every document, deleted ones included.
'use strict';

const PouchDB = require('pouchdb').plugin(require('pouchdb-adapter-memory'));

function body(doc) {
  const out = {};
  for (const key of Object.keys(doc)) {
    if (!key.startsWith('_')) out[key] = doc[key];
  }
  return out;
}

async function state(db) {
  const out = {};
  const changes = await db.changes({ style: 'all_docs' });
  for (const change of changes.results) {
    const doc = await db.get(change.id, { conflicts: true, rev: undefined }).catch(() => null);
    if (doc) {
      out[change.id] = {
        rev: doc._rev, deleted: false, conflicts: (doc._conflicts || []).sort(), body: body(doc),
      };
    } else {
      // Deleted: its winning tombstone.
      const revs = await db.get(change.id, { open_revs: 'all' });
      const leaves = revs.map((r) => r.ok).filter(Boolean);
      leaves.sort((a, b) => {
        const [pa, ha] = a._rev.split('-');
        const [pb, hb] = b._rev.split('-');
        return Number(pb) - Number(pa) || (hb > ha ? 1 : hb < ha ? -1 : 0);
      });
      out[change.id] = { rev: leaves[0]._rev, deleted: true, conflicts: [], body: body(leaves[0]) };
    }
  }
  return out;
}

function hex(n) {
  return n.toString(16).padStart(32, '0');
}

async function make(db) {
  for (let i = 0; i < 20; i++) {
    await db.put({
      _id: `session:pouch-${i}`, type: 'session', title: `Dialogue ${i} in Gjilan/Гњилане`,
      kind: 'roundtable', status: 'held', date: '2026-03-0' + (1 + (i % 9)),
    });
  }
  // Edited twice.
  let doc = await db.get('session:pouch-1');
  doc.title = 'Dialogue 1, edited';
  await db.put(doc);
  doc = await db.get('session:pouch-1');
  doc.summary = 'Agreed to meet again';
  await db.put(doc);
  // Deleted.
  doc = await db.get('session:pouch-2');
  await db.remove(doc);
  // A conflict: two branches from one parent, written as replication would.
  const base = { type: 'session', kind: 'workshop', status: 'held', date: '2026-04-01' };
  await db.bulkDocs([
    Object.assign({ _id: 'session:pouch-conflict', _rev: '1-' + hex(1), title: 'First' }, base),
  ], { new_edits: false });
  await db.bulkDocs([
    Object.assign({
      _id: 'session:pouch-conflict', _rev: '2-' + hex(0xa2), title: 'Branch A',
      _revisions: { start: 2, ids: [hex(0xa2), hex(1)] },
    }, base),
    Object.assign({
      _id: 'session:pouch-conflict', _rev: '2-' + hex(0xb2), title: 'Branch B',
      _revisions: { start: 2, ids: [hex(0xb2), hex(1)] },
    }, base),
    Object.assign({
      _id: 'session:pouch-conflict', _rev: '3-' + hex(0xa3), title: 'Branch A, longer',
      _revisions: { start: 3, ids: [hex(0xa3), hex(0xa2), hex(1)] },
    }, base),
  ], { new_edits: false });
  // A conflict whose longer branch is deleted: the live one wins.
  await db.bulkDocs([
    Object.assign({ _id: 'session:pouch-deleted-branch', _rev: '1-' + hex(0x11), title: 'Root' }, base),
  ], { new_edits: false });
  await db.bulkDocs([
    {
      _id: 'session:pouch-deleted-branch', _rev: '2-' + hex(0x12), _deleted: true,
      _revisions: { start: 2, ids: [hex(0x12), hex(0x11)] },
    },
    Object.assign({
      _id: 'session:pouch-deleted-branch', _rev: '2-' + hex(0x02), title: 'Live branch',
      _revisions: { start: 2, ids: [hex(0x02), hex(0x11)] },
    }, base),
  ], { new_edits: false });
}

async function main() {
  const [mode, url] = process.argv.slice(2);
  const local = new PouchDB('peer', { adapter: 'memory' });
  if (mode === 'push') {
    await make(local);
    await local.replicate.to(url);
  } else if (mode === 'pull') {
    await local.replicate.from(url);
  } else {
    throw new Error('usage: pouchdb-peer.js pull|push URL');
  }
  process.stdout.write(JSON.stringify(await state(local)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
