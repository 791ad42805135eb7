// End-to-end tests: hostile text in every free-text field of every flow (issue 9).
'use strict';

const tests = [];

module.exports = { tests };
