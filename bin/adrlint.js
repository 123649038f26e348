#!/usr/bin/env node
// The published command runs the committed bundle, so `npx adrlint` needs no build step.
import '../dist/cli.js';
