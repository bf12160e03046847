// pouchdb-bench.js — PouchDB 9's own replicator, measured for bench-sync against the same server
//
// Copyright 2026 The Sofra developers
// SPDX-License-Identifier: GPL-3.0-or-later
//
// node pouchdb-bench.js URL N   pushes N documents from an in-memory PouchDB into the empty
//                               database at URL, then pulls them into a second empty one;
//                               prints {"push_ms": …, "pull_ms": …, "push_requests": …,
//                               "pull_requests": …}. Making the documents is not timed.
'use strict';

const http = require('http');
const PouchDB = require('pouchdb').plugin(require('pouchdb-adapter-memory'));

let requests = 0;
const agent = new http.Agent({ keepAlive: true });
const original = http.request;
http.request = function (...args) {
  requests++;
  return original.apply(this, args);
};

function doc(i) {
  return {
    _id: 'session:' + String(i).padStart(8, '0'),
    type: 'session',
    title: `Community meeting ${i} in Mitrovicë/Митровица`,
    kind: 'community_meeting',
    status: 'held',
    date: '2026-0' + (1 + (i % 9)) + '-1' + (i % 9),
    summary: 'Residents of both communities discussed water supply, the bus line and the ' +
      'reopening of the market; the municipality agreed to send an engineer next week.',
    communities: ['albanian', 'serbian'],
    topics: ['freedom_of_movement', 'economy_trade'],
    office: 'office:mitrovica',
    created_at: '2026-03-01T10:00:00Z',
    updated_at: '2026-03-01T10:00:00Z',
    updated_by: 'Benchmark',
  };
}

async function main() {
  const [url, count] = [process.argv[2], Number(process.argv[3])];
  const source = new PouchDB('bench-source', { adapter: 'memory' });
  const docs = [];
  for (let i = 0; i < count; i++) docs.push(doc(i));
  for (let i = 0; i < docs.length; i += 1000) await source.bulkDocs(docs.slice(i, i + 1000));

  const remote = new PouchDB(url, { fetch: (u, opts) => PouchDB.fetch(u, Object.assign({ agent }, opts)) });
  requests = 0;
  let start = process.hrtime.bigint();
  await PouchDB.replicate(source, remote);
  const pushMs = Number(process.hrtime.bigint() - start) / 1e6;
  const pushRequests = requests;

  const target = new PouchDB('bench-target', { adapter: 'memory' });
  requests = 0;
  start = process.hrtime.bigint();
  await PouchDB.replicate(remote, target);
  const pullMs = Number(process.hrtime.bigint() - start) / 1e6;
  const info = await target.info();
  if (info.doc_count !== count) throw new Error(`pulled ${info.doc_count} of ${count}`);
  process.stdout.write(JSON.stringify({
    push_ms: pushMs, pull_ms: pullMs, push_requests: pushRequests, pull_requests: requests,
  }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
