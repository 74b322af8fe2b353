// How long a journey may wait before it fails, from measurements on the shared 2-core machine with two busy
// loops beside the run (docs/performance.md, "The test suite on a busy machine"). A budget bounds how long a
// broken journey takes to fail; a passing journey waits for the response or element it needs, never a fixed time.
export const BUDGETS = {
  /**
   * One navigation, until its document is parsed and its scripts have run (DOMContentLoaded), or one form
   * submission until its answer and the page data Remix reloads after it. Slowest measured: 13.1 s (the FTR #863
   * program page rendered for the first time, anonymous), 8.5 s signed in, 16.3 s for a posted comment to show.
   */
  navigation: 60_000,
  /** An element to appear once what it depends on has answered. Slowest measured: 11.4 s (a posted comment, after its POST). */
  expect: 30_000,
  /** A click or a fill to find its element ready. */
  action: 30_000,
  /** A whole journey. Slowest measured: see docs/performance.md; the axe scan of the program page alone took 57 s. */
  test: 300_000,
} as const;
