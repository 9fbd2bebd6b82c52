/**
 * Local activities in flight at the same time resolve in the order they finish when they run,
 * but in the order they were scheduled when a worker replays them (sdk-core reads their results
 * from the markers at once). What the workflow does after each one (schedule a retry, start a
 * timer, record an event) would then be issued in another order on replay: a nondeterminism
 * error, and the incident stops escalating after a worker restart or a cache eviction. So a local
 * activity's caller resumes only once every one scheduled before it has settled: the order is the
 * scheduling order both times. A slow one holds back only the callers after it, not their work.
 *
 * Module state is per workflow: the bundle's modules are evaluated for each workflow (only modules
 * listed in bundlerOptions.preloadModules are shared, and this one is not).
 */
const ignore = () => undefined;

/** A queue of callers: each one's promise settles after every one passed in before it has. */
export function createSchedulingOrder() {
  let previous: Promise<void> = Promise.resolve();
  return function inSchedulingOrder<T>(scheduled: Promise<T>): Promise<T> {
    const before = previous;
    const settled = scheduled.then(ignore, ignore);
    previous = before.then(() => settled);
    return before.then(() => scheduled);
  };
}

const inSchedulingOrder = createSchedulingOrder();

/** `activity` whose callers resume in the order they called it (see above). */
export function inOrder<A extends unknown[], R>(activity: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return (...args) => inSchedulingOrder(activity(...args));
}
