#!/usr/bin/env node
// The built server (npm install builds dist/ in `prepare`); Node 20 cannot run the TypeScript sources itself.
import '../dist/cli.js';
