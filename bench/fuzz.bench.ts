// The parser fuzzers at full strength: 1 000 000 inputs for the STUN codec (the properties of
// test/unit/stun/fuzz.test.ts) and 1 000 000 for the SIP decoder and its readers (the properties
// of test/unit/sip/fuzz.test.ts), each printing inputs per second. The unit suites run the same
// properties with 100 000 inputs in `npm test`; FUZZ_RUNS / SIP_FUZZ_RUNS override the count here.
export {};

process.env.FUZZ_RUNS ??= '1000000';
process.env.SIP_FUZZ_RUNS ??= '1000000';

await import('../test/unit/stun/fuzz.test');
await import('../test/unit/sip/fuzz.test');
