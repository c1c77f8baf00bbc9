// Preloaded (node --require) into an app server of the benchmark only: turns the app's
// `synchronous = NORMAL` into FULL, to measure what an fsync per commit costs without a switch in
// the app. Nothing else changes.
const Database = require('better-sqlite3');
const pragma = Database.prototype.pragma;
Database.prototype.pragma = function (source, options) {
  if (/^\s*synchronous\s*=/i.test(source)) source = 'synchronous = FULL';
  return pragma.call(this, source, options);
};
