import { configure } from '@testing-library/preact';

// Testing Library's `findBy…`/`waitFor` give up after 1 s by default: on a busy
// 2-core machine, a popup waiting on the real fact builder can take longer.
// Waits are conditions, not budgets, so they wait as long as the test may run.
configure({ asyncUtilTimeout: 20_000 });
