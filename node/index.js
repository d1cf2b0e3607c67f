'use strict';
// opentok-rs: a drop-in for the `opentok` npm package on a Rust core.
// `const OpenTok = require('opentok-rs')` gives the same constructor as `require('opentok')`.
module.exports = require('./lib/opentok');
module.exports.webhooks = require('./lib/webhooks');
