#!/usr/bin/env node
// The `scholia` command: runs the built CLI (npm install builds it).
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'electron', 'cli.cjs');
if (!fs.existsSync(cli)) {
  process.stderr.write('scholia: not built yet; run "npm run build" in ' + path.dirname(__dirname) + '\n');
  process.exit(1);
}
require(cli)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
