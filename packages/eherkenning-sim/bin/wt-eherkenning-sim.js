#!/usr/bin/env node
// The simulated eHerkenning broker; see packages/eherkenning-sim/README.md. Runs the built output (Node 20 cannot run .ts).
import '../dist/cli.js';
