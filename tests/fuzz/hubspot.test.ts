/** @vitest-environment happy-dom */
// Hubspot's adapter under 10,000 random DOM mutations of its fixtures: see fuzz-adapter.ts.
import { fuzzAdapter } from './fuzz-adapter';

fuzzAdapter('hubspot');
