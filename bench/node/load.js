'use strict';
// `require` time and memory of one package in a fresh process: node load.js <package dir|-> 
const path = require('path');
const before = process.memoryUsage();
const t0 = process.hrtime.bigint();
if (process.argv[2] !== '-') require(path.resolve(process.argv[2]));
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
global.gc && global.gc();
const after = process.memoryUsage();
process.stdout.write(JSON.stringify({ ms, rss: after.rss, heap: after.heapUsed - before.heapUsed, rssDelta: after.rss - before.rss }) + '\n');
