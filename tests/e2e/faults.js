// End-to-end tests: faults: the disk of the inbox read-only or full during a burst, a damaged rule set at start (issue 9).
'use strict';

const tests = [];

module.exports = { tests };
