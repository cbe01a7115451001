/**
 * Loaded with `node --import` (through NODE_OPTIONS) to run a process with
 * its clock moved CLOCK_SHIFT_DAYS days ahead: `new Date()` and `Date.now()`
 * answer the shifted time, dates built from values are untouched. The
 * reproducibility test builds with it to show that no page depends on the
 * build's clock.
 */
const shift = Number(process.env.CLOCK_SHIFT_DAYS ?? 0) * 86_400_000;
if (shift) {
  const RealDate = globalThis.Date;
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + shift);
      else super(...args);
    }
    static now() {
      return RealDate.now() + shift;
    }
  }
  globalThis.Date = ShiftedDate;
}
